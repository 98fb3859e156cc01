import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from './hlc.ts';
import { addItem, createIssue, moveItem, removeItem, removeSection, restoreItem, updateItem } from './issue-ops.ts';
import { liveItems } from './live-parts.ts';
import { latestClockOf, mergeIssueSets, mergeIssues, normalizeIssue } from './merge.ts';
import type { Clocks, Issue, Item, Section } from './model.ts';
import { parseIssue } from './schema.ts';
import { makeIssue, makeItem, makeSection } from './test-factories.ts';

const clock = (ms: number, device = 'a') => formatHlc({ ms, counter: 0, deviceId: device });

// --- arbitraries: small pools of ids, values and clocks, so replicas overlap and clocks tie -----

const clockArb = fc.constantFrom(...[1, 2, 3].flatMap((ms) => ['a', 'b'].map((device) => clock(ms, device))));

function clocksArb(fields: readonly string[]): fc.Arbitrary<Clocks> {
  return fc.record(Object.fromEntries(fields.map((field) => [field, clockArb])), { requiredKeys: [] });
}

/** The deletion register as issue-ops writes it: removed (`deleted` = its clock) or restored. */
const deletionArb = fc.option(fc.record({ at: clockArb, removed: fc.boolean() }), { nil: undefined });

function withDeletion<T extends { clocks: Clocks }>(entity: T, deletion: { at: string; removed: boolean } | undefined): T {
  if (deletion === undefined) return entity;
  return { ...entity, clocks: { ...entity.clocks, deleted: deletion.at }, ...(deletion.removed ? { deleted: deletion.at } : {}) };
}

const sectionArb: fc.Arbitrary<Section> = fc.tuple(fc.record({
  id: fc.constantFrom('s1', 's2', 's3'),
  name: fc.constantFrom('Industry', 'Learning', 'Papers'),
  position: fc.constantFrom('a0', 'a1', 'a2'),
  clocks: clocksArb(['name', 'position']),
}), deletionArb).map(([fields, deletion]) => withDeletion(makeSection(fields), deletion));

const itemArb: fc.Arbitrary<Item> = fc.tuple(fc.record({
  id: fc.constantFrom('i1', 'i2', 'i3', 'i4'),
  sectionId: fc.constantFrom('s1', 's2', 's3'),
  position: fc.constantFrom('a0', 'a1', 'a2'),
  title: fc.constantFrom('One', 'Two', 'Three'),
  summary: fc.constantFrom('', 'Short.', 'Longer summary.'),
  authors: fc.constantFrom<string[]>([], ['Ada'], ['Ada', 'Alan']),
  kind: fc.constantFrom<Item['kind']>('article', 'paper'),
  canonicalUrl: fc.constantFrom(null, 'https://example.com/canonical'),
  capturedAt: fc.constantFrom('2026-11-01T00:00:00.000Z', '2026-11-02T00:00:00.000Z'),
  clocks: clocksArb(['sectionId', 'position', 'title', 'summary', 'authors', 'kind', 'canonicalUrl']),
}), deletionArb).map(([fields, deletion]) => withDeletion(makeItem(fields), deletion));

const issueArb: fc.Arbitrary<Issue> = fc.tuple(fc.record({
  title: fc.constantFrom('Issue #1', 'Issue #2'),
  intro: fc.constantFrom('', 'Hello'),
  number: fc.constantFrom(1, 2),
  status: fc.constantFrom<Issue['status']>('draft', 'published'),
  sections: fc.uniqueArray(sectionArb, { selector: (section) => section.id, maxLength: 3 }),
  items: fc.uniqueArray(itemArb, { selector: (item) => item.id, maxLength: 4 }),
  clocks: clocksArb(['title', 'intro', 'number', 'status']),
}), deletionArb).map(([fields, deletion]) => withDeletion(makeIssue(fields), deletion));

/** Canonical output means equal states are equal as JSON too, key order included. */
const json = (issue: Issue) => JSON.stringify(issue);
const runs = { numRuns: 500 };

