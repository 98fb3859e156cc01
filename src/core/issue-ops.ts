/**
 * Pure, immutable edits of an issue. Every edit takes the clock of the edit (`at`) and stamps
 * `clocks[field] = at` on each field it changes, so a later merge can be last-writer-wins per field.
 * Removal is a tombstone (`deleted = at`, also clocked as `clocks.deleted`) so that a merge can tell
 * "removed here" from "never seen here"; undoing a removal clocks `deleted` again, newer.
 */
import type { Clocks, Hlc, Issue, Item, Section } from './model.ts';
import { newId } from './ids.ts';
import { isShownSection, liveItems, liveSections, sectionsHoldingLiveItems } from './live-parts.ts';
import { positionBetween, positionsForCount } from './position.ts';
import { deletionClockOf, restoreClockFor } from './tombstones.ts';

/** What a capture supplies; the issue decides section, position and clocks. */
export type NewItem = Omit<Item, 'sectionId' | 'position' | 'clocks' | 'deleted'>;
export type ItemPatch = Partial<Omit<NewItem, 'id' | 'capturedAt'>>;
export type IssuePatch = Partial<Pick<Issue, 'title' | 'tagline' | 'intro' | 'outro' | 'number'>>;
/** Where to put a section among the live ones; an index past the end means "last". */
export type SectionTarget = { beforeSectionId: string } | { afterSectionId: string } | { index: number };
/** Where to put an item; `index: Infinity` means the end of the section. */
export type ItemTarget =
  | { sectionId: string; beforeItemId: string }
  | { sectionId: string; afterItemId: string }
  | { sectionId: string; index: number };

export interface NewIssue {
  id: string;
  number: number;
  title: string;
  tagline?: string;
  sectionNames: readonly string[];
  intro: string;
  outro: string;
  createdAt: string;
  at: Hlc;
  /** Injected so tests and imports can be deterministic. */
  makeId?: () => string;
}

export function createIssue(input: NewIssue): Issue {
  const { at, makeId = newId } = input;
  const fields = { number: input.number, title: input.title, tagline: input.tagline ?? '', intro: input.intro,
    outro: input.outro, status: 'draft' as const, publishedAt: null };
  const positions = positionsForCount(input.sectionNames.length);
  const sections = input.sectionNames.map((name, i): Section =>
    ({ id: makeId(), name, position: positions[i] ?? '', clocks: { name: at, position: at } }));
  return { id: input.id, createdAt: input.createdAt, ...fields, sections, items: [], clocks: stampAll(fields, at) };
}

export function updateIssueFields(issue: Issue, patch: IssuePatch, at: Hlc): Issue {
  return applyPatch(issue, patch, at);
}

export function publishIssue(issue: Issue, publishedAt: string, at: Hlc): Issue {
  return applyPatch(issue, { status: 'published', publishedAt }, at);
}

/** Back to a draft, to be changed and published again (with the new day); a draft stays as it is. */
export function unpublishIssue(issue: Issue, at: Hlc): Issue {
  return issue.status === 'draft' ? issue : applyPatch(issue, { status: 'draft', publishedAt: null }, at);
}

/** Tombstones the whole issue: sync carries the removal to other devices, and `restoreIssue` undoes it. */
export function deleteIssue(issue: Issue, at: Hlc): Issue {
  return issue.deleted === undefined ? tombstone(issue, at) : issue;
}

/** Undo of `deleteIssue`; like `restoreItem`, `at` must be newer than the removal. */
export function restoreIssue(issue: Issue, at: Hlc): Issue {
  if (issue.deleted === undefined) return issue;
  // As for items (restoreItem): the restore always wins over the removal it undoes, whatever its clock.
  const { deleted: _deleted, ...rest } = issue;
  return { ...rest, clocks: { ...issue.clocks, deleted: restoreClockFor(at, deletionClockOf(issue)) } };
}

export function addSection(issue: Issue, { id, name, at, after }: { id: string; name: string; at: Hlc; after?: string }): Issue {
  assertNewId(issue, id);
  const siblings = liveSections(issue);
  const index = after === undefined ? siblings.length : indexOfLive(siblings, after, 'section') + 1;
  const section: Section = { id, name, position: positionAt(siblings, index), clocks: { name: at, position: at } };
  return { ...issue, sections: [...issue.sections, section] };
}

