import { describe, expect, it } from 'vitest';
import { isSameSite, siteOfUrl } from './site-of-url.ts';

describe('siteOfUrl', () => {
  it.each([
    ['https://www.example.com/a', 'example.com'],
    ['https://m.example.com/a', 'example.com'],
    ['https://news.bbc.co.uk/x', 'bbc.co.uk'],
    ['https://alice.github.io/post', 'alice.github.io'],
    ['http://127.0.0.1:8080/page', '127.0.0.1'],
    ['http://localhost:3000/', 'localhost'],
    ['https://EXAMPLE.com./', 'example.com'],
    ['not a url', null],
    ['about:blank', null],
  ])('%s is on %s', (url, site) => {
    expect(siteOfUrl(url)).toBe(site);
  });
});

describe('isSameSite', () => {
  it.each([
    ['https://www.example.com/a', 'https://example.com/b', true],
    ['https://alice.github.io/', 'https://bob.github.io/', false],
    ['https://blog.example.com/', 'https://example.org/', false],
    ['http://127.0.0.1:8080/a', 'http://127.0.0.1:9090/b', true],
    ['http://127.0.0.1/a', 'http://127.0.0.2/a', false],
    ['garbage', 'garbage', false],
  ])('%s and %s: %s', (a, b, same) => {
    expect(isSameSite(a, b)).toBe(same);
  });
});
