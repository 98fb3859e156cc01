import { describe, expect, it } from 'vitest';
import { escapeMarkdownText } from './markdown-writer.ts';
import { renderIssueAsText } from './render-text.ts';
import { makeIssue, makeItem, makeSection } from './test-factories.ts';

describe('renderIssueAsText', () => {
  it('lays the issue out like the seed, with each URL under its title', () => {
    const issue = makeIssue({
      title: 'Weekly: Issue #7',
      tagline: 'Short and sweet',
      intro: 'Hey folks,\n\nsee *this* and [that](https://example.com/that).',
      outro: 'Until next week!',
      sections: [makeSection({ id: 's1', name: 'Industry' }), makeSection({ id: 's2', name: 'Papers', position: 'a1' })],
      items: [
        makeItem({ id: 'i1', sectionId: 's1', title: 'One', url: 'https://example.com/1', summary: 'About **one**.', note: 'secret' }),
        makeItem({ id: 'i2', sectionId: 's1', position: 'a1', title: 'Two', url: 'javascript:alert(1)', summary: 'Unsafe link left out.' }),
        makeItem({ id: 'i3', sectionId: 's2', title: 'Three', url: 'https://example.com/3', summary: '' }),
      ],
    });
    expect(renderIssueAsText(issue)).toBe([
      'Weekly: Issue #7', '', 'Short and sweet', '', 'Hey folks,', '', 'see this and that (https://example.com/that).', '', '',
      'Industry', '', 'One', 'https://example.com/1', '', 'About one.', '', 'Two', '', 'Unsafe link left out.', '', '',
      'Papers', '', 'Three', 'https://example.com/3', '', '',
      'Until next week!', '',
    ].join('\n'));
  });

  it('keeps hostile text literal but on one line and without control characters', () => {
    const text = renderIssueAsText(makeIssue({
      title: '<b>Title</b>\r\n# two',
      items: [makeItem({ title: escapeMarkdownText('*x*\u0000\u001b[2J\nnext'), summary: '<script>alert(1)</script>\r\n- item' })],
    }));
    expect(text).toContain('<b>Title</b> # two\n');
    expect(text).toContain('\n*x*[2J next\nhttps://example.com/article\n\n<script>alert(1)</script> - item\n');
    expect(text).not.toMatch(/(?![\t\n])\p{Cc}/u);
  });

  it('prints a title the editor wrote as Markdown as its text', () => {
    const text = renderIssueAsText(makeIssue({ items: [makeItem({ title: 'Ship `v2` *now* with [docs](https://example.com/docs)' })] }));
    expect(text).toContain('\nShip v2 now with docs\nhttps://example.com/article\n');
  });

  it('prints an item title as the text of its inline Markdown, without link addresses', () => {
    const text = renderIssueAsText(makeIssue({ items: [makeItem({ title: 'Use `cargo` *now*, see [docs](https://example.com/docs)' })] }));
    expect(text).toContain('\nUse cargo now, see docs\nhttps://example.com/article\n');
  });

  it('ends with exactly one newline even when the issue has nothing but a title', () => {
    expect(renderIssueAsText(makeIssue({ title: 'Only', sections: [], items: [] }))).toBe('Only\n');
  });
});
