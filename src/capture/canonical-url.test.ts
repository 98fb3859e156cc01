import { describe, expect, it } from 'vitest';
import { pickCanonicalUrl } from './canonical-url.ts';
import { cleanText } from './clean-text.ts';
import { contextOf, html } from './test-page.ts';

describe('pickCanonicalUrl', () => {
  it('prefers a candidate on the page’s own site to one on another site', () => {
    const page = html('<link rel="canonical" href="https://other.example/original"><meta property="og:url" content="https://m.example.com/post/1">');
    expect(pickCanonicalUrl(contextOf(page, 'https://www.example.com/post/1'))).toBe('https://m.example.com/post/1');
  });

  it('still reports another site’s canonical when it is all the page declares (the capture mapping decides on it)', () => {
    const page = html('<link rel="canonical" href="https://other.example/original">');
    expect(pickCanonicalUrl(contextOf(page, 'https://www.example.com/post/1'))).toBe('https://other.example/original');
  });

  it('ignores a home page named as every page’s canonical', () => {
    expect(pickCanonicalUrl(contextOf(html('<link rel="canonical" href="https://www.example.com/">'), 'https://www.example.com/post/1'))).toBeNull();
  });
});

describe('cleanText', () => {
  it('removes bidi embeddings, overrides and isolates', () => {
    expect(cleanText('invoice\u202Efdp.exe \u2066x\u2069 \u202Ay\u202C')).toBe('invoicefdp.exe x y');
  });
});
