import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from './hlc.ts';
import type { Issue } from './model.ts';
import { mergeIssues, normalizeIssue } from './merge.ts';
import { parseIssue } from './schema.ts';
import { addItem, addSection, createIssue, moveItem, moveSection, publishIssue, removeItem, removeSection, renameSection, restoreItem, updateIssueFields, updateItem, type ItemTarget, type NewItem, type SectionTarget } from './issue-ops.ts';
import { liveItems, liveSections } from './live-parts.ts';

const clock = (ms: number) => formatHlc({ ms, counter: 0, deviceId: 'test' });

function sequentialIds(prefix: string): () => string {
  let next = 0;
  return () => `${prefix}${++next}`;
}

function newItem(id: string, overrides: Partial<NewItem> = {}): NewItem {
  return {
    id, url: `https://example.com/${id}`, canonicalUrl: null, title: `Title ${id}`, summary: 'Summary.', note: '',
    site: 'Example', authors: ['Ada'], publishedAt: null, image: null, kind: 'article',
    capturedAt: '2026-11-02T10:00:00.000Z', ...overrides,
  };
}

/** Sections s1 "Industry", s2 "Learning", s3 "Papers"; items a, b, c in s1 and d in s2. */
function sampleIssue(): Issue {
  let issue = createIssue({
    id: 'issue-1', number: 206, title: 'Deep Learning Weekly: Issue #206', sectionNames: ['Industry', 'Learning', 'Papers'],
    intro: 'Hello', outro: 'Bye', createdAt: '2026-11-01T00:00:00.000Z', at: clock(1), makeId: sequentialIds('s'),
  });
  for (const id of ['a', 'b', 'c']) issue = addItem(issue, newItem(id), { sectionId: 's1', at: clock(2) });
  return addItem(issue, newItem('d'), { sectionId: 's2', at: clock(2) });
}

const sectionNames = (issue: Issue) => liveSections(issue).map((section) => section.name);
const itemIds = (issue: Issue, sectionId?: string) => liveItems(issue, sectionId).map((item) => item.id);

