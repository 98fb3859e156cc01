import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdownInline } from './inline-markdown.ts';
import { escapeMarkdownInline } from './markdown-escape.ts';
import { renderIssueAsHtml } from './render-html.ts';
import { renderIssueAsMarkdown } from './render-markdown.ts';
import { renderIssueAsText } from './render-text.ts';
import { makeIssue, makeItem } from './test-factories.ts';

/** What our parser reads: the text runs joined, softbreaks as newlines, and any other token by name. */
function readBack(markdown: string): string[] {
  return parseMarkdownInline(markdown).map((token) => (token.type === 'text' ? token.content : token.type === 'softbreak' ? '\n' : `<${token.type}>`));
}

// Characters that start inline syntax, whitespace, and ordinary text, so random strings hit every rule.
const SYNTAX = ['\\', '*', '**', '_', '__', '`', '``', '[', ']', '(', ')', '<', '>', '&', '&amp;', '&#42;', '&copy;', '!', '#', '-', ':',
  'https://example.com/x', 'mailto:a@b.c', 'a@b.c', '"', "'", ' ', '  ', '\t', 'word', 'é', '😀', '1.', '+', '=', '~', '|'];
const syntaxText = fc.array(fc.constantFrom(...SYNTAX), { maxLength: 30 }).map((parts) => parts.join(''));
const multilineText = fc.array(fc.oneof(fc.constantFrom(...SYNTAX), fc.constant('\n')), { maxLength: 30 }).map((parts) => parts.join(''));

describe('escapeMarkdownInline', () => {
  it.each([
    ['2*3*4 = 24', '2\\*3\\*4 = 24'],
    ['[x](https://example.com/)', '\\[x\\](https://example.com/)'],
    ['Use `cargo` to build', 'Use \\`cargo\\` to build'],
    ['<https://example.com/>', '\\<https://example.com/>'],
    ['Tom &amp; Jerry', 'Tom \\&amp; Jerry'],
    ['_emphasis_ here', '\\_emphasis\\_ here'],
    ['C:\\*.txt', 'C:\\\\*.txt'],
  ])('escapes what our parser would read as syntax: %j', (text, escaped) => {
    expect(escapeMarkdownInline(text)).toBe(escaped);
    expect(readBack(escaped)).toEqual([text]);
  });

  it.each([
    'Small models that run on a microcontroller',
    '[R] A paper about transformers',
    'snake_case_names in Python',
    'a * b and 5 * 6',
    'AT&T buys a company',
    "it`s a typo, and so is this ] bracket",
    'Heading # and - list and > quote and 1. item',
    'C:\\Users\\me',
    'Ünïcödé, 中文, العربية',
    '',
  ])('leaves text our parser reads literally unchanged: %j', (text) => {
    expect(escapeMarkdownInline(text)).toBe(text);
  });

  it('keeps spaces around line breaks and paragraph breaks of a selection', () => {
    for (const text of ['one  \ntwo', 'one\n  two', 'first paragraph.\n\nSecond *one*.', 'line\\\nbreak']) {
      expect(readBack(escapeMarkdownInline(text)).join('')).toBe(text);
    }
  });

  it('reads back as the original text, one text run, for any single-line text (property)', () => {
    fc.assert(fc.property(syntaxText, (text) => {
      const escaped = escapeMarkdownInline(text);
      const tokens = parseMarkdownInline(escaped);
      expect(text === '' ? tokens : tokens.map((token) => [token.type, token.content])).toEqual(text === '' ? [] : [['text', text]]);
    }), { numRuns: 2_000 });
  });

  it('reads back as the original text for any text with line breaks (property)', () => {
    fc.assert(fc.property(multilineText, (text) => {
      expect(readBack(escapeMarkdownInline(text)).join('')).toBe(text);
    }), { numRuns: 1_000 });
  });

  it('returns text unchanged whenever our parser already reads it as itself (property)', () => {
    fc.assert(fc.property(fc.oneof(syntaxText, fc.string()), (text) => {
      const tokens = parseMarkdownInline(text);
      const literal = tokens.length === 1 && tokens[0]?.type === 'text' && tokens[0].content === text;
      if (literal) expect(escapeMarkdownInline(text)).toBe(text);
    }), { numRuns: 2_000 });
  });

  it('is applied once: escaping escaped text escapes the backslashes too (the text is taken literally again)', () => {
    expect(readBack(escapeMarkdownInline(escapeMarkdownInline('2*3*4')))).toEqual(['2\\*3\\*4']);
  });

  it('makes page text come out literally in all three exports', () => {
    const title = escapeMarkdownInline('2*3*4 = 24, `x` and [y](https://example.com/)');
    const summary = escapeMarkdownInline('A <b>bold</b> claim: 2*3*4 = 24 & [x](https://evil.example/).');
    const issue = makeIssue({ items: [makeItem({ title, summary })] });
    const text = renderIssueAsText(issue);
    expect(text).toContain('2*3*4 = 24, `x` and [y](https://example.com/)\nhttps://example.com/article');
    expect(text).toContain('A <b>bold</b> claim: 2*3*4 = 24 & [x](https://evil.example/).');
    const html = renderIssueAsHtml(issue);
    expect(html).toContain('>2*3*4 = 24, `x` and [y](https://example.com/)</a></h3>');
    expect(html).toContain('A &lt;b&gt;bold&lt;/b&gt; claim: 2*3*4 = 24 &amp; [x](https://evil.example/).');
    expect(html).not.toContain('<em>');
    expect(html).not.toContain('evil.example/"');
    const markdown = renderIssueAsMarkdown(issue);
    expect(readBack(markdown.split('\n').find((line) => line.startsWith('A '))!)).toEqual(['A <b>bold</b> claim: 2*3*4 = 24 & [x](https://evil.example/).']);
  });
});
