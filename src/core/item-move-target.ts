/**
 * Where a keyboard move takes an item, in reading order: up and down within its section and across
 * the section edge (the top item going up lands last in the previous section), and to the previous
 * section's end or the next section's start in one step. Targets are in issue-ops `moveItem` terms:
 * `index` counts the other live items of the target section.
 */
import { liveItems, liveSections } from './live-parts.ts';
import type { Issue } from './model.ts';

export type MoveDirection = 'up' | 'down' | 'previous-section' | 'next-section';

export interface ItemPlace {
  sectionId: string;
  index: number;
}

/** The target of the move, or null when the item is already at that end of the issue. */
export function itemMoveTarget(issue: Issue, itemId: string, direction: MoveDirection): ItemPlace | null {
  const sections = liveSections(issue);
  const item = liveItems(issue).find((candidate) => candidate.id === itemId);
  if (item === undefined) return null;
  const sectionIndex = sections.findIndex((section) => section.id === item.sectionId);
  const siblings = liveItems(issue, item.sectionId);
  const index = siblings.findIndex((sibling) => sibling.id === itemId);
  const previous = sections[sectionIndex - 1];
  const next = sections[sectionIndex + 1];
  const endOfPrevious = previous ? { sectionId: previous.id, index: liveItems(issue, previous.id).length } : null;
  const startOfNext = next ? { sectionId: next.id, index: 0 } : null;
  switch (direction) {
    case 'up': return index > 0 ? { sectionId: item.sectionId, index: index - 1 } : endOfPrevious;
    case 'down': return index < siblings.length - 1 ? { sectionId: item.sectionId, index: index + 1 } : startOfNext;
    case 'previous-section': return endOfPrevious;
    case 'next-section': return startOfNext;
  }
}

/** Where the item is now, for saying so: its section's name, its 1-based position and the section's size. */
export function describeItemPlace(issue: Issue, itemId: string): { sectionName: string; position: number; count: number } | null {
  const item = liveItems(issue).find((candidate) => candidate.id === itemId);
  const section = liveSections(issue).find((candidate) => candidate.id === item?.sectionId);
  if (item === undefined || section === undefined) return null;
  const siblings = liveItems(issue, section.id);
  return { sectionName: section.name, position: siblings.findIndex((sibling) => sibling.id === itemId) + 1, count: siblings.length };
}