export function renameSection(issue: Issue, sectionId: string, name: string, at: Hlc): Issue {
  return replaceSection(issue, editSection(requireLiveSection(issue, sectionId), { name }, at));
}

export function moveSection(issue: Issue, sectionId: string, target: SectionTarget, at: Hlc): Issue {
  const section = requireLiveSection(issue, sectionId);
  const siblings = liveSections(issue).filter((other) => other.id !== sectionId);
  const index = 'index' in target ? target.index
    : 'beforeSectionId' in target ? indexOfLive(siblings, target.beforeSectionId, 'section')
      : indexOfLive(siblings, target.afterSectionId, 'section') + 1;
  return replaceSection(issue, editSection(section, { position: positionAt(siblings, index) }, at));
}

/** Tombstones the section and its live items (with the same clock, so one undo can find them). */
export function removeSection(issue: Issue, sectionId: string, at: Hlc): Issue {
  const section = requireLiveSection(issue, sectionId);
  const items = issue.items.map((item) =>
    item.sectionId === sectionId && item.deleted === undefined ? tombstone(item, at) : item);
  return { ...replaceSection(issue, tombstone(section, at)), items };
}

/** Appends the item at the end of the section. */
export function addItem(issue: Issue, fields: NewItem, { sectionId, at }: { sectionId: string; at: Hlc }): Issue {
  assertNewId(issue, fields.id);
  requireLiveSection(issue, sectionId);
  const position = positionAt(liveItems(issue, sectionId), Infinity);
  const { id, capturedAt, ...content } = fields;
  const placed = { ...content, sectionId, position };
  const item: Item = { id, capturedAt, ...placed, authors: [...fields.authors], clocks: stampAll(placed, at) };
  return { ...issue, items: [...issue.items, item] };
}

/** Stamps only the fields whose value really changes; returns the same issue when nothing does. */
export function updateItem(issue: Issue, itemId: string, patch: ItemPatch, at: Hlc): Issue {
  return replaceItem(issue, applyPatch(requireLiveItem(issue, itemId), patch, at));
}

export function moveItem(issue: Issue, itemId: string, target: ItemTarget, at: Hlc): Issue {
  const item = requireLiveItem(issue, itemId);
  requireLiveSection(issue, target.sectionId);
  const siblings = liveItems(issue, target.sectionId).filter((other) => other.id !== itemId);
  const index = 'index' in target ? target.index
    : 'beforeItemId' in target ? indexOfLive(siblings, target.beforeItemId, 'item')
      : indexOfLive(siblings, target.afterItemId, 'item') + 1;
  return replaceItem(issue, applyPatch(item, { sectionId: target.sectionId, position: positionAt(siblings, index) }, at));
}

export function removeItem(issue: Issue, itemId: string, at: Hlc): Issue {
  return replaceItem(issue, tombstone(requireLiveItem(issue, itemId), at));
}

/**
 * Undo of a removal. The restore always wins over the removal it undoes: it is stamped `at`, or just after
 * the removal when that carries a later clock (tombstones.ts `restoreClockFor`), so no clock can keep an
 * editor from taking back a removal.
 */
export function restoreItem(issue: Issue, itemId: string, at: Hlc): Issue {
  const item = issue.items.find((candidate) => candidate.id === itemId);
  if (item === undefined) throw new Error(`That item is no longer part of issue #${issue.number}, so it cannot be restored.`);
  if (item.deleted === undefined) return issue;
  // An item removed after its section was (one that had survived there, see liveSections) may come
  // back, and brings the section back with it; items removed together with the section may not.
  const section = issue.sections.find((candidate) => candidate.id === item.sectionId);
  const survivedItsSection = section?.deleted !== undefined && item.deleted > section.deleted;
  if (!survivedItsSection && !liveSections(issue).some((live) => live.id === item.sectionId)) {
    throw new Error(`“${item.title}” was removed with its section${section ? ` “${section.name}”` : ''}: restore the section to bring it back.`);
  }
  const restoredAt = restoreClockFor(at, deletionClockOf(item));
  const { deleted: _deleted, ...rest } = item;
  const restored = { ...rest, clocks: { ...item.clocks, deleted: restoredAt } };
  // Back to its old key, unless an item added meanwhile took that key: then just after that item.
  const siblings = liveItems(issue, item.sectionId);
  if (!siblings.some((sibling) => sibling.position === item.position)) return replaceItem(issue, restored);
  const position = positionAt(siblings, siblings.filter((sibling) => sibling.position <= item.position).length);
  return replaceItem(issue, applyPatch(restored, { position }, restoredAt));
}