describe('mergeIssues: algebra', () => {
  it('is commutative', () => {
    fc.assert(fc.property(issueArb, issueArb, (a, b) => {
      expect(json(mergeIssues(a, b))).toBe(json(mergeIssues(b, a)));
    }), runs);
  });

  it('is associative', () => {
    fc.assert(fc.property(issueArb, issueArb, issueArb, (a, b, c) => {
      expect(json(mergeIssues(mergeIssues(a, b), c))).toBe(json(mergeIssues(a, mergeIssues(b, c))));
    }), runs);
  });

  it('is idempotent, and merging an input again changes nothing', () => {
    fc.assert(fc.property(issueArb, issueArb, (a, b) => {
      const merged = mergeIssues(a, b);
      expect(json(mergeIssues(a, a))).toBe(json(normalizeIssue(a)));
      expect(json(mergeIssues(merged, merged))).toBe(json(merged));
      expect(json(mergeIssues(merged, a))).toBe(json(merged));
      expect(json(mergeIssues(b, merged))).toBe(json(merged));
    }), runs);
  });

  it('keeps the value with the newest clock for every field, and the newest move whole', () => {
    const registers = [['title'], ['summary'], ['authors'], ['kind'], ['canonicalUrl'], ['sectionId', 'position']] as const;
    fc.assert(fc.property(issueArb, issueArb, (a, b) => {
      const merged = mergeIssues(a, b);
      for (const itemA of a.items) {
        const itemB = b.items.find((other) => other.id === itemA.id);
        const result = merged.items.find((other) => other.id === itemA.id);
        expect(result).toBeDefined();
        if (itemB === undefined) continue;
        for (const fields of registers) {
          const registerClock = (entity: Item) => fields.map((field) => entity.clocks[field] ?? '').sort().at(-1) ?? '';
          const [clockA, clockB] = [registerClock(itemA), registerClock(itemB)];
          if (clockA === clockB) continue;
          const newest = clockA > clockB ? itemA : itemB;
          for (const field of fields) expect(result?.[field]).toEqual(newest[field]);
        }
      }
    }), runs);
  });

  it('shows an entity deleted exactly when its newest removal is newer than all its field clocks', () => {
    fc.assert(fc.property(issueArb, issueArb, (a, b) => {
      for (const merged of mergeIssues(a, b).items) {
        const versions = [...a.items, ...b.items].filter((other) => other.id === merged.id);
        const newestRegister = versions.map((other) => other.clocks.deleted ?? '').sort().at(-1) ?? '';
        const removed = versions.some((other) => other.deleted !== undefined && other.deleted === newestRegister);
        const newestField = versions.flatMap((other) => Object.entries(other.clocks))
          .filter(([field]) => field !== 'deleted').map(([, at]) => at ?? '').sort().at(-1) ?? '';
        expect(merged.deleted).toBe(removed && newestRegister > newestField ? newestRegister : undefined);
        expect(merged.clocks.deleted).toBe(newestRegister === '' ? undefined : newestRegister);
      }
    }), runs);
  });

  it('joins issue sets by id', () => {
    fc.assert(fc.property(fc.array(issueArb.map((issue) => ({ ...issue, id: issue.title }))), fc.array(issueArb), (a, b) => {
      const merged = mergeIssueSets(a, b);
      expect(merged.map((issue) => issue.id)).toEqual([...new Set([...a, ...b].map((issue) => issue.id))].sort());
      expect(JSON.stringify(mergeIssueSets(b, a))).toBe(JSON.stringify(merged));
    }), { numRuns: 100 });
  });
});

// --- scenarios with the real edit operations --------------------------------------------------

function baseIssue(): Issue {
  let issue = createIssue({
    id: 'issue-1', number: 206, title: 'Issue #206', sectionNames: ['Industry', 'Papers'], intro: '', outro: '',
    createdAt: '2026-11-01T00:00:00.000Z', at: clock(1), makeId: (() => { let n = 0; return () => `s${++n}`; })(),
  });
  for (const id of ['x', 'y', 'z']) {
    const fields = makeItem({ id, url: `https://example.com/${id}` });
    issue = addItem(issue, fields, { sectionId: 's1', at: clock(2) });
  }
  return issue;
}

const item = (issue: Issue, id: string) => issue.items.find((candidate) => candidate.id === id);
const liveIds = (issue: Issue, sectionId?: string) => liveItems(issue, sectionId).map((live) => live.id);

