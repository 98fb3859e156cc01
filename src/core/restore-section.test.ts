import { describe, expect, it } from 'vitest';
import { formatHlc } from './hlc.ts';
import { addSection, removeItem, removeSection } from './issue-ops.ts';
import { liveItems, liveSections } from './live-parts.ts';
import { normalizeIssue } from './merge.ts';
import { restoreSection } from './restore-section.ts';
import { makeIssue, makeItem, makeSection } from './test-factories.ts';

const clock = (ms: number) => formatHlc({ ms, counter: 0, deviceId: 'laptop' });
const issue = makeIssue({
  sections: [makeSection(), makeSection({ id: 'section-2', name: 'Papers', position: 'a1' })],
  items: [makeItem({ id: 'a' }), makeItem({ id: 'b', position: 'a1' }), makeItem({ id: 'c', sectionId: 'section-2' })],
});

describe('restoreSection', () => {
  it('brings back the section and the items removed with it, not those removed before', () => {
    const removedOne = removeItem(issue, 'a', clock(1));
    const removed = removeSection(removedOne, 'section-1', clock(2));
    const restored = restoreSection(removed, 'section-1', clock(3));
    expect(liveSections(restored).map((section) => section.id)).toEqual(['section-1', 'section-2']);
    expect(liveItems(restored).map((item) => item.id)).toEqual(['b', 'c']);
    expect(restored.sections[0]?.clocks.deleted).toBe(clock(3));
    expect(restored.items.find((item) => item.id === 'b')?.clocks.deleted).toBe(clock(3));
  });

  it('places the section just after one that took its place meanwhile', () => {
    const removed = removeSection(issue, 'section-1', clock(1));
    const taken = { ...addSection(removed, { id: 'x', name: 'X', at: clock(2) }) };
    taken.sections = taken.sections.map((section) => (section.id === 'x' ? { ...section, position: 'a0' } : section));
    const restored = restoreSection(taken, 'section-1', clock(3));
    expect(liveSections(restored).map((section) => section.id)).toEqual(['x', 'section-1', 'section-2']);
    expect(restored.sections.find((section) => section.id === 'section-1')?.clocks.position).toBe(clock(3));
  });

  it('leaves a live section alone and refuses an unknown id in plain words', () => {
    expect(restoreSection(issue, 'section-1', clock(1))).toBe(issue);
    const removed = removeSection(issue, 'section-1', clock(5));
    expect(() => restoreSection(removed, 'nope', clock(6))).toThrow('That section is no longer part of issue #1, so it cannot be restored.');
  });

  it('wins over a removal stamped later than its own clock, and brings back the items removed with it', () => {
    const removed = removeSection(issue, 'section-1', formatHlc({ ms: 5, counter: 0, deviceId: 'zfast' }));
    const restored = restoreSection(removed, 'section-1', clock(4));
    expect(liveItems(normalizeIssue(restored)).map((item) => item.id)).toEqual(['a', 'b', 'c']);
  });
});
