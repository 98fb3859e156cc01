import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from './hlc.ts';
import type { Issue } from './model.ts';
import { parseIssue } from './schema.ts';
import { PACK_LAYOUT_VERSION, packIssue, unpackIssue } from './sync-pack.ts';
import { makeIssue, makeItem, makeSection } from './test-factories.ts';

const clock = (ms: number, device = 'a') => formatHlc({ ms, counter: 0, deviceId: device });

function roundTrip(issue: Issue): unknown {
  const parsed = parseIssue(unpackIssue(JSON.parse(JSON.stringify(packIssue(issue)))));
  return parsed.ok ? parsed.value : parsed.error;
}

const textArb = fc.string({ unit: 'grapheme', maxLength: 20 });
const clocksArb = fc.dictionary(fc.constantFrom('title', 'summary', 'note', 'position', 'sectionId', 'deleted', 'x-later-field'),
  fc.integer({ min: 1, max: 5 }).map((ms) => clock(ms)));

const issueArb: fc.Arbitrary<Issue> = fc.record({
  title: textArb,
  intro: textArb,
  items: fc.uniqueArray(fc.record({
    id: fc.constantFrom('i1', 'i2', 'i3'),
    title: textArb,
    summary: textArb,
    authors: fc.array(textArb, { maxLength: 2 }),
    clocks: clocksArb,
    deleted: fc.option(fc.integer({ min: 1, max: 5 }).map((ms) => clock(ms)), { nil: undefined }),
  }, { requiredKeys: ['id', 'title', 'summary', 'authors', 'clocks'] }).map((fields) => makeItem(fields)), { selector: (item) => item.id }),
  clocks: clocksArb,
}).map((fields) => makeIssue(fields));

describe('packIssue / unpackIssue', () => {
  it('round-trips any issue exactly', () => {
    fc.assert(fc.property(issueArb, (issue) => {
      expect(roundTrip(issue)).toEqual(issue);
    }), { numRuns: 300 });
  });

  it.each<[string, Issue]>([
    ['the factory issue', makeIssue()],
    ['an issue without sections or items', makeIssue({ sections: [], items: [] })],
    ['tombstones and a restored item', makeIssue({
      sections: [makeSection({ deleted: clock(3), clocks: { name: clock(1), deleted: clock(3) } })],
      items: [makeItem({ clocks: { title: clock(2), deleted: clock(4) } })],
      deleted: clock(9), clocks: { deleted: clock(9) },
    })],
  ])('round-trips %s', (_name, issue) => {
    expect(roundTrip(issue)).toEqual(issue);
  });

  it('writes an item edited in one go as one clock group, and each clock once', () => {
    const fields = ['title', 'summary', 'url', 'site'];
    const item = makeItem({ clocks: Object.fromEntries(fields.map((field) => [field, clock(7)])) });
    const [, clockTable, , , , itemColumns] = packIssue(makeIssue({ items: [item, { ...item, id: 'item-2' }] }));
    expect(clockTable).toEqual([clock(7)]);
    expect(itemColumns.at(-2)).toEqual([[[0, 0, 1, 2, 3]], [[0, 0, 1, 2, 3]]]);
  });

  it.each<[string, unknown, RegExp]>([
    ['not an array', { title: 'x' }, /6 parts/],
    ['another layout', [PACK_LAYOUT_VERSION + 1, [], [], [], [], []], /unknown packed issue layout/],
    ['a clock table with a number', [PACK_LAYOUT_VERSION, [1], [], [], [], []], /strings in the clock table/],
    ['a short issue row', [PACK_LAYOUT_VERSION, [], [], ['id'], [[], [], [], [], []], []], /row of 11 values/],
    ['columns of different lengths', withSectionColumns([['s1'], [], ['a0'], [[]], [null]]), /different lengths/],
    ['a clock number out of range', withSectionColumns([['s1'], ['A'], ['a0'], [[[5, 0]]], [null]]), /no clock number 5/],
  ])('refuses %s', (_name, packed, message) => {
    expect(() => unpackIssue(packed)).toThrow(message);
  });
});

function withSectionColumns(columns: unknown[][]): unknown {
  const packed = packIssue(makeIssue({ sections: [], items: [] }));
  return [packed[0], packed[1], ['name'], packed[3], columns, packed[5]];
}
