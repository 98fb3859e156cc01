/**
 * Tombstones: a deletion is kept as the clock of the deletion (`deleted`, also `clocks.deleted`)
 * so a merge can tell "removed there" from "never seen there". They are kept for 30 days and then
 * collected: a replica that stayed offline longer than that may bring a collected entity back,
 * the usual price of bounded tombstones (DESIGN.md, "Sync across the profile").
 */
import { ZERO_HLC, maxHlc, parseHlc } from './hlc.ts';
import type { Clocks, Hlc, Issue } from './model.ts';

export const TOMBSTONE_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

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

/** Removes sections and items whose tombstone is older than `maxAgeMs`; live data is never touched. */
export function collectTombstones(issue: Issue, nowMs: number, maxAgeMs = TOMBSTONE_MAX_AGE_MS): Issue {
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
export function collectIssueTombstones(issues: readonly Issue[], nowMs: number, maxAgeMs = TOMBSTONE_MAX_AGE_MS): Issue[] {
  return issues
    .filter((issue) => !isExpiredTombstone(issue, nowMs - maxAgeMs))
    .map((issue) => collectTombstones(issue, nowMs, maxAgeMs));
}

function isExpiredTombstone(entity: Tombstoned, cutoffMs: number): boolean {
  if (entity.deleted === undefined) return false;
  const parts = parseHlc(deletionClockOf(entity));
  return parts !== null && parts.ms < cutoffMs;
}
