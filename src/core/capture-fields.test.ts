import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { protocol } from '../messages.ts';
import { SUMMARY_SOURCES, type Capture } from './capture-types.ts';
import { itemFieldsFromCapture, plainPageText } from './capture-fields.ts';
import { addItem } from './issue-ops.ts';
import { parseMarkdownInline } from './inline-markdown.ts';
import { ITEM_KINDS } from './model.ts';
import { LIMITS, parseIssue } from './schema.ts';
import { makeIssue } from './test-factories.ts';

function capture(overrides: Partial<Capture> = {}): Capture {
  return {
    title: 'A title', summary: 'A summary.', summarySource: 'og', url: 'https://example.com/a', canonicalUrl: null,
    dedupeKey: 'https://example.com/a', site: 'Example', authors: [], publishedAt: null, image: null, kind: 'article', language: null,
    ...overrides,
  };
}

const options = { pageUrl: 'https://example.com/a', keepTrackingParameters: false, summaryLength: 300 };
const fieldsOf = (overrides: Partial<Capture>, pageUrl = options.pageUrl) => itemFieldsFromCapture(capture(overrides), { ...options, pageUrl });

/** The text our parser reads from inline Markdown. */
function textOf(markdown: string): string {
  return parseMarkdownInline(markdown).map((token) => (token.type === 'softbreak' ? '\n' : token.content)).join('');
}

