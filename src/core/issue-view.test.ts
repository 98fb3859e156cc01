import { describe, expect, it } from 'vitest';
import { formatHlc } from './hlc.ts';
import { addItem, createIssue, removeSection } from './issue-ops.ts';
import { toCleanMultiline, toOneLine, viewIssue } from './issue-view.ts';
import { mergeIssues } from './merge.ts';
import { makeIssue, makeItem, makeSection } from './test-factories.ts';

describe('viewIssue', () => {
  it('orders live sections and items by position, then id, in code-unit order', () => {
    const issue = makeIssue({
      sections: [
        makeSection({ id: 's-b', name: 'B', position: 'a1' }),
        makeSection({ id: 's-a', name: 'A', position: 'a1' }),
        makeSection({ id: 's-z', name: 'Z', position: 'Zz' }),
      ],
      items: [
        makeItem({ id: 'i3', sectionId: 's-a', position: 'a0V' }),
        makeItem({ id: 'i2', sectionId: 's-a', position: 'a0' }),
        makeItem({ id: 'i1', sectionId: 's-a', position: 'a0' }),
        makeItem({ id: 'i4', sectionId: 's-b', position: 'a0' }),
        makeItem({ id: 'i5', sectionId: 's-z', position: 'a0' }),
      ],
    });
    const view = viewIssue(issue);
    expect(view.sections.map((section) => section.id)).toEqual(['s-z', 's-a', 's-b']);
    expect(view.sections[1]?.items.map((item) => item.id)).toEqual(['i1', 'i2', 'i3']);
  });

  it('leaves out deleted items, items of missing sections, sections left empty and removed sections with no live item', () => {
    const issue = makeIssue({
      sections: [
        makeSection({ id: 'kept', position: 'a0' }),
        makeSection({ id: 'only-deleted-items', position: 'a1' }),
        makeSection({ id: 'deleted', position: 'a2', deleted: 'hlc' }),
        makeSection({ id: 'empty', position: 'a3' }),
      ],
      items: [
        makeItem({ id: 'live', sectionId: 'kept' }),
        makeItem({ id: 'tombstone', sectionId: 'kept', deleted: 'hlc' }),
        makeItem({ id: 'gone-too', sectionId: 'only-deleted-items', deleted: 'hlc' }),
        makeItem({ id: 'removed-with-its-section', sectionId: 'deleted', deleted: 'hlc' }),
        makeItem({ id: 'orphan', sectionId: 'missing' }),
      ],
    });
    const view = viewIssue(issue);
    expect(view.sections.map((section) => [section.id, section.items.map((item) => item.id)])).toEqual([['kept', ['live']]]);
  });

  it('shows a removed section, by its name and in its place, while it still holds a live item ("add wins")', () => {
    const issue = makeIssue({
      sections: [
        makeSection({ id: 'kept', position: 'a0' }),
        makeSection({ id: 'removed', name: 'Papers', position: 'a1', deleted: 'hlc' }),
        makeSection({ id: 'last', position: 'a2' }),
      ],
      items: [
        makeItem({ id: 'live', sectionId: 'kept' }),
        makeItem({ id: 'added-elsewhere', sectionId: 'removed', position: 'a1' }),
        makeItem({ id: 'removed-with-it', sectionId: 'removed', position: 'a0', deleted: 'hlc' }),
        makeItem({ id: 'after', sectionId: 'last' }),
      ],
    });
    const view = viewIssue(issue);
    expect(view.sections.map((section) => [section.name, section.items.map((item) => item.id)])).toEqual([
      ['Industry', ['live']], ['Papers', ['added-elsewhere']], ['Industry', ['after']],
    ]);
  });

  it('shows an item added on one device to a section removed concurrently on another, after the merge', () => {
    const at = (ms: number, device: string) => formatHlc({ ms, counter: 0, deviceId: device });
    const base = createIssue({ id: 'issue', number: 7, title: 'Issue #7', sectionNames: ['News', 'Papers'], intro: '', outro: '',
      createdAt: '2026-11-01T00:00:00.000Z', at: at(1, 'a'), makeId: (() => { let n = 0; return () => `s${++n}`; })() });
    const removedOnA = removeSection(base, 's2', at(5, 'a'));
    const { sectionId: _sectionId, position: _position, clocks: _clocks, ...fields } = makeItem({ id: 'from-b', title: 'Filed on B' });
    const addedOnB = addItem(base, fields, { sectionId: 's2', at: at(3, 'b') });
    for (const merged of [mergeIssues(removedOnA, addedOnB), mergeIssues(addedOnB, removedOnA)]) {
      expect(viewIssue(merged).sections.map((section) => [section.name, section.items.map((item) => item.title)]))
        .toEqual([['Papers', ['Filed on B']]]);
    }
  });

  it('does not reorder the issue it was given', () => {
    const issue = makeIssue({ sections: [makeSection({ id: 'b', position: 'a1' }), makeSection({ id: 'a', position: 'a0' })] });
    viewIssue(issue);
    expect(issue.sections.map((section) => section.id)).toEqual(['b', 'a']);
  });

  it('carries no private note and only safe links', () => {
    const view = viewIssue(makeIssue({ items: [makeItem({ note: 'secret', url: 'javascript:alert(1)' })] }));
    const item = view.sections[0]?.items[0];
    expect(item).toBeDefined();
    expect(Object.keys(item ?? {})).not.toContain('note');
    expect(JSON.stringify(view)).not.toContain('secret');
    expect(item?.href).toBeNull();
  });

  it('cleans every field: one line for plain text and summaries, lines kept for intro and outro', () => {
    const view = viewIssue(makeIssue({
      title: ' Title\r\nline ',
      tagline: 'tag\u0000line',
      intro: '\u0007Hello\r\n\r\n**world**\u009b',
      items: [makeItem({ title: 'a\n\tb', summary: 'first\n\nsecond' })],
    }));
    expect([view.title, view.tagline, view.intro]).toEqual(['Title line', 'tagline', 'Hello\n\n**world**']);
    expect(view.sections[0]?.items[0]).toMatchObject({ title: 'a b', summary: 'first second' });
  });

  it('titles an untitled item with its URL', () => {
    const view = viewIssue(makeIssue({ items: [makeItem({ title: '  ', url: 'https://example.com/x' })] }));
    expect(view.sections[0]?.items[0]?.title).toBe('https://example.com/x');
  });
});

describe('toOneLine and toCleanMultiline', () => {
  it.each([
    ['a\r\nb\rc\nd', 'a b c d', 'a\nb\nc\nd'],
    ['x\u2028y\u2029z\u0085w', 'x y z w', 'x\ny\nz\nw'],
    ['keep\u00a0nbsp and \u202Ertl', 'keep\u00a0nbsp and \u202Ertl', 'keep\u00a0nbsp and \u202Ertl'],
    ['ctl\u0000\u0001\u001f\u007f\u0080\u009f!', 'ctl!', 'ctl!'],
    ['  many   spaces\t\ttabs  ', 'many spaces tabs', 'many   spaces\t\ttabs'],
  ])('%j', (input, oneLine, multiline) => {
    expect(toOneLine(input)).toBe(oneLine);
    expect(toCleanMultiline(input)).toBe(multiline);
  });
});