/** Any accidental mutation of an input then throws (ES modules run in strict mode). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('createIssue', () => {
  it('creates a draft with ordered sections and every field clocked', () => {
    const issue = sampleIssue();
    expect(issue.status).toBe('draft');
    expect(issue.publishedAt).toBeNull();
    expect(sectionNames(issue)).toEqual(['Industry', 'Learning', 'Papers']);
    expect(issue.clocks).toMatchObject({ title: clock(1), intro: clock(1), outro: clock(1), number: clock(1), status: clock(1) });
    expect(issue.sections[0]?.clocks).toEqual({ name: clock(1), position: clock(1) });
  });
});

describe('sections', () => {
  it.each<[string, { after?: string }, string[]]>([
    ['at the end by default', {}, ['Industry', 'Learning', 'Papers', 'New']],
    ['after the first', { after: 's1' }, ['Industry', 'New', 'Learning', 'Papers']],
    ['after the last', { after: 's3' }, ['Industry', 'Learning', 'Papers', 'New']],
  ])('adds a section %s', (_name, options, expected) => {
    expect(sectionNames(addSection(sampleIssue(), { id: 'new', name: 'New', at: clock(3), ...options }))).toEqual(expected);
  });

  it.each<[string, () => Issue, RegExp]>([
    ['an id already in use', () => addSection(sampleIssue(), { id: 'a', name: 'X', at: clock(3) }), /already used/],
    ['an unknown neighbour', () => addSection(sampleIssue(), { id: 'x', name: 'X', at: clock(3), after: 'nope' }), /No live section with id nope/],
    ['renaming an unknown section', () => renameSection(sampleIssue(), 'nope', 'X', clock(3)), /No section with id nope/],
    ['moving a removed section', () => moveSection(removeSection(sampleIssue(), 's2', clock(3)), 's2', { index: 0 }, clock(4)), /was removed/],
  ])('refuses %s', (_name, edit, message) => {
    expect(edit).toThrow(message);
  });

  it('restores over a removal stamped later than the restore\u2019s own clock (from a device whose clock runs ahead)', () => {
    const fast = formatHlc({ ms: 5, counter: 0, deviceId: 'fast' });
    const restored = restoreItem(removeItem(sampleIssue(), 'a', fast), 'a', clock(4));
    const item = restored.items.find((candidate) => candidate.id === 'a');
    expect(item?.deleted).toBeUndefined();
    expect((item?.clocks.deleted ?? '') > fast).toBe(true);
    // What a merge makes of it: the restore, not the removal.
    expect(liveItems(normalizeIssue(restored)).map((live) => live.id)).toContain('a');
  });

  it('renames, stamping only the name', () => {
    const renamed = renameSection(sampleIssue(), 's2', 'Learning & Tutorials', clock(5));
    const section = renamed.sections.find((candidate) => candidate.id === 's2');
    expect(section?.name).toBe('Learning & Tutorials');
    expect(section?.clocks).toEqual({ name: clock(5), position: clock(1) });
  });

  it('returns the same issue when a rename changes nothing', () => {
    const issue = sampleIssue();
    expect(renameSection(issue, 's2', 'Learning', clock(5))).toBe(issue);
  });

  it.each<[SectionTarget, string[], string]>([
    [{ index: 0 }, ['Papers', 'Industry', 'Learning'], clock(6)],
    [{ index: 1 }, ['Industry', 'Papers', 'Learning'], clock(6)],
    [{ beforeSectionId: 's1' }, ['Papers', 'Industry', 'Learning'], clock(6)],
    [{ afterSectionId: 's1' }, ['Industry', 'Papers', 'Learning'], clock(6)],
    // Already last: the new key equals the old one, so nothing changes and nothing is stamped.
    [{ index: 99 }, ['Industry', 'Learning', 'Papers'], clock(1)],
  ])('moves the third section to %j', (target, expected, positionClock) => {
    const moved = moveSection(sampleIssue(), 's3', target, clock(6));
    expect(sectionNames(moved)).toEqual(expected);
    expect(moved.sections.find((section) => section.id === 's3')?.clocks.position).toBe(positionClock);
  });

  it('tombstones a removed section together with its live items, keeping older tombstones', () => {
    const earlier = removeItem(sampleIssue(), 'a', clock(3));
    const removed = removeSection(earlier, 's1', clock(4));
    expect(sectionNames(removed)).toEqual(['Learning', 'Papers']);
    expect(removed.sections.find((section) => section.id === 's1')).toMatchObject({ deleted: clock(4), clocks: { deleted: clock(4) } });
    expect(removed.items.map((item) => [item.id, item.deleted])).toEqual([
      ['a', clock(3)], ['b', clock(4)], ['c', clock(4)], ['d', undefined],
    ]);
    expect(itemIds(removed)).toEqual(['d']);
  });
});

describe('a section removed on one device while another added to it ("add wins")', () => {
  /** A removes "Industry" (s1) at 5; B, not knowing, files "e" into it at 4; the replicas then merge. */
  function merged(): Issue {
    const base = sampleIssue();
    const onA = removeSection(base, 's1', clock(5));
    const onB = addItem(base, newItem('e'), { sectionId: 's1', at: formatHlc({ ms: 4, counter: 0, deviceId: 'b' }) });
    return mergeIssues(onA, onB);
  }

  it('stays shown, in its place and by its name, with only the item added elsewhere', () => {
    const issue = merged();
    expect(issue.sections.find((section) => section.id === 's1')?.deleted).toBe(clock(5));
    expect(sectionNames(issue)).toEqual(['Industry', 'Learning', 'Papers']);
    expect(itemIds(issue, 's1')).toEqual(['e']);
    expect(itemIds(issue)).toEqual(['e', 'd']);
  });

  it('can be removed again: a newer tombstone for it and its items, which hides it', () => {
    const removed = removeSection(merged(), 's1', clock(6));
    expect(removed.sections.find((section) => section.id === 's1')).toMatchObject({ deleted: clock(6), clocks: { deleted: clock(6) } });
    expect(removed.items.find((item) => item.id === 'e')?.deleted).toBe(clock(6));
    expect(sectionNames(removed)).toEqual(['Learning', 'Papers']);
    expect(sectionNames(mergeIssues(removed, merged()))).toEqual(['Learning', 'Papers']);
  });

  it.each<[string, (issue: Issue) => Issue]>([
    ['renamed', (issue) => renameSection(issue, 's1', 'Industry news', clock(6))],
    ['moved', (issue) => moveSection(issue, 's1', { index: 2 }, clock(6))],
  ])('comes back for good when %s, as a merge would have it', (_name, edit) => {
    const edited = edit(merged());
    const section = edited.sections.find((candidate) => candidate.id === 's1');
    expect(section && 'deleted' in section).toBe(false);
    expect(section?.clocks.deleted).toBe(clock(5));
    expect(normalizeIssue(edited).sections.find((candidate) => candidate.id === 's1')).toEqual(section);
    // With its last item gone, it still shows: the edit, not the item, keeps it.
    expect(liveSections(removeItem(edited, 'e', clock(7))).map((candidate) => candidate.id)).toContain('s1');
  });

  it('takes new and moved items while shown', () => {
    const issue = moveItem(addItem(merged(), newItem('f'), { sectionId: 's1', at: clock(6) }), 'd', { sectionId: 's1', index: 0 }, clock(7));
    expect(itemIds(issue, 's1')).toEqual(['d', 'e', 'f']);
  });

  it('hides once its last item is removed, and shows again when that removal is undone', () => {
    const emptied = removeItem(merged(), 'e', clock(6));
    expect(sectionNames(emptied)).toEqual(['Learning', 'Papers']);
    const undone = restoreItem(emptied, 'e', clock(7));
    expect(sectionNames(undone)).toEqual(['Industry', 'Learning', 'Papers']);
    expect(itemIds(undone, 's1')).toEqual(['e']);
    // An item removed together with the section may come back only while the section is shown.
    expect(() => restoreItem(emptied, 'a', clock(8))).toThrow(/removed with its section/);
    expect(itemIds(restoreItem(undone, 'a', clock(8)), 's1')).toEqual(['a', 'e']);
  });
});

