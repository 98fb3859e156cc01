import { describe, expect, it } from 'vitest';
import { moveItem } from './issue-ops.ts';
import { describeItemPlace, itemMoveTarget, type MoveDirection } from './item-move-target.ts';
import { makeIssue, makeItem, makeSection } from './test-factories.ts';

const T1 = '0000000rs:0000:laptop';
const issue = makeIssue({
  sections: [makeSection({ id: 'A', name: 'Industry' }), makeSection({ id: 'B', name: 'Papers', position: 'a1' }),
    makeSection({ id: 'C', name: 'Gone', position: 'a2', deleted: T1 }), makeSection({ id: 'D', name: 'Code', position: 'a3' })],
  items: [
    makeItem({ id: 'a1', sectionId: 'A', position: 'a0' }), makeItem({ id: 'a2', sectionId: 'A', position: 'a1' }),
    makeItem({ id: 'b1', sectionId: 'B', position: 'a0' }),
    makeItem({ id: 'x', sectionId: 'B', position: 'a1', deleted: T1 }),
  ],
});

describe('itemMoveTarget', () => {
  it.each<[string, MoveDirection, { sectionId: string; index: number } | null]>([
    ['a2', 'up', { sectionId: 'A', index: 0 }],
    ['a1', 'down', { sectionId: 'A', index: 1 }],
    ['a1', 'up', null],
    ['b1', 'up', { sectionId: 'A', index: 2 }],
    ['a2', 'down', { sectionId: 'B', index: 0 }],
    ['a1', 'next-section', { sectionId: 'B', index: 0 }],
    ['b1', 'previous-section', { sectionId: 'A', index: 2 }],
    ['b1', 'next-section', { sectionId: 'D', index: 0 }],
    ['b1', 'down', { sectionId: 'D', index: 0 }],
    ['a1', 'previous-section', null],
    ['x', 'up', null],
  ])('moves %s %s to %o', (itemId, direction, expected) => {
    expect(itemMoveTarget(issue, itemId, direction)).toEqual(expected);
  });

  it('gives targets moveItem places as promised', () => {
    const target = itemMoveTarget(issue, 'a1', 'down');
    const moved = moveItem(issue, 'a1', target ?? { sectionId: 'A', index: 0 }, '0000000rt:0000:laptop');
    expect(describeItemPlace(moved, 'a1')).toEqual({ sectionName: 'Industry', position: 2, count: 2 });
  });
});

describe('describeItemPlace', () => {
  it('names the section and counts live items only', () => {
    expect(describeItemPlace(issue, 'b1')).toEqual({ sectionName: 'Papers', position: 1, count: 1 });
    expect(describeItemPlace(issue, 'x')).toBeNull();
  });
});
