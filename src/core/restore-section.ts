/**
 * Undo of removeSection (issue-ops.ts): brings the section back with the items that were removed
 * together with it. removeSection tombstones them all with the same clock, which is how they are
 * told apart from items the editor had removed one by one before: those stay removed. Like every
 * restore, it wins over the removal it undoes (tombstones.ts `restoreClockFor`).
 */
import { liveSections } from './live-parts.ts';
import type { Hlc, Issue } from './model.ts';
import { positionBetween } from './position.ts';
import { deletionClockOf, restoreClockFor } from './tombstones.ts';

export function restoreSection(issue: Issue, sectionId: string, at: Hlc): Issue {
  const section = issue.sections.find((candidate) => candidate.id === sectionId);
  if (section === undefined) throw new Error(`That section is no longer part of issue #${issue.number}, so it cannot be restored.`);
  const removedAt = section.deleted;
  if (removedAt === undefined) return issue;
  const restoredAt = restoreClockFor(at, deletionClockOf(section));
  const { deleted: _deleted, ...rest } = section;
  const siblings = liveSections(issue);
  // Back to its old key, unless a section added meanwhile took it: then just after that one.
  const taken = siblings.some((sibling) => sibling.position === section.position);
  const next = siblings.find((sibling) => sibling.position > section.position)?.position ?? null;
  const position = taken ? positionBetween(section.position, next) : section.position;
  const restored = {
    ...rest, position,
    clocks: { ...section.clocks, deleted: restoredAt, ...(taken ? { position: restoredAt } : {}) },
  };
  const items = issue.items.map((item) => {
    if (item.sectionId !== sectionId || item.deleted !== removedAt) return item;
    const { deleted: _itemDeleted, ...live } = item;
    return { ...live, clocks: { ...item.clocks, deleted: restoredAt } };
  });
  return { ...issue, sections: issue.sections.map((old) => (old.id === sectionId ? restored : old)), items };
}