describe('items', () => {
  it('appends to the end of a section and clocks every field it sets', () => {
    const issue = addItem(sampleIssue(), newItem('e'), { sectionId: 's1', at: clock(7) });
    expect(itemIds(issue, 's1')).toEqual(['a', 'b', 'c', 'e']);
    const item = issue.items.find((candidate) => candidate.id === 'e');
    expect(item?.clocks).toMatchObject({ title: clock(7), url: clock(7), sectionId: clock(7), position: clock(7) });
    expect(item?.clocks.capturedAt).toBeUndefined();
  });

  it('lists live items in reading order across sections', () => {
    const issue = moveSection(sampleIssue(), 's2', { index: 0 }, clock(3));
    expect(itemIds(issue)).toEqual(['d', 'a', 'b', 'c']);
  });

  it.each<[string, () => Issue, RegExp]>([
    ['adding to an unknown section', () => addItem(sampleIssue(), newItem('e'), { sectionId: 'nope', at: clock(3) }), /No section with id nope/],
    ['adding to a removed section', () => addItem(removeSection(sampleIssue(), 's3', clock(3)), newItem('e'), { sectionId: 's3', at: clock(4) }), /"Papers" was removed/],
    ['adding a duplicate id', () => addItem(sampleIssue(), newItem('b'), { sectionId: 's1', at: clock(3) }), /already used/],
    ['updating an unknown item', () => updateItem(sampleIssue(), 'zzz', { title: 'X' }, clock(3)), /No item with id zzz in issue #206/],
    ['updating a removed item', () => updateItem(removeItem(sampleIssue(), 'a', clock(3)), 'a', { title: 'X' }, clock(4)), /restore it/],
    ['moving before an item of another section', () => moveItem(sampleIssue(), 'a', { sectionId: 's1', beforeItemId: 'd' }, clock(3)), /No live item with id d/],
    ['restoring into a removed section', () => restoreItem(removeSection(sampleIssue(), 's1', clock(5)), 'a', clock(6)), /removed with its section “Industry”: restore the section/],
    ['restoring an item no longer there', () => restoreItem(sampleIssue(), 'gone', clock(6)), /no longer part of issue #206/],
  ])('refuses %s', (_name, edit, message) => {
    expect(edit).toThrow(message);
  });

  it.each<[string, Parameters<typeof updateItem>[2], string[]]>([
    ['a new title', { title: 'New title' }, ['title']],
    ['the same title', { title: 'Title b' }, []],
    ['same authors in a new array', { authors: ['Ada'] }, []],
    ['different authors', { authors: ['Ada', 'Grace'] }, ['authors']],
    ['mixed changed and unchanged fields', { title: 'Title b', summary: 'Better.', canonicalUrl: 'https://example.com/b' }, ['summary', 'canonicalUrl']],
    ['undefined values', { title: undefined }, []],
  ])('updates %s, stamping only what changed', (_name, patch, stamped) => {
    const before = sampleIssue();
    const after = updateItem(before, 'b', patch, clock(9));
    const clocks = after.items.find((item) => item.id === 'b')?.clocks ?? {};
    expect(Object.keys(clocks).filter((field) => clocks[field] === clock(9)).sort()).toEqual([...stamped].sort());
    if (stamped.length === 0) expect(after).toBe(before);
  });

  it.each<[string, ItemTarget, Record<string, string[]>, string[]]>([
    ['to the top', { sectionId: 's1', index: 0 }, { s1: ['c', 'a', 'b'] }, ['position']],
    ['before the second', { sectionId: 's1', beforeItemId: 'b' }, { s1: ['a', 'c', 'b'] }, ['position']],
    ['after the first', { sectionId: 's1', afterItemId: 'a' }, { s1: ['a', 'c', 'b'] }, ['position']],
    ['to the end of another section', { sectionId: 's2', index: Infinity }, { s1: ['a', 'b'], s2: ['d', 'c'] }, ['position', 'sectionId']],
    ['before an item of another section', { sectionId: 's2', beforeItemId: 'd' }, { s1: ['a', 'b'], s2: ['c', 'd'] }, ['position', 'sectionId']],
    ['into an empty section', { sectionId: 's3', index: 0 }, { s1: ['a', 'b'], s3: ['c'] }, ['position', 'sectionId']],
  ])('moves the last item %s', (_name, target, expected, stamped) => {
    const moved = moveItem(sampleIssue(), 'c', target, clock(8));
    for (const [sectionId, ids] of Object.entries(expected)) expect(itemIds(moved, sectionId)).toEqual(ids);
    const clocks = moved.items.find((item) => item.id === 'c')?.clocks ?? {};
    expect(Object.keys(clocks).filter((field) => clocks[field] === clock(8)).sort()).toEqual(stamped);
  });

  it('removes with a tombstone and restores with a newer clock', () => {
    const removed = removeItem(sampleIssue(), 'b', clock(3));
    expect(itemIds(removed, 's1')).toEqual(['a', 'c']);
    expect(removed.items.find((item) => item.id === 'b')).toMatchObject({ deleted: clock(3), clocks: { deleted: clock(3) } });
    const restored = restoreItem(removed, 'b', clock(4));
    expect(itemIds(restored, 's1')).toEqual(['a', 'b', 'c']);
    const item = restored.items.find((candidate) => candidate.id === 'b');
    expect(item && 'deleted' in item).toBe(false);
    expect(item?.clocks.deleted).toBe(clock(4));
  });

  it('places a moved item between neighbours that a merge left with the same position', () => {
    const issue = sampleIssue();
    const position = issue.items[0]?.position ?? '';
    const tied = { ...issue, items: issue.items.map((item) => (item.id === 'b' ? { ...item, position } : item)) };
    const moved = moveItem(tied, 'c', { sectionId: 's1', afterItemId: 'a' }, clock(3));
    expect(itemIds(moved, 's1')).toContain('c');
    expect(new Set(liveItems(moved, 's1').map((item) => item.position)).size).toBe(2);
  });
});

describe('issue fields', () => {
  it('updates only changed fields', () => {
    const updated = updateIssueFields(sampleIssue(), { title: 'Deep Learning Weekly: Issue #206', tagline: 'GPUs', number: 207 }, clock(4));
    expect(updated).toMatchObject({ tagline: 'GPUs', number: 207, clocks: { tagline: clock(4), number: clock(4), title: clock(1) } });
  });

  it('publishes with a date and clocks status and date', () => {
    const published = publishIssue(sampleIssue(), '2026-11-07T09:00:00.000Z', clock(5));
    expect(published).toMatchObject({ status: 'published', publishedAt: '2026-11-07T09:00:00.000Z',
      clocks: { status: clock(5), publishedAt: clock(5) } });
  });
});

describe('immutability', () => {
  it('never changes the issue it is given', () => {
    const issue = deepFreeze(sampleIssue());
    const snapshot = structuredClone(issue);
    const edits: ((input: Issue) => Issue)[] = [
      (input) => addSection(input, { id: 'x', name: 'X', at: clock(9) }),
      (input) => renameSection(input, 's1', 'Y', clock(9)),
      (input) => moveSection(input, 's1', { index: 2 }, clock(9)),
      (input) => removeSection(input, 's1', clock(9)),
      (input) => addItem(input, newItem('e'), { sectionId: 's2', at: clock(9) }),
      (input) => updateItem(input, 'a', { authors: ['Grace'] }, clock(9)),
      (input) => moveItem(input, 'a', { sectionId: 's2', index: 0 }, clock(9)),
      (input) => removeItem(input, 'a', clock(9)),
      (input) => updateIssueFields(input, { intro: 'Hi' }, clock(9)),
      (input) => publishIssue(input, '2026-11-07T09:00:00.000Z', clock(9)),
    ];
    for (const edit of edits) expect(edit(issue)).not.toBe(issue);
    expect(issue).toEqual(snapshot);
  });
});

// --- property: random edit sequences keep the issue valid and agree with a plain array model ---

type Placement = { mode: 'index' | 'before' | 'after'; to: number };
type Command =
  | { kind: 'addSection'; after: number | null }
  | { kind: 'renameSection'; pick: number; name: string }
  | { kind: 'moveSection'; pick: number; placement: Placement }
  | { kind: 'removeSection'; pick: number }
  | { kind: 'addItem'; section: number }
  | { kind: 'updateItem'; pick: number; title: string }
  | { kind: 'moveItem'; pick: number; section: number; placement: Placement }
  | { kind: 'removeItem'; pick: number }
  | { kind: 'restoreItem'; pick: number };

const pick = fc.nat(50);
const placement = fc.record({ mode: fc.constantFrom('index' as const, 'before' as const, 'after' as const), to: fc.nat(12) });
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('addSection' as const), after: fc.option(pick) }),
  fc.record({ kind: fc.constant('renameSection' as const), pick, name: fc.string({ maxLength: 8 }) }),
  fc.record({ kind: fc.constant('moveSection' as const), pick, placement }),
  fc.record({ kind: fc.constant('removeSection' as const), pick }),
  fc.record({ kind: fc.constant('addItem' as const), section: pick }),
  fc.record({ kind: fc.constant('addItem' as const), section: pick }),
  fc.record({ kind: fc.constant('updateItem' as const), pick, title: fc.string({ maxLength: 8 }) }),
  fc.record({ kind: fc.constant('moveItem' as const), pick, section: pick, placement }),
  fc.record({ kind: fc.constant('moveItem' as const), pick, section: pick, placement }),
  fc.record({ kind: fc.constant('removeItem' as const), pick }),
  fc.record({ kind: fc.constant('restoreItem' as const), pick }),
);

