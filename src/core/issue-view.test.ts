import { describe, expect, it } from 'vitest';
import { toCleanMultiline, toOneLine, viewIssue } from './issue-view.ts';
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

  it('leaves out deleted items, items of deleted or missing sections, and sections left empty', () => {
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
        makeItem({ id: 'in-deleted', sectionId: 'deleted' }),
        makeItem({ id: 'orphan', sectionId: 'missing' }),
      ],
    });
    const view = viewIssue(issue);
    expect(view.sections.map((section) => [section.id, section.items.map((item) => item.id)])).toEqual([['kept', ['live']]]);
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
