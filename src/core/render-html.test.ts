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
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport"')).toBe(true);
    expect(document.querySelector('title')?.textContent).toBe('Weekly: Issue #7');
    expect(html).toMatch(/<\/html>\n$/);
    expect(html).not.toMatch(/\n\n$/);
  });

  it('lays out in a centered 600px presentation table with inline styles only', () => {
    const tables = [...document.querySelectorAll('table')];
    expect(tables.map((table) => table.getAttribute('role'))).toEqual(['presentation', 'presentation']);
    expect(tables[1]?.getAttribute('width')).toBe('600');
    expect(tables[1]?.getAttribute('style')).toContain('max-width:600px');
    expect(document.querySelectorAll('style, link, script, img, [class], [id]').length).toBe(0);
    for (const element of document.querySelectorAll('body h1, body h2, body h3, body p, body a, body ul, body li, body td')) {
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