/** The expected order, kept as plain arrays: section ids, and item ids per section. */
interface Expected { sections: string[]; items: Map<string, string[]> }

const pickFrom = <T>(list: readonly T[], index: number): T | undefined => list[index % Math.max(1, list.length)];

/** Inserts `id` into `ids` (which no longer holds it) as the placement asks; returns the target for the op. */
function place(ids: string[], id: string, { mode, to }: Placement): { index: number } | { before: string } | { after: string } {
  const anchor = pickFrom(ids, to);
  if (mode === 'index' || anchor === undefined) {
    ids.splice(Math.min(to, ids.length), 0, id);
    return { index: to };
  }
  const at = ids.indexOf(anchor);
  ids.splice(mode === 'before' ? at : at + 1, 0, id);
  return mode === 'before' ? { before: anchor } : { after: anchor };
}

function run(issue: Issue, expected: Expected, step: Command, at: string, nextId: () => string): Issue {
  const sectionIds = expected.sections;
  const allItems = () => sectionIds.flatMap((id) => expected.items.get(id) ?? []);
  switch (step.kind) {
    case 'addSection': {
      const id = nextId();
      const after = step.after === null ? undefined : pickFrom(sectionIds, step.after);
      sectionIds.splice(after === undefined ? sectionIds.length : sectionIds.indexOf(after) + 1, 0, id);
      expected.items.set(id, []);
      return addSection(issue, { id, name: id, at, ...(after === undefined ? {} : { after }) });
    }
    case 'renameSection': {
      const id = pickFrom(sectionIds, step.pick);
      return id === undefined ? issue : renameSection(issue, id, step.name, at);
    }
    case 'moveSection': {
      const id = pickFrom(sectionIds, step.pick);
      if (id === undefined) return issue;
      sectionIds.splice(sectionIds.indexOf(id), 1);
      const target = place(sectionIds, id, step.placement);
      return moveSection(issue, id, 'index' in target ? target : 'before' in target
        ? { beforeSectionId: target.before } : { afterSectionId: target.after }, at);
    }
    case 'removeSection': {
      const id = pickFrom(sectionIds, step.pick);
      if (id === undefined) return issue;
      sectionIds.splice(sectionIds.indexOf(id), 1);
      return removeSection(issue, id, at);
    }
    case 'addItem': {
      const sectionId = pickFrom(sectionIds, step.section);
      if (sectionId === undefined) return issue;
      const id = nextId();
      expected.items.get(sectionId)?.push(id);
      return addItem(issue, newItem(id), { sectionId, at });
    }
    case 'updateItem': {
      const id = pickFrom(allItems(), step.pick);
      return id === undefined ? issue : updateItem(issue, id, { title: step.title }, at);
    }
    case 'moveItem': {
      const id = pickFrom(allItems(), step.pick);
      const sectionId = pickFrom(sectionIds, step.section);
      if (id === undefined || sectionId === undefined) return issue;
      for (const ids of expected.items.values()) if (ids.includes(id)) ids.splice(ids.indexOf(id), 1);
      const target = place(expected.items.get(sectionId) ?? [], id, step.placement);
      return moveItem(issue, id, 'index' in target ? { sectionId, ...target } : 'before' in target
        ? { sectionId, beforeItemId: target.before } : { sectionId, afterItemId: target.after }, at);
    }
    case 'removeItem': {
      const id = pickFrom(allItems(), step.pick);
      if (id === undefined) return issue;
      for (const ids of expected.items.values()) if (ids.includes(id)) ids.splice(ids.indexOf(id), 1);
      return removeItem(issue, id, at);
    }
    case 'restoreItem': {
      const restorable = issue.items.filter((item) => item.deleted !== undefined && sectionIds.includes(item.sectionId));
      const item = pickFrom(restorable, step.pick);
      if (item === undefined) return issue;
      // Restoring puts the item back at its old position key, which is where the array model expects it too.
      const siblings = liveItems(issue, item.sectionId).map((other) => other.position);
      expected.items.get(item.sectionId)?.splice(siblings.filter((position) => position <= item.position).length, 0, item.id);
      return restoreItem(issue, item.id, at);
    }
  }
}