// --- helpers -------------------------------------------------------------------------------

type Entity = { id: string; clocks: Clocks; deleted?: Hlc };

function stampAll(fields: object, at: Hlc): Clocks {
  return Object.fromEntries(Object.keys(fields).map((field) => [field, at]));
}

function applyPatch<T extends Entity>(entity: T, patch: NoInfer<Partial<T>>, at: Hlc): T {
  const changed = (Object.keys(patch) as (keyof T & string)[])
    .filter((field) => patch[field] !== undefined && !sameValue(entity[field], patch[field]));
  if (changed.length === 0) return entity;
  const values = Object.fromEntries(changed.map((field) => [field, copyValue(patch[field])]));
  return { ...entity, ...values, clocks: { ...entity.clocks, ...stampAll(values, at) } };
}

/**
 * A rename or move of a section shown only because it still holds live items (see liveSections) is an
 * edit newer than its removal, which brings it back for good: what the merge would make of it (merge.ts).
 */
function editSection(section: Section, patch: Partial<Section>, at: Hlc): Section {
  const edited = applyPatch(section, patch, at);
  if (edited === section || edited.deleted === undefined || at <= edited.deleted) return edited;
  const { deleted: _deleted, ...revived } = edited;
  return revived;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((value, i) => value === b[i]);
  return a === b;
}

function copyValue(value: unknown): unknown {
  return Array.isArray(value) ? [...value] : value;
}

function tombstone<T extends Entity>(entity: T, at: Hlc): T {
  return { ...entity, deleted: at, clocks: { ...entity.clocks, deleted: at } };
}

/** A key between the neighbours at `index` (clamped) of the ordered live siblings. */
function positionAt(siblings: readonly { position: string }[], index: number): string {
  const at = Math.max(0, Math.min(index, siblings.length));
  const before = siblings[at - 1]?.position ?? null;
  // After a merge two siblings may share a key; skip past the ties so a key strictly between exists.
  const after = siblings.slice(at).find((sibling) => before === null || sibling.position > before)?.position ?? null;
  return positionBetween(before, after);
}

function indexOfLive(siblings: readonly { id: string }[], id: string, kind: 'section' | 'item'): number {
  const index = siblings.findIndex((sibling) => sibling.id === id);
  if (index === -1) throw new Error(`No live ${kind} with id ${id} to place next to`);
  return index;
}

function assertNewId(issue: Issue, id: string): void {
  if (issue.sections.some((section) => section.id === id) || issue.items.some((item) => item.id === id)) {
    throw new Error(`Id ${id} is already used in issue #${issue.number}`);
  }
}

function requireLiveSection(issue: Issue, sectionId: string): Section {
  const section = issue.sections.find((candidate) => candidate.id === sectionId);
  if (section === undefined) throw new Error(`No section with id ${sectionId} in issue #${issue.number}`);
  if (!isShownSection(section, sectionsHoldingLiveItems(issue))) {
    throw new Error(`Section "${section.name}" was removed from issue #${issue.number}`);
  }
  return section;
}

function requireLiveItem(issue: Issue, itemId: string): Item {
  const item = issue.items.find((candidate) => candidate.id === itemId);
  if (item === undefined) throw new Error(`No item with id ${itemId} in issue #${issue.number}`);
  if (item.deleted !== undefined) throw new Error(`Item "${item.title}" was removed; restore it before changing it`);
  return item;
}

function replaceSection(issue: Issue, section: Section): Issue {
  if (issue.sections.includes(section)) return issue;
  return { ...issue, sections: issue.sections.map((old) => (old.id === section.id ? section : old)) };
}

function replaceItem(issue: Issue, item: Item): Issue {
  if (issue.items.includes(item)) return issue;
  return { ...issue, items: issue.items.map((old) => (old.id === item.id ? item : old)) };
}
