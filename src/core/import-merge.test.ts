import { describe, expect, it } from 'vitest';
import { formatHlc } from './hlc.ts';
import { mergeIssueForImport } from './import-merge.ts';
import { makeIssue, makeItem, makeSection } from './test-factories.ts';

const clock = (ms: number) => formatHlc({ ms, counter: 0, deviceId: 'laptop' });
const T1 = clock(1_000);
const T2 = clock(2_000);
/** Older than any real edit, but a clock all the same. */
const ZERO_LIKE = formatHlc({ ms: 0, counter: 0, deviceId: 'x' });

describe('mergeIssueForImport', () => {
  it('returns the stored issue itself when the file holds the same content', () => {
    const local = makeIssue({ clocks: { title: T2 } });
    const result = mergeIssueForImport(local, structuredClone(local));
    expect(result.merged).toBe(local);
    expect(result.conflicts).toEqual([]);
  });

  it.each([
    ['the file is newer', { title: T1 }, { title: T2 }, 'From the file', []],
    ['the store is newer', { title: T2 }, { title: T1 }, 'Stored', [{ where: 'issue', field: 'title', kept: 'Stored', incoming: 'From the file' }]],
    ['both are unclocked (a tie keeps the stored value)', {}, {}, 'Stored', [{ where: 'issue', field: 'title', kept: 'Stored', incoming: 'From the file' }]],
    ['both have the same clock', { title: T1 }, { title: T1 }, 'Stored', [{ where: 'issue', field: 'title', kept: 'Stored', incoming: 'From the file' }]],
  ])('per field, last writer wins: %s', (_name, localClocks, fileClocks, expected, conflicts) => {
    const local = makeIssue({ title: 'Stored', clocks: localClocks });
    const incoming = makeIssue({ title: 'From the file', clocks: fileClocks });
    const result = mergeIssueForImport(local, incoming);
    expect(result.merged.title).toBe(expected);
    expect(result.conflicts).toEqual(conflicts);
  });

  it('takes the file’s clock with the file’s value, so a later merge still orders them', () => {
    const local = makeIssue({ tagline: 'old', clocks: { tagline: T1 } });
    const result = mergeIssueForImport(local, makeIssue({ tagline: 'new', clocks: { tagline: T2 } }));
    expect(result.merged).toMatchObject({ tagline: 'new', clocks: { tagline: T2 } });
  });

  it('keeps items and sections that only the store has, and adds those only the file has', () => {
    const local = makeIssue({ items: [makeItem({ id: 'mine' })] });
    const incoming = makeIssue({
      sections: [makeSection(), makeSection({ id: 'section-2', name: 'Papers', position: 'a1' })],
      items: [makeItem({ id: 'theirs', sectionId: 'section-2' })],
    });
    const { merged } = mergeIssueForImport(local, incoming);
    expect(merged.items.map((item) => item.id)).toEqual(['mine', 'theirs']);
    expect(merged.sections.map((section) => section.id)).toEqual(['section-1', 'section-2']);
  });

  it('moves an item as one register: section and position from the same side', () => {
    const local = makeIssue({
      sections: [makeSection(), makeSection({ id: 'section-2', position: 'a1' })],
      items: [makeItem({ sectionId: 'section-1', position: 'a5', clocks: { position: T2 } })],
    });
    const incoming = structuredClone(local);
    incoming.items[0] = makeItem({ sectionId: 'section-2', position: 'a0', clocks: { position: T1, sectionId: T1 } });
    const result = mergeIssueForImport(local, incoming);
    expect(result.merged.items[0]).toMatchObject({ sectionId: 'section-1', position: 'a5' });
    expect(result.conflicts).toEqual([{ where: 'item “An article”', field: 'position', kept: 'a5 · section-1', incoming: 'a0 · section-2' }]);
  });

  it('keeps an item removed here after the file was written, and says so', () => {
    const local = makeIssue({ items: [makeItem({ deleted: T2, clocks: { deleted: T2 } })] });
    const result = mergeIssueForImport(local, makeIssue({ items: [makeItem({ clocks: { summary: T1 } })] }));
    expect(result.merged.items[0]?.deleted).toBe(T2);
    expect(result.conflicts).toEqual([{ where: 'item “An article”', field: 'removed', kept: 'removed', incoming: 'present' }]);
  });

  // Issue 13, finding 6: "nothing is ever deleted by an import" was not true.
  it.each([
    ['an item', makeIssue({ items: [makeItem({ deleted: T1, clocks: { deleted: T1 } })] }), 'item “An article”'],
    ['a section', makeIssue({ sections: [makeSection({ deleted: T1, clocks: { deleted: T1 } })] }), 'section “Industry”'],
    ['the issue', makeIssue({ deleted: T2, clocks: { deleted: T2 } }), 'issue'],
  ])('never removes %s the file has removed, however new the removal, and says it kept it', (_name, incoming, where) => {
    const local = makeIssue();
    const result = mergeIssueForImport(local, incoming);
    expect(result.merged).toBe(local);
    expect(result.conflicts).toEqual([{ where, field: 'removed', kept: 'present', incoming: 'removed' }]);
  });

  it('applies a newer restoration from the file', () => {
    const restoredInFile = mergeIssueForImport(
      makeIssue({ items: [makeItem({ deleted: T1, clocks: { deleted: T1 } })] }),
      makeIssue({ items: [makeItem({ clocks: { deleted: T2 } })] }),
    );
    expect(restoredInFile.merged.items[0]?.deleted).toBeUndefined();
    expect(restoredInFile.merged.items[0]?.clocks.deleted).toBe(T2);
    expect(restoredInFile.conflicts).toEqual([]);
  });

  it('never writes an undefined clock when the file’s winning side of a register is unclocked', () => {
    const local = makeIssue({ items: [makeItem({ position: 'a1', clocks: { sectionId: ZERO_LIKE } })] });
    const incoming = makeIssue({ items: [makeItem({ position: 'a2', clocks: { position: T1 } })] });
    const { merged } = mergeIssueForImport(local, incoming);
    expect(merged.items[0]?.clocks).toEqual({ position: T1 });
    expect(Object.values(merged.items[0]?.clocks ?? {})).not.toContain(undefined);
  });

  it('refuses to merge two different issues', () => {
    expect(() => mergeIssueForImport(makeIssue(), makeIssue({ id: 'other' }))).toThrow(RangeError);
  });
});
