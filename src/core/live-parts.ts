/**
 * Which parts of an issue are live, and in what order: what the editor page, the popup and the exports show.
 * Kept apart from the edits (issue-ops.ts) and the position keys (position.ts), so a page that only
 * shows an issue, such as the popup, loads neither.
 */
import type { Issue, Item, Section } from './model.ts';

/**
 * Total, deterministic order: by key in code-unit order (never `localeCompare`, whose order
 * depends on the locale), then by id, so replicas holding equal keys still agree.
 */
export function compareByPosition(a: { position: string; id: string }, b: { position: string; id: string }): number {
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

/**
 * The sections the editor page, the popup and the exports show, in reading order. "Add wins": a section
 * removed on one device while another device added or edited an item in it stays shown, with its
 * name and its surviving items, for as long as it holds one; otherwise that item would be live yet
 * invisible, an edit lost to a removal its author never saw. Removing it again tombstones it anew.
 */
export function liveSections(issue: Issue): Section[] {
  const holding = sectionsHoldingLiveItems(issue);
  return issue.sections.filter((section) => isShownSection(section, holding)).sort(compareByPosition);
}

/** Live items of one section, or of every live section in reading order. */
export function liveItems(issue: Issue, sectionId?: string): Item[] {
  const live = issue.items.filter((item) => item.deleted === undefined);
  if (sectionId !== undefined) return live.filter((item) => item.sectionId === sectionId).sort(compareByPosition);
  return liveSections(issue).flatMap((section) => liveItems(issue, section.id));
}

export function sectionsHoldingLiveItems(issue: Issue): Set<string> {
  return new Set(issue.items.filter((item) => item.deleted === undefined).map((item) => item.sectionId));
}

export function isShownSection(section: Section, holdingLiveItems: ReadonlySet<string>): boolean {
  return section.deleted === undefined || holdingLiveItems.has(section.id);
}
