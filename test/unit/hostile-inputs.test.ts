/**
 * Every hostile case (test/fixtures/hostile-cases.ts) through all three exports, in every preset and
 * in an editor's template that prints every field a template can see.
 *
 * HTML is parsed with linkedom and read as a mail client would. Markdown is rendered by a consumer
 * that trusts it as much as the worst real one: raw HTML on (`html: true`), GFM tables and
 * strikethrough on, and every link kept (`validateLink` accepts all), so any markup or link we let
 * through shows up. The reader must see the hostile text as text, with nothing swallowed (every
 * other field still there, in order; for the `heading` preset exactly the expected blocks), and
 * nothing active: no script, no event handler, no embedded content, no link other than http, https
 * or mailto.
 *
 * Item titles are Markdown (decision 1): a page's title reaches the model escaped, once, when a
 * capture becomes an item, so the cases go in through that escape (`asCaptured`); titles the editor
 * wrote as Markdown are checked for inertness below.
 */
import MarkdownIt from 'markdown-it';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { HouseStyle } from '../../src/core/house-style.ts';
import { toOneLine } from '../../src/core/issue-view.ts';
import { escapeMarkdownInline } from '../../src/core/markdown-escape.ts';
import type { Issue, Item } from '../../src/core/model.ts';
import { renderIssueAsHtml } from '../../src/core/render-html.ts';
import { renderIssueAsMarkdown } from '../../src/core/render-markdown.ts';
import { renderIssueAsText } from '../../src/core/render-text.ts';
import { makeIssue, makeItem, makeSection } from '../../src/core/test-factories.ts';
import { expectedBlocks, expectedVisible, HOSTILE_CASES, SENTINELS } from '../fixtures/hostile-cases.ts';
import type { HostileCase, HostileField } from '../fixtures/hostile-cases.ts';
import { EVERY_FIELD_TEMPLATES } from '../fixtures/every-field-templates.ts';

/** What capture does to a page's title (decision 1): plain text becomes Markdown that shows it literally. */
// The capture's own escape (src/core/capture-fields.ts), which every page title goes through.
const asCaptured = (title: string): string => escapeMarkdownInline(title);

function hostileIssue(hostile: HostileCase, item: Partial<Item> = {}): Issue {
  const value = (field: HostileField): string => (hostile.field === field ? hostile.input : SENTINELS[field]);
  return makeIssue({
    title: value('issueTitle'),
    tagline: value('tagline'),
    intro: value('intro'),
    outro: value('outro'),
    sections: [makeSection({ id: 'section-1', name: value('sectionName') })],
    items: [makeItem({ sectionId: 'section-1', title: asCaptured(value('itemTitle')), summary: value('summary'), url: value('url'), note: SENTINELS.note, ...item })],
  });
}

const consumer = new MarkdownIt({ html: true });
consumer.validateLink = () => true;

const ACTIVE_CONTENT = 'script, img, iframe, object, embed, form, body style, link, svg, math, input, button, textarea, select, video, audio, source, base, frame, frameset, applet, meta[http-equiv]';
const SAFE_PROTOCOLS = ['http:', 'https:', 'mailto:'];
const fold = (text: string | null): string => (text ?? '').replace(/[ \t\n\r\f]+/g, ' ').trim();

type Document = ReturnType<typeof parseHTML>['document'];
type Element = NonNullable<ReturnType<Document['querySelector']>>;

