import { describe, expect, it } from 'vitest';
import { pickAuthors, splitAuthorList } from './authors.ts';
import { contextOf, html } from './test-page.ts';

const authorsOf = (head: string, body = '') => pickAuthors(contextOf(html(head, body)));

describe('pickAuthors', () => {
  it('takes every citation_author first', () => {
    expect(authorsOf('<meta name="citation_author" content="Doe, Jane"><meta name="citation_author" content="Roe, Rick"><meta name="author" content="Other">'))
      .toEqual(['Jane Doe', 'Rick Roe']);
  });

  it('then JSON-LD authors, then meta author, then article:author', () => {
    expect(authorsOf('<script type="application/ld+json">{"@type":"Article","author":[{"name":"Ann Lee"},{"name":"Bo Chen"}]}</script><meta name="author" content="X Y">'))
      .toEqual(['Ann Lee', 'Bo Chen']);
    expect(authorsOf('<meta name="author" content="By Jane Doe"><meta property="article:author" content="John Roe">')).toEqual(['Jane Doe']);
    expect(authorsOf('<meta property="article:author" content="https://www.facebook.com/janedoe"><meta name="parsely-author" content="Jane Doe">'))
      .toEqual(['Jane Doe']);
  });

  it('falls back to rel=author links and microdata bylines', () => {
    expect(authorsOf('', '<a rel="author" href="/jane">Jane Doe</a>')).toEqual(['Jane Doe']);
    expect(authorsOf('', '<span itemprop="author" itemscope><span itemprop="name">Jane Doe</span></span>')).toEqual(['Jane Doe']);
  });

  it('drops junk names and duplicates', () => {
    expect(authorsOf('<meta name="author" content="admin">')).toEqual([]);
    expect(authorsOf('<meta name="citation_author" content="Doe, Jane"><meta name="citation_author" content="Jane Doe">')).toEqual(['Jane Doe']);
  });
});

describe('splitAuthorList', () => {
  it.each([
    ['Jane Doe, John Smith and Ann Lee', ['Jane Doe', 'John Smith', 'Ann Lee']],
    ['Doe, Jane', ['Doe, Jane']],
    ['Jane Doe & John Smith', ['Jane Doe', 'John Smith']],
    ['Martin Untersinger (avec Damien Leloup et Morgane Tual)', ['Martin Untersinger', 'Damien Leloup', 'Morgane Tual']],
    ['Alexander Anderson', ['Alexander Anderson']],
  ])('%s', (input, expected) => {
    expect(splitAuthorList(input)).toEqual(expected);
  });
});