describe('mergeIssues: scenarios', () => {
  it('keeps concurrent edits of different fields of one item', () => {
    const base = baseIssue();
    const merged = mergeIssues(
      updateItem(base, 'x', { title: 'New title' }, clock(3, 'a')),
      updateItem(base, 'x', { summary: 'New summary.' }, clock(3, 'b')));
    expect(item(merged, 'x')).toMatchObject({ title: 'New title', summary: 'New summary.' });
  });

  it.each<[string, number, string[]]>([
    ['an older edit keeps the item removed', 3, ['y', 'z']],
    ['a newer edit brings the item back', 5, ['x', 'y', 'z']],
  ])('remove on one device, edit on another: %s', (_name, editMs, expected) => {
    const base = baseIssue();
    const removed = removeItem(base, 'x', clock(4, 'a'));
    const edited = updateItem(base, 'x', { note: 'keep' }, clock(editMs, 'b'));
    expect(liveIds(mergeIssues(removed, edited))).toEqual(expected);
    expect(liveIds(mergeIssues(edited, removed))).toEqual(expected);
  });

  it('lets a restore newer than the removal win, and a newer removal win over it', () => {
    const removed = removeItem(baseIssue(), 'x', clock(4, 'a'));
    const restored = restoreItem(removed, 'x', clock(5, 'a'));
    expect(liveIds(mergeIssues(removed, restored))).toEqual(['x', 'y', 'z']);
    const removedAgain = removeItem(restored, 'x', clock(6, 'b'));
    expect(liveIds(mergeIssues(restored, removedAgain))).toEqual(['y', 'z']);
  });

  it('moves an item to where its newest move put it', () => {
    const base = baseIssue();
    const toPapers = moveItem(base, 'x', { sectionId: 's2', index: 0 }, clock(3, 'a'));
    const toEnd = moveItem(base, 'x', { sectionId: 's1', index: Infinity }, clock(3, 'b'));
    const merged = mergeIssues(toPapers, toEnd);
    expect(liveIds(merged, 's1')).toEqual(['y', 'z', 'x']);
    expect(liveIds(merged, 's2')).toEqual([]);
  });

  it('keeps items added on both devices, ordered by position then id', () => {
    const base = baseIssue();
    const onA = addItem(base, makeItem({ id: 'a-new' }), { sectionId: 's1', at: clock(3, 'a') });
    const onB = addItem(base, makeItem({ id: 'b-new' }), { sectionId: 's1', at: clock(3, 'b') });
    expect(liveIds(mergeIssues(onA, onB))).toEqual(['x', 'y', 'z', 'a-new', 'b-new']);
  });

  it('removes a section with its items unless an item was edited after the removal, which keeps the section shown', () => {
    const base = baseIssue();
    const removed = removeSection(base, 's1', clock(4, 'a'));
    const edited = updateItem(base, 'y', { title: 'Edited later' }, clock(5, 'b'));
    const merged = mergeIssues(removed, edited);
    expect(merged.sections.find((section) => section.id === 's1')?.deleted).toBe(clock(4, 'a'));
    expect(merged.items.filter((entity) => entity.deleted === undefined).map((entity) => entity.id)).toEqual(['y']);
    // "Add wins" (issue-ops' liveSections): the tombstoned section still shows, holding the edited item.
    expect(liveIds(merged, 's1')).toEqual(['y']);
    expect(liveIds(merged)).toEqual(['y']);
  });

  it('brings a removed issue back when something inside it was edited later', () => {
    const base = baseIssue();
    const removed: Issue = { ...base, deleted: clock(4, 'a'), clocks: { ...base.clocks, deleted: clock(4, 'a') } };
    expect(mergeIssues(removed, base).deleted).toBe(clock(4, 'a'));
    expect(mergeIssues(removed, updateItem(base, 'x', { note: 'n' }, clock(5, 'b'))).deleted).toBeUndefined();
  });

  it('produces an issue the schema accepts', () => {
    const base = baseIssue();
    const merged = mergeIssues(removeItem(base, 'x', clock(4)), updateItem(base, 'y', { title: 'T' }, clock(3, 'b')));
    expect(parseIssue(merged)).toEqual({ ok: true, value: merged });
  });

  it('settles fields without clocks the same way on both sides', () => {
    const a = makeIssue({ createdAt: '2026-11-01T00:00:00.000Z' });
    const b = makeIssue({ createdAt: '2026-11-02T00:00:00.000Z' });
    expect(mergeIssues(a, b).createdAt).toBe(mergeIssues(b, a).createdAt);
  });

  it('refuses to merge two different issues', () => {
    expect(() => mergeIssues(makeIssue({ id: 'a' }), makeIssue({ id: 'b' }))).toThrow(/different issues/);
  });

  it('finds the newest clock anywhere in the issue', () => {
    const issue = makeIssue({ clocks: { title: clock(2) }, sections: [makeSection({ deleted: clock(7) })], items: [makeItem({ clocks: { note: clock(5) } })] });
    expect(latestClockOf(issue)).toBe(clock(7));
  });
});

describe('clocks that name no field', () => {
  // Issue 13, finding 3: a copy with 199 clocks under made-up names merged with an issue's own 8 gave 207,
  // over the schema's limit of 200, and the merged issue could not be stored.
  it('are dropped, so a merge never holds more clocks than the entity has fields', () => {
    const forged = Object.fromEntries(Array.from({ length: 199 }, (_, index) => [`junk${index}`, clock(9, 'evil')]));
    const local = createIssue({ id: 'issue-1', number: 1, title: 'Issue', sectionNames: ['News'], intro: '', outro: '', createdAt: '2026-11-01T00:00:00.000Z',
      at: clock(1), makeId: () => 'section-1' });
    const incoming = { ...local, clocks: forged };
    expect(parseIssue(incoming).ok).toBe(true);
    const merged = mergeIssues(local, incoming);
    expect(Object.keys(merged.clocks).sort()).toEqual(Object.keys(local.clocks).sort());
    expect(parseIssue(merged).ok).toBe(true);
    expect(normalizeIssue(incoming).clocks).toEqual({});
  });
});
