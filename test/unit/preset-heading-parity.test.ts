/**
 * The `heading` preset against the renderers it replaced (kept in bench/baseline-export/ for the
 * export benchmark), on random issues: the default export must not change.
 *
 * Page titles go in as capture stores them (escaped Markdown, decision 1). Plain text and the HTML
 * content must then be byte for byte what the old renderers wrote. Markdown must read the same to a
 * consumer that trusts raw HTML, and be byte for byte the same where no field holds a character
 * Markdown reads as syntax: elsewhere the new writer may keep the editor's own escapes and bare
 * characters that read as text (see markdown-writer.ts), which the old one rewrote.
 */
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { renderIssueAsHtml as oldHtml } from '../../bench/baseline-export/render-html.ts';
import { renderIssueAsMarkdown as oldMarkdown } from '../../bench/baseline-export/render-markdown.ts';
import { renderIssueAsText as oldText } from '../../bench/baseline-export/render-text.ts';
import { escapeMarkdownText } from '../../src/core/markdown-writer.ts';
import type { Issue } from '../../src/core/model.ts';
import { renderIssueAsHtml } from '../../src/core/render-html.ts';
import { renderIssueAsMarkdown } from '../../src/core/render-markdown.ts';
import { renderIssueAsText } from '../../src/core/render-text.ts';
import { makeIssue, makeItem, makeSection } from '../../src/core/test-factories.ts';

const WORDS = ['Deep', 'learning', 'weekly', 'R&D', 'GPT-3', 'C++', 'it’s', "it's", '“quoted”', '🤗', 'naïve', 'a/b', 'x, y', 'end.', '(note)', 'Q&A'];
// `2.5` too: the old writer escaped its `.` at a line start (`2\.5`), which no CommonMark parser reads as a list.
const MARKDOWNISH = ['2.5', '*', '_', '`', '[', ']', '<b>', '&amp;', '\\', '|', '~', '#', '!', 'snake_case', '[a](https://x.example/b)', '<https://x.example>'];
const text = (parts: string[]) => fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));
const plainText = text(WORDS);
const anyText = text([...WORDS, ...MARKDOWNISH]);
const PLAIN_URLS = ['https://example.com/a', 'https://example.com/?q=1&r=2', 'mailto:editor@example.com', 'javascript:alert(1)', 'https://example.com/it%27s'];
// Balanced parentheses stay bare in a Markdown link target now (`a_(b)`, as the archive writes them); they were escaped.
const URLS = [...PLAIN_URLS, 'https://example.com/a_(b)'];

/** The same issue twice: with plain titles for the old renderers, and with titles as capture now stores them for the new. */
function issueArbitrary(field: fc.Arbitrary<string>, urls = URLS): fc.Arbitrary<{ old: Issue; now: Issue }> {
  const item = fc.record({ title: field, summary: fc.oneof(field, fc.constant('')), url: fc.constantFrom(...urls), section: fc.nat(2) });
  return fc.record({ title: field, tagline: fc.oneof(field, fc.constant('')), intro: fc.oneof(field, fc.constant('')), outro: fc.oneof(field, fc.constant('')), items: fc.array(item, { maxLength: 6 }) })
    .map(({ title, tagline, intro, outro, items }) => {
      const issueWith = (itemTitle: (plain: string) => string): Issue => makeIssue({
        title, tagline, intro, outro,
        sections: ['Industry', 'Q&A <b>', 'Papers & Code'].map((name, index) => makeSection({ id: `s${index}`, name, position: `a${index}` })),
        items: items.map((entry, index) => makeItem({
          id: `i${index}`, sectionId: `s${entry.section}`, position: `a${index}`, title: itemTitle(entry.title), summary: entry.summary, url: entry.url,
        })),
      });
      return { old: issueWith((plain) => plain), now: issueWith(escapeMarkdownText) };
    });
}

const consumer = new MarkdownIt({ html: true });
consumer.validateLink = () => true;
/** What the content cell holds (the document around it is new on purpose: email-shell.ts). */
function content(html: string): string {
  const start = html.indexOf('>\n', html.indexOf('<td class="rd-content"') === -1 ? html.indexOf('<td style="padding:32px') : html.indexOf('<td class="rd-content"')) + 2;
  return html.slice(start, html.indexOf('\n</td>', start));
}
/** A consumer's HTML with every href in one serialization (`https://x.example` and `https://x.example/` are one link). */
// A code span of only spaces reads as one space here: the old writer padded it (`` ` ` `` came out as three spaces, a bug).
const read = (markdown: string): string => consumer.render(markdown)
  .replace(/href="([^"]*)"/g, (_match, href: string) => `href="${new URL(href.replace(/&amp;/g, '&')).href}"`)
  .replace(/<code> +<\/code>/g, '<code> </code>');

describe('the heading preset writes what the renderers before house styles wrote', () => {
  it('in plain text, byte for byte (save trailing spaces at the very end)', () => {
    fc.assert(fc.property(issueArbitrary(anyText), ({ old, now }) => {
      // The old renderer could end on a line of spaces (an outro of only a code span of spaces); the new one trims the end.
      expect(renderIssueAsText(now)).toBe(`${oldText(old).trimEnd()}\n`);
    }), { numRuns: 300 });
  });

  it('in the HTML content, byte for byte', () => {
    fc.assert(fc.property(issueArbitrary(anyText), ({ old, now }) => { expect(content(renderIssueAsHtml(now))).toBe(content(oldHtml(old))); }), { numRuns: 300 });
  });

  it('in Markdown, byte for byte when no field holds Markdown syntax', () => {
    fc.assert(fc.property(issueArbitrary(plainText, PLAIN_URLS), ({ old, now }) => { expect(renderIssueAsMarkdown(now)).toBe(oldMarkdown(old)); }), { numRuns: 300 });
  });

  it('in Markdown, read the same by a consumer that trusts raw HTML', () => {
    fc.assert(fc.property(issueArbitrary(anyText), ({ old, now }) => { expect(read(renderIssueAsMarkdown(now))).toBe(read(oldMarkdown(old))); }), { numRuns: 300 });
  });
});
