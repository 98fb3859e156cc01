import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from './node-document.ts';
import { indexMetaTags } from './meta.ts';
import { html } from './test-page.ts';

const metaOf = (head: string, body = '') => {
  const doc = parseHtmlDocument(html(head, body));
  return indexMetaTags([...doc.getElementsByTagName('meta')]);
};

describe('indexMetaTags', () => {
  it('looks keys up case-insensitively, name and property alike', () => {
    const meta = metaOf('<meta property="OG:Title" content="A"><meta name="og:description" content="B">');
    expect(meta.first('og:title')).toBe('A');
    expect(meta.first('og:description')).toBe('B');
  });

  it('indexes every key of a space-separated property list', () => {
    const meta = metaOf('<meta property="og:title twitter:title" content="Shared">');
    expect(meta.first('twitter:title')).toBe('Shared');
  });

  it('keeps every value of a repeated key in document order', () => {
    const meta = metaOf('<meta name="citation_author" content="Doe, Jane"><meta name="citation_author" content="Roe, Rick">');
    expect(meta.all('citation_author')).toEqual(['Doe, Jane', 'Roe, Rick']);
  });

  it('tries keys in order and skips empty content', () => {
    const meta = metaOf('<meta name="description" content="  "><meta name="twitter:description" content="T">');
    expect(meta.first('description', 'twitter:description')).toBe('T');
    expect(meta.first('og:description')).toBeNull();
  });

  it('keeps itemprop and http-equiv apart from names', () => {
    const meta = metaOf('<meta http-equiv="content-language" content="de">', '<div itemscope><meta itemprop="description" content="A product"></div>');
    expect(meta.first('description')).toBeNull();
    expect(meta.first('itemprop:description')).toBe('A product');
    expect(meta.first('http-equiv:content-language')).toBe('de');
  });
});
