import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderIssueAsHtml } from './render-html.ts';
import { makeIssue, makeItem, makeSection } from './test-factories.ts';

const issue = makeIssue({
  title: 'Weekly: Issue #7',
  tagline: 'Short & sweet',
  intro: 'Hello *folks*,\n\n- one\n- two',
  outro: 'Bye, [write to us](mailto:editor@example.com).',
  sections: [makeSection({ id: 's1', name: 'Papers & Code' }), makeSection({ id: 's2', name: 'Empty', position: 'a1' })],
  items: [
    makeItem({ id: 'i1', sectionId: 's1', title: 'A "quoted" <title>', url: "https://example.com/it's?a=1&b=2", summary: 'Uses `code` and *emphasis*.', note: 'never shown' }),
    makeItem({ id: 'i2', sectionId: 's1', position: 'a1', title: 'Unsafe', url: 'javascript:alert(1)', summary: '' }),
  ],
});
const html = renderIssueAsHtml(issue);
const { document } = parseHTML(html);

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });
});

describe('renderIssueAsHtml', () => {
  it('is one complete document with a charset, a viewport, a language and a title', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en" ')).toBe(true);
    expect(document.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    expect(document.querySelector('meta[name="viewport"]')?.getAttribute('content')).toBe('width=device-width, initial-scale=1');
    expect(document.querySelector('title')?.textContent).toBe('Weekly: Issue #7');
    expect(html).toMatch(/<\/html>\n$/);
    expect(html).not.toMatch(/\n\n$/);
  });

  it('lays out in a centered presentation table, fluid up to 600px, with every content style inline', () => {
    const tables = [...document.querySelectorAll('table')];
    expect(tables.map((table) => table.getAttribute('role'))).toEqual(['presentation', 'presentation']);
    expect(tables[1]?.getAttribute('style')).toContain('max-width:600px');
    // Classes only on the shell, for the dark-mode rules; the one style sheet sits in the head.
    expect([...document.querySelectorAll('[class]')].map((element) => element.getAttribute('class'))).toEqual(['rd-body', 'rd-page', 'rd-card', 'rd-content']);
    expect([...document.querySelectorAll('style')].map((style) => style.parentElement?.tagName)).toEqual(['HEAD']);
    expect(document.querySelectorAll('link, script, img, [id]').length).toBe(0);
    for (const element of document.querySelectorAll('.rd-content h1, .rd-content h2, .rd-content h3, .rd-content p, .rd-content a, .rd-content ul, .rd-content li, td')) {
      expect(element.getAttribute('style'), element.outerHTML).toBeTruthy();
    }
  });

  it('uses semantic tags in reading order, without empty sections or notes', () => {
    const blocks = [...(document.querySelector('h1')?.parentElement?.children ?? [])].map((element) => `${element.tagName}:${element.textContent?.replace(/\s+/g, ' ').trim()}`);
    expect(blocks).toEqual([
      'H1:Weekly: Issue #7', 'P:Short & sweet', 'P:Hello folks,', 'UL:one two',
      'H2:Papers & Code', 'H3:A "quoted" <title>', 'P:Uses code and emphasis.', 'H3:Unsafe', 'P:Bye, write to us.',
    ]);
    expect(html).not.toContain('never shown');
  });

  it('renders an item title as inline Markdown, its links flattened into the title link', () => {
    const rendered = renderIssueAsHtml(makeIssue({ items: [makeItem({ title: 'Use `cargo` *now*, see [docs](https://example.com/docs)' })] }));
    expect(rendered).toMatch(/<h3 [^>]+><a href="https:\/\/example.com\/article" [^>]+>Use <code [^>]+>cargo<\/code> <em>now<\/em>, see docs<\/a><\/h3>/);
  });

  it('links item titles through toSafeLinkUrl, escaped and double-quoted', () => {
    expect(html).toContain('<a href="https://example.com/it&#39;s?a=1&amp;b=2" style=');
    expect([...document.querySelectorAll('a')].map((link) => link.getAttribute('href'))).toEqual(["https://example.com/it's?a=1&b=2", 'mailto:editor@example.com']);
    expect(document.querySelectorAll('h3')[1]?.innerHTML).toBe('Unsafe');
  });

  it('is deterministic', () => {
    expect(renderIssueAsHtml(structuredClone(issue))).toBe(html);
  });
});
