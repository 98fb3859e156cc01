import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanStoredLink } from './stored-link.ts';
import { buildFeaturedIndex, findFeatured } from './featured.ts';
import { makeIssue, makeItem } from './test-factories.ts';
import { normalizeUrlForDedupe } from './url.ts';

const strip = { keepTrackingParameters: false };
const keep = { keepTrackingParameters: true };

describe('cleanStoredLink', () => {
  it.each([
    ['https://example.com/a?utm_source=hn&utm_medium=social', 'https://example.com/a'],
    ['https://example.com/a?id=7&utm_source=hn&page=2', 'https://example.com/a?id=7&page=2'],
    ['https://example.com/a?q=a+b%20c&UTM_Campaign=x&fbclid=abc&ref=hn#comments', 'https://example.com/a?q=a+b%20c#comments'],
    ['https://example.com/search?q=utm_source', 'https://example.com/search?q=utm_source'],
    ['https://user:secret@example.com/private', 'https://example.com/private'],
    ['https://example.com/post#:~:text=the%20quote', 'https://example.com/post'],
    ['https://example.com/post#part:~:text=x', 'https://example.com/post#part'],
    ['https://arxiv.org/abs/2007.01547v2', 'https://arxiv.org/abs/2007.01547'],
    ['https://arxiv.org/abs/2007.01547', 'https://arxiv.org/abs/2007.01547'],
    ['http://export.arxiv.org/abs/2106.06981v1', 'https://arxiv.org/abs/2106.06981'],
    ['https://arxiv.org/pdf/2106.06981v3.pdf', 'https://arxiv.org/abs/2106.06981'],
    ['https://arxiv.org/pdf/2106.06981', 'https://arxiv.org/abs/2106.06981'],
    ['https://www.arxiv.org/abs/hep-th/9901001v2', 'https://arxiv.org/abs/hep-th/9901001'],
    ['https://arxiv.org/abs/math.GT/0309136', 'https://arxiv.org/abs/math.GT/0309136'],
    ['https://arxiv.org/list/cs.LG/recent', 'https://arxiv.org/list/cs.LG/recent'],
    ['chrome://version/', 'chrome://version/'],
    ['not a url', 'not a url'],
  ])('stores %s as %s', (input, stored) => {
    expect(cleanStoredLink(input, strip)).toBe(stored);
  });

  it('keeps tracking parameters when the editor asks to, but never credentials', () => {
    expect(cleanStoredLink('https://me:pw@example.com/a?utm_source=hn&id=1', keep)).toBe('https://example.com/a?utm_source=hn&id=1');
  });

  it('makes a later version of a filed arXiv paper the same link, so "Featured in" finds it', () => {
    const filed = makeIssue({ status: 'published', items: [makeItem({ url: cleanStoredLink('https://arxiv.org/abs/2007.01547v1', strip) })] });
    const laterVersion = cleanStoredLink('https://arxiv.org/abs/2007.01547v3', strip);
    expect(findFeatured(buildFeaturedIndex([filed]), normalizeUrlForDedupe(laterVersion)).map((hit) => hit.issueNumber)).toEqual([1]);
  });

  it('finds a paper featured under a versioned link (an older item or an archive) from a later version', () => {
    const filed = makeIssue({ status: 'published', items: [makeItem({ url: 'https://arxiv.org/abs/2007.01547v1' })] });
    const laterVersion = cleanStoredLink('https://arxiv.org/pdf/2007.01547v3', strip);
    expect(findFeatured(buildFeaturedIndex([filed]), normalizeUrlForDedupe(laterVersion)).map((hit) => hit.issueNumber)).toEqual([1]);
  });

  it('never changes which page a link is: the dedupe key is the same before and after (property)', () => {
    const params = fc.array(fc.tuple(fc.constantFrom('utm_source', 'utm_medium', 'fbclid', 'id', 'page', 'q', 'Ref'), fc.string({ maxLength: 6 })), { maxLength: 5 });
    fc.assert(fc.property(fc.webUrl(), params, (base, pairs) => {
      const url = new URL(base);
      for (const [name, value] of pairs) url.searchParams.append(name, value);
      const cleaned = cleanStoredLink(url.href, strip);
      expect(normalizeUrlForDedupe(cleaned)).toBe(normalizeUrlForDedupe(url.href));
      expect(cleaned).not.toMatch(/[?&](utm_|fbclid=)/i);
    }), { numRuns: 500 });
  });
});
