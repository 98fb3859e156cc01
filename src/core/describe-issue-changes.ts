/**
 * What an import would change in a stored issue, in a few plain phrases ("title", "3 items added"),
 * so the editor can confirm an import knowing what it does. Counts rather than lists: a backup can
 * touch hundreds of items, and the conflicts (listed one by one elsewhere) are what needs reading.
 */
import type { Issue, Item, Section } from './model.ts';

const ISSUE_FIELDS: ReadonlyArray<[keyof Issue, string]> = [
  ['number', 'number'], ['title', 'title'], ['tagline', 'tagline'], ['intro', 'intro'], ['outro', 'outro'],
  ['status', 'status'], ['publishedAt', 'publication date'], ['createdAt', 'creation date'],
];

export function describeIssueChanges(before: Issue, after: Issue): string[] {
  const changes = ISSUE_FIELDS.filter(([key]) => before[key] !== after[key]).map(([, label]) => `${label} changed`);
  if (before.deleted === undefined && after.deleted !== undefined) changes.push('issue removed');
  if (before.deleted !== undefined && after.deleted === undefined) changes.push('issue restored');
  changes.push(...countChanges('section', before.sections, after.sections, sectionEdits));
  changes.push(...countChanges('item', before.items, after.items, itemEdits));
  return changes;
}

type Kind = 'moved' | 'edited' | 'renamed';

function sectionEdits(before: Section, after: Section): Kind[] {
  return [...(before.name !== after.name ? ['renamed' as const] : []), ...(before.position !== after.position ? ['moved' as const] : [])];
}

function itemEdits(before: Item, after: Item): Kind[] {
  const moved = before.position !== after.position || before.sectionId !== after.sectionId;
  const { position: _p1, sectionId: _s1, clocks: _c1, deleted: _d1, ...beforeContent } = before;
  const { position: _p2, sectionId: _s2, clocks: _c2, deleted: _d2, ...afterContent } = after;
  const edited = JSON.stringify(beforeContent) !== JSON.stringify(afterContent);
  return [...(edited ? ['edited' as const] : []), ...(moved ? ['moved' as const] : [])];
}

function countChanges<T extends { id: string; deleted?: string }>(noun: string, before: readonly T[], after: readonly T[],
  edits: (before: T, after: T) => Kind[]): string[] {
  const old = new Map(before.map((entity) => [entity.id, entity]));
  const counts = new Map<string, number>();
  const count = (what: string) => counts.set(what, (counts.get(what) ?? 0) + 1);
  for (const entity of after) {
    const previous = old.get(entity.id);
    const live = entity.deleted === undefined;
    if (previous === undefined) {
      if (live) count('added');
    } else if (previous.deleted === undefined && !live) count('removed');
    else if (previous.deleted !== undefined && live) count('restored');
    else if (live) edits(previous, entity).forEach(count);
  }
  return ['added', 'removed', 'restored', 'renamed', 'edited', 'moved']
    .filter((what) => counts.has(what))
    .map((what) => {
      const n = counts.get(what) ?? 0;
      return `${n} ${noun}${n === 1 ? '' : 's'} ${what}`;
    });
}
