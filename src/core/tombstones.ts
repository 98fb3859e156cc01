/**
 * Tombstones: a deletion is kept as the clock of the deletion (`deleted`, also `clocks.deleted`)
 * so a merge can tell "removed there" from "never seen there" (README.md, "Sync across your devices").
 *
 * The lifetime ({@link TOMBSTONE_LIFETIME_MS}, 30 days) is a promise both ways:
 * - a removal older than that, arriving from another device, is not applied: a device whose clock is a
 *   month slow (or a forged copy) cannot wipe live items, and a device that stayed away that long may
 *   bring back what others removed, the usual price of bounded tombstones;
 * - every removal stays restorable for at least that long: tombstones are collected only when twice
 *   as old ({@link TOMBSTONE_COLLECT_AGE_MS}), so even one that arrived just within the lifetime stays
 *   a full lifetime more.
 */
import { ZERO_HLC, hlcJustAfter, maxHlc, parseHlc } from './hlc.ts';
import type { Clocks, Hlc, Issue } from './model.ts';

export const TOMBSTONE_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
export const TOMBSTONE_COLLECT_AGE_MS = 2 * TOMBSTONE_LIFETIME_MS;

export interface Tombstoned {
  clocks: Clocks;
  deleted?: Hlc;
}

/**
 * The clock of the last deletion or restoration. A restoration (issue-ops `restoreItem`) drops
 * `deleted` but clocks `clocks.deleted`, so a newer restoration beats an older deletion.
 */
export function deletionClockOf(entity: Tombstoned): Hlc {
  return maxHlc(entity.clocks.deleted ?? ZERO_HLC, entity.deleted ?? ZERO_HLC);
}

/**
 * The clock of a restore made at `at` of an entity removed at `removal`: `at`, unless the removal carries a
 * later clock (this device's clock had not passed it yet): then just after it, so a restore always wins
 * over the removal it undoes.
 */
export function restoreClockFor(at: Hlc, removal: Hlc): Hlc {
  if (at > removal) return at;
  return hlcJustAfter(removal, parseHlc(at)?.deviceId ?? '');
}

/** Removes sections and items whose tombstone is older than `maxAgeMs`; live data is never touched. */
export function collectTombstones(issue: Issue, nowMs: number, maxAgeMs = TOMBSTONE_COLLECT_AGE_MS): Issue {
  const expired = (entity: Tombstoned) => isExpiredTombstone(entity, nowMs - maxAgeMs);
  const items = issue.items.filter((item) => !expired(item));
  // A section stays while an item still points at it (an item edited after its section was
  // removed is live), so the issue keeps its integrity: every item's section exists.
  const referenced = new Set(items.map((item) => item.sectionId));
  const sections = issue.sections.filter((section) => referenced.has(section.id) || !expired(section));
  if (items.length === issue.items.length && sections.length === issue.sections.length) return issue;
  return { ...issue, sections, items };
}

/** Drops whole issues deleted more than `maxAgeMs` ago and collects the tombstones inside the others. */
export function collectIssueTombstones(issues: readonly Issue[], nowMs: number, maxAgeMs = TOMBSTONE_COLLECT_AGE_MS): Issue[] {
  return issues
    .filter((issue) => !isExpiredTombstone(issue, nowMs - maxAgeMs))
    .map((issue) => collectTombstones(issue, nowMs, maxAgeMs));
}

/**
 * Another device's copy without the removals older than the lifetime: such a removal is not applied to
 * what this device holds, and what it removed is not added here. Null when the whole issue is such a
 * removal. Expects a canonical issue (merge.ts `normalizeIssue`).
 */
export function dropStaleRemovals(incoming: Issue, nowMs: number): Issue | null {
  if (isExpiredTombstone(incoming, nowMs - TOMBSTONE_LIFETIME_MS)) return null;
  return collectTombstones(incoming, nowMs, TOMBSTONE_LIFETIME_MS);
}

function isExpiredTombstone(entity: Tombstoned, cutoffMs: number): boolean {
  if (entity.deleted === undefined) return false;
  const parts = parseHlc(deletionClockOf(entity));
  return parts !== null && parts.ms < cutoffMs;
}
