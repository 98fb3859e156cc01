import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dedupeKeysOf } from '../core/featured.ts';
import { addItem, createIssue, removeItem } from '../core/issue-ops.ts';
import { liveItems, liveSections } from '../core/live-parts.ts';
import type { Issue } from '../core/model.ts';
import { findItemForPage } from './find-item-for-page.ts';

const AT = '00000000a:0000:test';

/** A draft holding one item per link, in order; `gone` ones are removed again. */
function draftWith(links: Array<{ url: string; canonicalUrl?: string | null; gone?: boolean }>): Issue {
  let issue = createIssue({ id: 'draft', number: 1, createdAt: '2026-11-26T00:00:00.000Z', at: AT, title: 'Issue #1',
    sectionNames: ['Industry', 'Learning'], intro: '', outro: '' });
  const [section] = liveSections(issue);
  links.forEach((link, index) => {
    issue = addItem(issue, {
      id: `item-${index}`, capturedAt: '2026-11-26T00:00:00.000Z', url: link.url, canonicalUrl: link.canonicalUrl ?? null,
      title: `Item ${index}`, summary: '', note: '', site: '', authors: [], publishedAt: null, image: null, kind: 'article',
    }, { sectionId: section!.id, at: AT });
    if (link.gone) issue = removeItem(issue, `item-${index}`, AT);
  });
  return issue;
}

describe('findItemForPage', () => {
  it.each([
    ['the same URL', 'https://example.org/posts/tinyml', null, [{ url: 'https://example.org/posts/tinyml' }], 'item-0'],
    ['tracking tags, fragment, www and http', 'https://example.org/posts/tinyml',
      null, [{ url: 'http://www.example.org/posts/tinyml/?utm_source=newsletter#comments' }], 'item-0'],
    ['the page’s canonical URL as an item’s URL', 'https://example.org/amp/tinyml', 'https://example.org/posts/tinyml',
      [{ url: 'https://example.org/posts/tinyml' }], 'item-0'],
    ['the page’s URL as an item’s canonical URL', 'https://t.co/abc', null,
      [{ url: 'https://example.org/x', canonicalUrl: 'https://t.co/abc' }], 'item-0'],
    ['another page', 'https://example.org/posts/tinyml', null, [{ url: 'https://example.org/posts/tinyml-2' }], null],
    ['a removed item', 'https://example.org/posts/tinyml', null, [{ url: 'https://example.org/posts/tinyml', gone: true }], null],
    ['a site’s home page', 'https://example.org/', null, [{ url: 'http://www.example.org' }], 'item-0'],
    ['a path the parser percent-encodes', 'https://example.org/caf%C3%A9', null, [{ url: 'https://example.org/café' }], 'item-0'],
    ['an internationalized host', 'https://xn--bcher-kva.de/neu', null, [{ url: 'https://bücher.de/neu' }], 'item-0'],
    ['a newline the parser drops', 'https://example.org/posts/tinyml', null, [{ url: 'https://example.org/posts/tiny\nml' }], 'item-0'],
    ['dot segments', 'https://example.org/posts/tinyml', null, [{ url: 'https://example.org/drafts/../posts/tinyml' }], 'item-0'],
    ['the first of two in draft order', 'https://example.org/a', 'https://example.org/b',
      [{ url: 'https://example.org/b' }, { url: 'https://example.org/a' }], 'item-0'],
    ['a page without an address', '', null, [{ url: 'https://example.org/posts/tinyml' }], null],
  ])('finds %s', (_case, url, canonicalUrl, links, expected) => {
    expect(findItemForPage(draftWith(links), url, canonicalUrl)?.id ?? null).toBe(expected);
  });

  it('finds what normalizing every item’s URL finds', () => {
    const segment = fc.constantFrom('posts', 'tinyml', 'caf%C3%A9', 'café', 'a b', '..', '.', '', 'x~y', 'Q&A', 'tiny\nml');
    const link = fc.record({
      scheme: fc.constantFrom('https://', 'http://', 'HTTPS://'),
      host: fc.constantFrom('example.org', 'www.example.org', 'EXAMPLE.org', 'bücher.de', 'xn--bcher-kva.de', '127.1'),
      path: fc.array(segment, { maxLength: 3 }),
      tail: fc.constantFrom('', '/', '?utm_source=x', '?id=1', '#top', '/?ref=a#b'),
    }).map(({ scheme, host, path, tail }) => `${scheme}${host}/${path.join('/')}${tail}`);
    fc.assert(fc.property(link, fc.option(link), fc.array(fc.record({ url: link, canonicalUrl: fc.option(link) }), { maxLength: 6 }),
      (url, canonicalUrl, links) => {
        const draft = draftWith(links);
        const keys = dedupeKeysOf(url, canonicalUrl);
        const expected = liveItems(draft).find((item) => dedupeKeysOf(item.url, item.canonicalUrl).some((key) => keys.includes(key)));
        expect(findItemForPage(draft, url, canonicalUrl)?.id).toBe(expected?.id);
      }), { numRuns: 2000 });
  });
});
