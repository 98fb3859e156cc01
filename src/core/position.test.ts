import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareByPosition } from './live-parts.ts';
import { isPositionKey, positionBetween, positionsBetween, positionsForCount } from './position.ts';

describe('positionBetween', () => {
  it.each([
    [null, null],
    ['a0', null],
    [null, 'a0'],
    ['a0', 'a1'],
    ['a0', 'a0V'],
    ['Zz', 'a0'],
  ])('puts a key strictly between %j and %j', (before, after) => {
    const key = positionBetween(before, after);
    if (before !== null) expect(key > before).toBe(true);
    if (after !== null) expect(key < after).toBe(true);
    expect(isPositionKey(key)).toBe(true);
  });

  it.each([['a1', 'a0'], ['a1', 'a1']])('refuses the bounds %j, %j', (before, after) => {
    expect(() => positionBetween(before, after)).toThrow(RangeError);
  });

  it('keeps any sequence of insertions in the order they were placed', () => {
    // Each step inserts at a random index of the list; reading the keys back must give the same list.
    fc.assert(fc.property(fc.array(fc.nat(), { maxLength: 80 }), (choices) => {
      const list: string[] = [];
      for (const choice of choices) {
        const index = choice % (list.length + 1);
        list.splice(index, 0, positionBetween(list[index - 1] ?? null, list[index] ?? null));
      }
      const sorted = [...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return sorted.every((key, i) => key === list[i]) && new Set(list).size === list.length;
    }));
  });
});

describe('positionsForCount and positionsBetween', () => {
  it('gives ascending distinct valid keys', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 200 }), (count) => {
      const keys = positionsForCount(count);
      return keys.length === count && keys.every((key, i) => isPositionKey(key) && (i === 0 || keys[i - 1]! < key));
    }));
  });

  it('fits keys between two neighbours', () => {
    const keys = positionsBetween('a0', 'a1', 3);
    expect(keys).toHaveLength(3);
    expect(keys.every((key) => key > 'a0' && key < 'a1')).toBe(true);
    expect([...keys].sort()).toEqual(keys);
  });
});

describe('isPositionKey', () => {
  it.each(['a0', 'a1', 'Zz', 'a0V', 'b01'])('accepts %j', (key) => expect(isPositionKey(key)).toBe(true));
  it.each(['', 'a', 'a00', 'a0 ', 'a0-', 'zzzz', 'A00000000000000000000000000'])('refuses %j', (key) => {
    expect(isPositionKey(key)).toBe(false);
  });
});

describe('compareByPosition', () => {
  it('orders by key, then by id, whatever the input order', () => {
    const entries = [
      { id: 'b', position: 'a1' },
      { id: 'a', position: 'a1' },
      { id: 'z', position: 'a0' },
      { id: 'c', position: 'Zz' },
      // Upper case sorts before lower case in code units; localeCompare would disagree.
      { id: 'd', position: 'a0V' },
      { id: 'e', position: 'a0a' },
    ];
    const expected = ['c', 'z', 'd', 'e', 'a', 'b'];
    fc.assert(fc.property(fc.shuffledSubarray(entries, { minLength: entries.length }), (shuffled) =>
      [...shuffled].sort(compareByPosition).map((entry) => entry.id).join() === expected.join()));
  });

  it('is zero only for the same position and id', () => {
    expect(compareByPosition({ id: 'a', position: 'a0' }, { id: 'a', position: 'a0' })).toBe(0);
    expect(compareByPosition({ id: 'a', position: 'a0' }, { id: 'b', position: 'a0' })).toBe(-1);
  });
});
