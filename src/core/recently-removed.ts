/**
 * "Recently removed": what the editor can still bring back, newest first, from every issue: whole issues,
 * sections (with the items removed with them) and single items. Everything a tombstone still holds (sync
 * keeps tombstones for TOMBSTONE_LIFETIME_MS), so an Undo missed in the moment is not the last chance.
 */
import { parseHlc } from './hlc.ts';
import type { Hlc, Issue } from './model.ts';
import { TOMBSTONE_LIFETIME_MS } from './tombstones.ts';

export interface RemovedEntry {
  kind: 'issue' | 'section' | 'item';
  issueId: string;
  issueNumber: number;
  /** The issue's, section's or item's id. */
  id: string;
  /** The issue's title, the section's name or the item's title (inline Markdown for items). */
  label: string;
  /** For an issue or a section: how many items come back with it. */
  itemCount: number;
  /** When it was removed, in ms since the epoch (from the tombstone's clock). */
  removedAt: number;
}

function removedAt(deleted: Hlc): number {
  return parseHlc(deleted)?.ms ?? 0;
}

export function listRecentlyRemoved(issues: readonly Issue[], nowMs: number, maxAgeMs = TOMBSTONE_LIFETIME_MS): RemovedEntry[] {
  const entries: RemovedEntry[] = [];
  for (const issue of issues) {
    const base = { issueId: issue.id, issueNumber: issue.number };
    if (issue.deleted !== undefined) {
      const itemCount = issue.items.filter((item) => item.deleted === undefined).length;
      entries.push({ ...base, kind: 'issue', id: issue.id, label: issue.title, itemCount, removedAt: removedAt(issue.deleted) });
      continue;
    }
    const removedSections = new Map(issue.sections.filter((section) => section.deleted !== undefined).map((section) => [section.id, section]));
    for (const section of removedSections.values()) {
      const itemCount = issue.items.filter((item) => item.sectionId === section.id && item.deleted === section.deleted).length;
      entries.push({ ...base, kind: 'section', id: section.id, label: section.name, itemCount, removedAt: removedAt(section.deleted!) });
    }
    for (const item of issue.items) {
      if (item.deleted === undefined) continue;
      // Items removed together with their section come back with it, not one by one.
      if (removedSections.get(item.sectionId)?.deleted === item.deleted) continue;
      entries.push({ ...base, kind: 'item', id: item.id, label: item.title || item.url, itemCount: 0, removedAt: removedAt(item.deleted) });
    }
  }
  return entries.filter((entry) => nowMs - entry.removedAt <= maxAgeMs).sort((a, b) => b.removedAt - a.removedAt);
}
