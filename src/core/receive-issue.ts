/**
 * How a copy of an issue from another device is taken in (README, "Sync across your devices"), in two
 * steps so that the device's clock can move past what arrives before anything is stored:
 * 1. `screenIncomingIssue`: its clocks too far ahead of this device's are taken out (clock-trust.ts);
 *    the newest clock left is what the device clock must pass (`receiveHlc`);
 * 2. `mergeReceivedIssue`: without its removals older than the tombstone lifetime (tombstones.ts), it is
 *    merged into the stored copy (merge.ts), and tombstones past their collection age are collected.
 * Pure: the sync mirror and the IndexedDB store run these, and the property tests run them on any input.
 */
import { distrustFutureClocks } from './clock-trust.ts';
import { latestClockOf, mergeIssues, normalizeIssue } from './merge.ts';
import type { Hlc, Issue } from './model.ts';
import { collectTombstones, dropStaleRemovals } from './tombstones.ts';

export interface ScreenedIncoming {
  /** Canonical, with only believable clocks. */
  issue: Issue;
  /** The newest clock in it: this device's clock is moved past it before the copy is stored. */
  latest: Hlc;
  /** How many clocks were too far ahead to believe. */
  ignored: number;
}

export function screenIncomingIssue(incoming: Issue, nowMs: number): ScreenedIncoming {
  const { issue, ignored } = distrustFutureClocks(normalizeIssue(incoming), nowMs);
  return { issue, latest: latestClockOf(issue), ignored };
}

export interface ReceivedMerge {
  /** What to store; null when the copy is a removal older than the lifetime of an issue not held here. */
  merged: Issue | null;
  /** Sections and items (or the issue) live here that the copy removed longer ago than the lifetime: kept live. */
  keptLive: number;
}

/** `incoming` as `screenIncomingIssue` returned it. */
export function mergeReceivedIssue(stored: Issue | undefined, incoming: Issue, nowMs: number): ReceivedMerge {
  const fresh = dropStaleRemovals(incoming, nowMs);
  const keptLive = countKeptLive(stored, incoming, fresh);
  if (fresh === null) return { merged: stored ?? null, keptLive };
  return { merged: collectTombstones(stored === undefined ? fresh : mergeIssues(stored, fresh), nowMs), keptLive };
}

/** What the stale removals left out of the copy would have removed here. */
function countKeptLive(stored: Issue | undefined, incoming: Issue, fresh: Issue | null): number {
  if (stored === undefined) return 0;
  if (fresh === null) return stored.deleted === undefined && incoming.deleted !== undefined ? 1 : 0;
  const kept = new Set([...fresh.sections, ...fresh.items].map((entity) => entity.id));
  const dropped = new Set([...incoming.sections, ...incoming.items].filter((entity) => !kept.has(entity.id)).map((entity) => entity.id));
  return [...stored.sections, ...stored.items].filter((entity) => dropped.has(entity.id) && entity.deleted === undefined).length;
}
