/**
 * Every hostile case (test/fixtures/hostile-cases.ts) through all three exports.
 *
 * HTML is parsed with linkedom and read as a mail client would. Markdown is rendered by a consumer
 * that trusts it as much as the worst real one: raw HTML on (`html: true`), GFM tables and
 * strikethrough on, and every link kept (`validateLink` accepts all), so any markup or link we let
 * through shows up. In both, the reader must see exactly the expected blocks, in order (nothing
 * swallowed, nothing added), and nothing active: no script, no event handler, no embedded content,
 * no link other than http, https or mailto.
 */
import MarkdownIt from 'markdown-it';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { escapeMarkdownInline } from '../../src/core/markdown-escape.ts';
import type { Issue } from '../../src/core/model.ts';
import { renderIssueAsHtml } from '../../src/core/render-html.ts';
import { renderIssueAsMarkdown } from '../../src/core/render-markdown.ts';
import { renderIssueAsText } from '../../src/core/render-text.ts';
import { makeIssue, makeItem, makeSection } from '../../src/core/test-factories.ts';
import { expectedBlocks, expectedVisible, HOSTILE_CASES, SENTINELS } from '../fixtures/hostile-cases.ts';
import type { HostileCase, HostileField } from '../fixtures/hostile-cases.ts';

function hostileIssue(hostile: HostileCase): Issue {
  const value = (field: HostileField): string => (hostile.field === field ? hostile.input : SENTINELS[field]);
  return makeIssue({
    title: value('issueTitle'),
    tagline: value('tagline'),
    intro: value('intro'),
    outro: value('outro'),
    sections: [makeSection({ id: 'section-1', name: value('sectionName') })],
    // An item title is inline Markdown; a page's title arrives escaped (src/core/capture-fields.ts), as here.
    items: [makeItem({ sectionId: 'section-1', title: escapeMarkdownInline(value('itemTitle')), summary: value('summary'), url: value('url'), note: SENTINELS.note })],
  });
}

const consumer = new MarkdownIt({ html: true });
consumer.validateLink = () => true;

const ACTIVE_CONTENT = 'script, img, iframe, object, embed, form, style, link, svg, math, input, button, textarea, select, video, audio, source, base, frame, frameset, applet, meta[http-equiv]';
const SAFE_PROTOCOLS = ['http:', 'https:', 'mailto:'];
const fold = (text: string | null): string => (text ?? '').replace(/[ \t\n\r\f]+/g, ' ').trim();

type Document = ReturnType<typeof parseHTML>['document'];
type Element = NonNullable<ReturnType<Document['querySelector']>>;

function expectNothingActive(document: Document): void {
  expect([...document.querySelectorAll(ACTIVE_CONTENT)].map((element) => element.tagName)).toEqual([]);
  const handlers = [...document.querySelectorAll('*')].flatMap((element) => element.getAttributeNames().filter((name) => /^on/i.test(name)));
  expect(handlers).toEqual([]);
  for (const link of document.querySelectorAll('a')) {
    expect(SAFE_PROTOCOLS).toContain(new URL(link.getAttribute('href') ?? '').protocol);
  }
}

function expectReaderSees(container: Element, hostile: HostileCase): void {
  expect([...container.children].map((block) => fold(block.textContent))).toEqual(expectedBlocks(hostile).map(fold));
  expect([...container.querySelectorAll('a')].map((link) => link.getAttribute('href'))).toEqual(hostile.links ?? [SENTINELS.url]);
}

const named = HOSTILE_CASES.map((hostile) => ({ ...hostile, label: `${hostile.field}: ${hostile.name}` }));

describe('hostile inputs', () => {
  it('cover every field with at least 35 cases', () => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(35);
    const fields = new Set(HOSTILE_CASES.map((hostile) => hostile.field));
    expect([...fields].sort()).toEqual(['intro', 'issueTitle', 'itemTitle', 'outro', 'sectionName', 'summary', 'tagline', 'url']);
  });

  it.each(named)('HTML shows them as text: $label', (hostile) => {
    const html = renderIssueAsHtml(hostileIssue(hostile));
    expect(html).not.toMatch(/<(script|img|iframe|svg)\b/i);
    expect(html).not.toContain('secret-7f3a');
    const { document } = parseHTML(html);
    expectNothingActive(document);
    const title = hostile.field === 'issueTitle' ? expectedVisible(hostile).join(' ') : SENTINELS.issueTitle;
    expect(document.querySelector('title')?.textContent).toBe(title);
    const heading = document.querySelector('h1');
    if (!heading?.parentElement) throw new Error('no h1 in the HTML export');
    expectReaderSees(heading.parentElement, hostile);
  });

  it.each(named)('Markdown, rendered with raw HTML on, shows them as text: $label', (hostile) => {
    const markdown = renderIssueAsMarkdown(hostileIssue(hostile));
    expect(markdown).not.toContain('secret-7f3a');
    const rendered = consumer.render(markdown);
    expect(rendered).not.toMatch(/<(script|img|iframe|svg)\b/i);
    const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${rendered}</body></html>`);
    expectNothingActive(document);
    expectReaderSees(document.body, hostile);
  });

  it.each(named)('plain text shows them literally, on their own lines: $label', (hostile) => {
    const text = renderIssueAsText(hostileIssue(hostile));
    expect(text).not.toContain('secret-7f3a');
    expect(text).not.toMatch(/(?![\t\n])\p{Cc}/u);
    const lines = text.split('\n');
    const titleLine = hostile.field === 'itemTitle' ? expectedVisible(hostile).join(' ') : SENTINELS.itemTitle;
    const lineAfterTitle = lines[lines.indexOf(titleLine) + 1];
    if (hostile.field === 'url') {
      // The URL line holds the safe href, or is left out (a blank line follows the title).
      expect(lineAfterTitle).toBe(hostile.links?.[0] ?? '');
      if (hostile.links?.length === 0) expect(text).not.toContain(hostile.input.trim());
    } else {
      expect(text).toContain(hostile.plain ?? expectedVisible(hostile).join('\n\n'));
      expect(lineAfterTitle).toBe(SENTINELS.url);
    }
  });
});