function assertValid(issue: Issue): void {
  const ids = [...issue.sections.map((section) => section.id), ...issue.items.map((item) => item.id)];
  expect(new Set(ids).size).toBe(ids.length);
  const live = new Set(liveSections(issue).map((section) => section.id));
  for (const item of issue.items.filter((candidate) => candidate.deleted === undefined)) expect(live.has(item.sectionId)).toBe(true);
  const strictlyOrdered = (positions: string[]) => positions.every((position, i) => i === 0 || (positions[i - 1] ?? '') < position);
  expect(strictlyOrdered(liveSections(issue).map((section) => section.position))).toBe(true);
  for (const sectionId of live) expect(strictlyOrdered(liveItems(issue, sectionId).map((item) => item.position))).toBe(true);
}

describe('random edit sequences', () => {
  it('keep ids unique, items in live sections, positions strictly ordered, and the expected order', () => {
    fc.assert(fc.property(fc.array(command, { maxLength: 60 }), (commands) => {
      let issue = sampleIssue();
      const expected: Expected = {
        sections: liveSections(issue).map((section) => section.id),
        items: new Map(liveSections(issue).map((section) => [section.id, itemIds(issue, section.id)])),
      };
      const nextId = sequentialIds('n');
      commands.forEach((step, i) => {
        issue = run(issue, expected, step, clock(100 + i), nextId);
        assertValid(issue);
        expect(liveSections(issue).map((section) => section.id)).toEqual(expected.sections);
        for (const sectionId of expected.sections) expect(itemIds(issue, sectionId)).toEqual(expected.items.get(sectionId));
      });
      // What the edits produce must also pass the storage and file schema.
      expect(parseIssue(issue)).toEqual({ ok: true, value: issue });
    }), { numRuns: 300 });
  });
});