function expectNothingActive(document: Document): void {
  expect([...document.querySelectorAll(ACTIVE_CONTENT)].map((element) => element.tagName)).toEqual([]);
  // The document's own dark-mode style sheet is the one style element, and it loads nothing.
  for (const style of document.querySelectorAll('style')) {
    expect(style.parentElement?.tagName).toBe('HEAD');
    expect(style.textContent).not.toMatch(/url\(|@import|expression|javascript/i);
  }
  const handlers = [...document.querySelectorAll('*')].flatMap((element) => element.getAttributeNames().filter((name) => /^on/i.test(name)));
  expect(handlers).toEqual([]);
  for (const link of document.querySelectorAll('a')) {
    expect(SAFE_PROTOCOLS).toContain(new URL(link.getAttribute('href') ?? '').protocol);
  }
}

/** The links a reader can follow, in order; `once` counts each link once (a template may print a summary twice). */
function expectLinks(container: Element, hostile: HostileCase, once = false): void {
  const hrefs = [...container.querySelectorAll('a')].map((link) => link.getAttribute('href'));
  expect(once ? [...new Set(hrefs)] : hrefs).toEqual(hostile.links ?? [SENTINELS.url]);
}

/** For the `heading` preset: exactly the expected blocks, in order, nothing swallowed and nothing added. */
function expectExactBlocks(container: Element, hostile: HostileCase): void {
  expect([...container.children].map((block) => fold(block.textContent))).toEqual(expectedBlocks(hostile).map(fold));
}

/** For any layout: every expected block's text is there, in order, whatever the layout adds around it. */
function expectBlocksInOrder(text: string, hostile: HostileCase): void {
  let from = 0;
  for (const block of expectedBlocks(hostile).map(fold)) {
    const at = text.indexOf(block, from);
    expect(at, `"${block.slice(0, 60)}" after position ${from} of "${text.slice(0, 300)}"`).toBeGreaterThanOrEqual(0);
    from = at + block.length;
  }
}

interface StyleCase { label: string; style: HouseStyle; exact: boolean; urlLines: boolean; custom?: boolean }

const STYLES: StyleCase[] = [
  { label: 'heading', style: { preset: 'heading', templates: {} }, exact: true, urlLines: true },
  { label: 'quote', style: { preset: 'quote', templates: {} }, exact: false, urlLines: true },
  { label: 'bullets', style: { preset: 'bullets', templates: {} }, exact: false, urlLines: true },
  { label: 'digest', style: { preset: 'digest', templates: {} }, exact: true, urlLines: false },
  { label: 'every field', style: { preset: 'heading', templates: EVERY_FIELD_TEMPLATES }, exact: false, urlLines: true, custom: true },
];

const named = STYLES.flatMap((styleCase) => HOSTILE_CASES.map((hostile) => ({ ...hostile, styleCase, label: `${styleCase.label}, ${hostile.field}: ${hostile.name}` })));

describe('hostile inputs', () => {
  it('cover every field with at least 35 cases', () => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(35);
    const fields = new Set(HOSTILE_CASES.map((hostile) => hostile.field));
    expect([...fields].sort()).toEqual(['intro', 'issueTitle', 'itemTitle', 'outro', 'sectionName', 'summary', 'tagline', 'url']);
  });

  it.each(named)('HTML shows them as text: $label', ({ styleCase, ...hostile }) => {
    const html = renderIssueAsHtml(hostileIssue(hostile), { style: styleCase.style });
    expect(html).not.toMatch(/<(script|img|iframe|svg)\b/i);
    expect(html).not.toContain('secret-7f3a');
    const { document } = parseHTML(html);
    expectNothingActive(document);
    const title = hostile.field === 'issueTitle' ? expectedVisible(hostile).join(' ') : SENTINELS.issueTitle;
    expect(document.querySelector('title')?.textContent).toBe(title);
    const content = document.querySelector('.rd-content');
    if (!content) throw new Error('no content cell in the HTML export');
    expectLinks(content, hostile, styleCase.custom);
    if (styleCase.exact) expectExactBlocks(content, hostile);
    else expectBlocksInOrder(fold(content.textContent), hostile);
  });

  it.each(named)('Markdown, rendered with raw HTML on, shows them as text: $label', ({ styleCase, ...hostile }) => {
    const markdown = renderIssueAsMarkdown(hostileIssue(hostile), { style: styleCase.style });
    expect(markdown).not.toContain('secret-7f3a');
    const rendered = consumer.render(markdown);
    expect(rendered).not.toMatch(/<(script|img|iframe|svg)\b/i);
    const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${rendered}</body></html>`);
    expectNothingActive(document);
    expectLinks(document.body, hostile, styleCase.custom);
    if (styleCase.exact) expectExactBlocks(document.body, hostile);
    else expectBlocksInOrder(fold(document.body.textContent), hostile);
  });

  it.each(named)('plain text shows them literally: $label', ({ styleCase, ...hostile }) => {
    const text = renderIssueAsText(hostileIssue(hostile), { style: styleCase.style });
    expect(text).not.toContain('secret-7f3a');
    expect(text).not.toMatch(/(?![\t\n])\p{Cc}/u);
    if (hostile.field === 'url') {
      const href = hostile.links?.[0];
      if (href !== undefined && styleCase.urlLines) expect(text).toContain(href);
      if (href === undefined && hostile.links?.length === 0) expect(text).not.toContain(hostile.input.trim());
    } else {
      expect(text).toContain(hostile.plain ?? expectedVisible(hostile).join('\n\n'));
    }
    if (styleCase.label === 'heading') {
      // Today's layout: the URL line under the title holds the safe href, or is left out.
      const lines = text.split('\n');
      const titleLine = hostile.field === 'itemTitle' ? expectedVisible(hostile).join(' ') : SENTINELS.itemTitle;
      const lineAfterTitle = lines[lines.indexOf(titleLine) + 1];
      expect(lineAfterTitle).toBe(hostile.field === 'url' ? (hostile.links?.[0] ?? '') : SENTINELS.url);
    }
  });
});

// Site and authors come from the page and are plain text everywhere; the every-field template prints them.
const PLAIN_PAYLOADS = HOSTILE_CASES.filter((hostile) => hostile.field === 'itemTitle' && hostile.input.length < 1_000);
const everyField: HouseStyle = { preset: 'heading', templates: EVERY_FIELD_TEMPLATES };

describe.each(PLAIN_PAYLOADS.map((hostile) => ({ ...hostile, label: hostile.name })))('a page\'s site and authors stay text: $label', (hostile) => {
  const issue = hostileIssue({ ...hostile, field: 'summary', input: SENTINELS.summary }, { site: hostile.input, authors: [hostile.input, 'Second Author'] });
  const visible = fold(toOneLine(hostile.input));

  it('in HTML', () => {
    const { document } = parseHTML(renderIssueAsHtml(issue, { style: everyField }));
    expectNothingActive(document);
    expect(fold(document.querySelector('.rd-content')?.textContent ?? '')).toContain(visible);
  });

  it('in Markdown', () => {
    const { document } = parseHTML(`<!DOCTYPE html><html><body>${consumer.render(renderIssueAsMarkdown(issue, { style: everyField }))}</body></html>`);
    expectNothingActive(document);
    expect(fold(document.body.textContent)).toContain(visible);
  });

  it('in plain text', () => {
    expect(renderIssueAsText(issue, { style: everyField })).toContain(toOneLine(hostile.input));
  });
});

describe('titles the editor wrote as Markdown stay inert', () => {
  it.each([
    '[click](javascript:alert(1))', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '<javascript:alert(1)>',
    '[ok](https://example.com/) and [bad](data:text/html,x)', '*em* `code <b>` **strong**', '![img](https://example.com/x.png)',
  ])('%j', (title) => {
    for (const styleCase of STYLES) {
      const issue = makeIssue({ items: [makeItem({ title, url: 'https://example.com/item' })] });
      const html = parseHTML(renderIssueAsHtml(issue, { style: styleCase.style })).document;
      expectNothingActive(html);
      expect([...html.querySelectorAll('.rd-content a')].map((link) => link.getAttribute('href'))).toEqual(['https://example.com/item']);
      const markdown = parseHTML(`<!DOCTYPE html><html><body>${consumer.render(renderIssueAsMarkdown(issue, { style: styleCase.style }))}</body></html>`).document;
      expectNothingActive(markdown);
      expect([...markdown.querySelectorAll('a')].map((link) => link.getAttribute('href'))).toEqual(['https://example.com/item']);
    }
  });
});
