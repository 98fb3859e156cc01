/**
 * "Duplicate as new draft": a fresh draft with the same tagline, intro, outro, sections and items
 * as an earlier issue, for newsletters whose issues share a skeleton or that reuse a published one.
 * Everything gets new ids and clocks: the copy is a new issue, and a later merge or import must
 * never mistake its items for the original's.
 */
import { addItem, createIssue } from './issue-ops.ts';
import { liveItems, liveSections } from './live-parts.ts';
import { newId } from './ids.ts';
import type { Hlc, Issue } from './model.ts';

export interface DuplicateInput {
  id: string;
  number: number;
  title: string;
  createdAt: string;
  at: Hlc;
  makeId?: () => string;
}

export function duplicateIssue(source: Issue, input: DuplicateInput): Issue {
  const { makeId = newId, at } = input;
  const sections = liveSections(source);
  const sectionIds = new Map(sections.map((section) => [section.id, makeId()]));
  const ids = [...sectionIds.values()];
  let copy = createIssue({
    id: input.id, number: input.number, title: input.title, createdAt: input.createdAt, at,
    tagline: source.tagline, intro: source.intro, outro: source.outro,
    sectionNames: sections.map((section) => section.name), makeId: () => ids.shift() ?? makeId(),
  });
  for (const item of liveItems(source)) {
    const { sectionId, position: _position, clocks: _clocks, deleted: _deleted, ...fields } = item;
    copy = addItem(copy, { ...fields, id: makeId() }, { sectionId: sectionIds.get(sectionId) ?? '', at });
  }
  return copy;
}
