import { describe, expect, it } from 'vitest';
import { emptyMirrorMemory, readMirrorMemory } from './mirror-memory.ts';

describe('readMirrorMemory', () => {
  const saved = {
    knownSums: { 'd:issue-1': '0123abcd' }, missingSince: { 'd:issue-1': 5 }, incompleteSince: {},
    notes: [{ kind: 'unreadable', recordKey: 'd:x', record: { kind: 'draft', issueId: 'x' }, count: 0, detail: null, seenAt: 1 }],
  };

  it('reads back what was saved', () => {
    expect(readMirrorMemory(structuredClone(saved))).toEqual(saved);
  });

  it.each([['nothing', undefined], ['a string', 'memory'], ['a wrong note', { ...saved, notes: [{ kind: 'nonsense' }] }], ['a negative time', { ...saved, missingSince: { s: -1 } }]])(
    'starts afresh from %s: it is only a cache of the area', (_name, stored) => {
      expect(readMirrorMemory(stored)).toEqual(emptyMirrorMemory());
    });
});
