import { describe, expect, it } from 'vitest';
import { readJsonLd } from './json-ld.ts';
import { parseHtmlDocument } from './node-document.ts';
import { html } from './test-page.ts';

const ld = (...blocks: string[]) => {
  const doc = parseHtmlDocument(html(blocks.map((block) => `<script type="application/ld+json">${block}</script>`).join('')));
  return readJsonLd([...doc.getElementsByTagName('script')]);
};

describe('readJsonLd', () => {
  it('reads an article node', () => {
    const facts = ld(JSON.stringify({
      '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Headline', description: 'Desc',
      author: [{ '@type': 'Person', name: 'Jane Doe' }, 'John Roe'], datePublished: '2024-01-02',
      publisher: { '@type': 'Organization', name: 'The Paper' }, image: [{ url: 'https://x.test/a.jpg' }], inLanguage: 'en-GB',
    }));
    expect(facts).toEqual({
      mainType: 'NewsArticle', headline: 'Headline', description: 'Desc', authors: ['Jane Doe', 'John Roe'],
      datePublished: '2024-01-02', publisher: 'The Paper', image: 'https://x.test/a.jpg', language: 'en-GB',
    });
  });

  it('finds the article in a @graph, past the website and breadcrumbs, and resolves @id references', () => {
    const facts = ld(JSON.stringify({
      '@graph': [
        { '@type': 'WebSite', '@id': '#site', name: 'My Blog' },
        { '@type': 'BreadcrumbList', name: 'Crumbs' },
        { '@type': 'Person', '@id': '#jane', name: 'Jane Doe' },
        { '@type': ['WebPage', 'ItemPage'], name: 'Page name' },
        { '@type': ['BlogPosting', 'Article'], headline: 'The post', author: { '@id': '#jane' } },
      ],
    }));
    expect(facts.mainType).toBe('BlogPosting');
    expect(facts.headline).toBe('The post');
    expect(facts.authors).toEqual(['Jane Doe']);
    expect(facts.publisher).toBe('My Blog');
  });

  it('reads a top-level array and prefixed types', () => {
    expect(ld('[{"@type":"Organization","name":"Org"},{"@type":"schema:VideoObject","name":"Clip"}]').mainType).toBe('VideoObject');
  });

  it('reads an article given as a WebPage mainEntity', () => {
    expect(ld('{"@type":"WebPage","mainEntity":{"@type":"Article","headline":"Inner"}}').headline).toBe('Inner');
  });

  it('survives malformed blocks and reads the good ones', () => {
    const facts = ld('{"@type": "Article", "headline": ', 'not json at all', '{"@type":"Article","headline":"Line\nbreak"}');
    expect(facts.headline).toBe('Line break');
  });

  it.each([
    ['a bare CDATA section (Drupal)', '<![CDATA[ {"@type":"Article","headline":"Wrapped"} ]]>'],
    ['a commented-out CDATA section', '//<![CDATA[\n{"@type":"Article","headline":"Wrapped"}\n//]]>'],
    ['an HTML comment', '<!-- {"@type":"Article","headline":"Wrapped"} -->'],
  ])('reads a block wrapped in %s', (_name, block) => {
    expect(ld(block).headline).toBe('Wrapped');
  });

  it('returns nothing for a page without JSON-LD or with only non-content nodes', () => {
    expect(ld().headline).toBeNull();
    expect(ld('{"@type":"Organization","name":"Org"}').headline).toBeNull();
    expect(ld('null').authors).toEqual([]);
  });

  it('skips a data dump', () => {
    const huge = JSON.stringify({ '@type': 'Article', headline: 'Dump', padding: 'x'.repeat(600_000) });
    expect(ld(huge).headline).toBeNull();
  });
});