describe('itemFieldsFromCapture', () => {
  // The page hands its summary over whole; the editor's length is applied here, once for every path.
  it('cuts an article summary to the editor\'s length and keeps a selection or an abstract whole', () => {
    const sentence = (n: number) => `Sentence number ${n} says a little more about the page.`;
    const whole = [1, 2, 3, 4, 5, 6].map(sentence).join(' ');
    const cut = (summarySource: Capture['summarySource'], summaryLength: number) =>
      itemFieldsFromCapture(capture({ summary: whole, summarySource }), { ...options, summaryLength }).fields.summary;
    expect(cut('og', 120)).toBe([1, 2].map(sentence).join(' '));
    expect(cut('readability', 60)).toBe(sentence(1));
    expect(cut('og', 1_000)).toBe(whole);
    expect(cut('selection', 60)).toBe(whole);
    expect(cut('abstract', 60)).toBe(whole);
  });

  it('turns page text into Markdown that reads back as the page text', () => {
    const { fields } = fieldsOf({ title: '2*3*4 = 24', summary: 'Use `x` and [y](https://evil.example/).\n\nSecond *para*.' });
    expect(fields.title).toBe('2\\*3\\*4 = 24');
    expect(textOf(fields.title)).toBe('2*3*4 = 24');
    expect(textOf(fields.summary)).toBe('Use `x` and [y](https://evil.example/).\n\nSecond *para*.');
  });

  it('leaves ordinary titles exactly as the page wrote them', () => {
    expect(fieldsOf({ title: '[R] Small models that run on a microcontroller' }).fields.title).toBe('[R] Small models that run on a microcontroller');
  });

  it('removes bidi controls and other control characters from every text field', () => {
    const { fields } = fieldsOf({ title: 'invoice\u202Efdp.exe', summary: 'a\u2066b\u0007c', site: 'Ev\u202Eil', authors: ['A\u2069n'] });
    expect(fields).toMatchObject({ title: 'invoicefdp.exe', summary: 'abc', site: 'Evil', authors: ['An'] });
    expect(plainPageText('x\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069y')).toBe('xy');
  });

  it('cuts a page’s oversized fields to the model’s limits and says so for the title', () => {
    const long = `https://example.com/${'a'.repeat(9_000)}`;
    const { fields, notes } = fieldsOf({ title: 'T'.repeat(2_100), summary: 'S'.repeat(30_000), image: long, canonicalUrl: long, url: long, site: 'x'.repeat(3_000) }, long);
    expect(fields.title.length).toBeLessThanOrEqual(LIMITS.title);
    expect(fields.title.endsWith('…')).toBe(true);
    expect(fields.summary.length).toBeLessThanOrEqual(LIMITS.summary);
    expect(fields.site.length).toBeLessThanOrEqual(LIMITS.site);
    expect(fields.image).toBeNull();
    expect(fields.canonicalUrl).toBeNull();
    expect(fields.url).toBe('https://example.com/');
    expect(notes).toEqual(['The page’s title was 2,100 characters long; it was shortened.']);
  });

  it('shortens a long link by its fragment, then its query, before giving up on its path', () => {
    const query = `https://example.com/p?q=${'x'.repeat(9_000)}`;
    expect(fieldsOf({ url: query }, query).fields.url).toBe('https://example.com/p');
  });

  it.each(['2021-06', '2021', '2021-06-24', '2021-06-24T10:00:00Z'])('keeps the published date %s', (date) => {
    expect(fieldsOf({ publishedAt: date }).fields.publishedAt).toBe(date);
  });

  it.each(['2021/6', 'yesterday', '2021-13-01', ''])('leaves out a published date the model would refuse: %j', (date) => {
    expect(fieldsOf({ publishedAt: date }).fields.publishedAt).toBeNull();
  });

  it('does not trust a canonical URL on another site for identity, and says what it named', () => {
    const { fields, notes } = fieldsOf({ url: 'https://victim.example/story', canonicalUrl: 'https://victim.example/story' }, 'https://attacker.example/copy?utm_source=x');
    expect(fields).toMatchObject({ url: 'https://attacker.example/copy', canonicalUrl: null });
    expect(notes[0]).toMatch(/^This page names a page on victim\.example as its original \(https:\/\/victim\.example\/story\)/);
  });

  it('trusts a canonical URL on the same site, another subdomain included', () => {
    const { fields, notes } = fieldsOf({ url: 'https://www.example.com/a', canonicalUrl: 'https://www.example.com/a' }, 'https://m.example.com/a?utm_source=x');
    expect(fields).toMatchObject({ url: 'https://www.example.com/a', canonicalUrl: 'https://www.example.com/a' });
    expect(notes).toEqual([]);
  });

  it('stores the link without tracking parameters or credentials, and arXiv papers without their version', () => {
    expect(fieldsOf({ url: 'https://u:p@example.com/a?utm_source=hn&id=3' }).fields.url).toBe('https://example.com/a?id=3');
    const arxiv = fieldsOf({ url: 'https://arxiv.org/abs/2007.01547v2', canonicalUrl: 'https://arxiv.org/abs/2007.01547v2' }, 'https://arxiv.org/abs/2007.01547v2').fields;
    expect(arxiv).toMatchObject({ url: 'https://arxiv.org/abs/2007.01547', canonicalUrl: 'https://arxiv.org/abs/2007.01547' });
    const kept = itemFieldsFromCapture(capture({ url: 'https://example.com/a?utm_source=hn' }), { ...options, keepTrackingParameters: true });
    expect(kept.fields.url).toBe('https://example.com/a?utm_source=hn');
  });

  it('gives fields that item/add accepts and that make a valid stored issue, whatever the page held (property)', () => {
    const text = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom('', '\u202E', '2*3*4'), fc.constantFrom(2_100, 25_000).map((n) => 'x'.repeat(n)));
    const url = fc.oneof(fc.webUrl(), fc.constantFrom('', 'chrome://version/', 'not a url', `https://e.com/${'a'.repeat(9_000)}`));
    const arbitraryCapture = fc.record({
      title: text, summary: text, summarySource: fc.constantFrom(...SUMMARY_SOURCES), url: fc.webUrl(), canonicalUrl: fc.option(url),
      dedupeKey: fc.string(), site: text, authors: fc.array(text, { maxLength: 3 }), publishedAt: fc.option(text),
      image: fc.option(url), kind: fc.constantFrom(...ITEM_KINDS), language: fc.option(fc.string()),
    });
    const addArgs = protocol['item/add'].args;
    fc.assert(fc.property(arbitraryCapture, url, fc.boolean(), (page, pageUrl, keepTrackingParameters) => {
      const { fields } = itemFieldsFromCapture(page, { pageUrl, keepTrackingParameters, summaryLength: 300 });
      const message = v.safeParse(addArgs, { tabId: 1, issueId: 'issue-1', sectionId: 'section-1', fields });
      expect(message.issues?.[0]?.message).toBeUndefined();
      const issue = addItem(makeIssue({ items: [] }), { id: 'new', capturedAt: '2026-11-01T09:00:00.000Z', ...fields }, { sectionId: 'section-1', at: '0mjuohs00:0000:device' });
      const parsed = parseIssue(issue);
      expect(parsed.ok ? null : parsed.error).toBeNull();
    }), { numRuns: 500 });
  });
});
