import { describe, expect, it } from 'vitest';
import type { Issue } from './model.ts';
import { searchItems } from './search-items.ts';
import { makeIssue, makeItem, makeSection } from './test-factories.ts';

const T1 = '0000000rs:0000:laptop';
const issues: Issue[] = [
  makeIssue({
    id: 'i-205', number: 205, status: 'published', sections: [makeSection({ name: 'Papers' })],
    items: [
      makeItem({ id: 'rasp', title: 'Thinking Like Transformers', url: 'https://arxiv.org/abs/2106.06981', site: 'arXiv', summary: 'A language, RASP.' }),
      makeItem({ id: 'gone', position: 'a1', title: 'Removed transformer item', url: 'https://example.com/gone', deleted: T1 }),
    ],
  }),
  makeIssue({
    id: 'i-206', number: 206, sections: [makeSection({ name: 'Learning' })],
    items: [
      makeItem({ id: 'tiny', title: 'TinyML for sensors', url: 'https://www.example.org/tinyml/', summary: 'Transformers on a Résumé budget.', site: 'Example Blog' }),
      makeItem({ id: 'canon', position: 'a1', title: 'Shared link', url: 'https://t.co/xyz', canonicalUrl: 'https://news.example.com/story' }),
    ],
  }),
];

const ids = (query: string) => searchItems(issues, query).map((hit) => `${hit.itemId}:${hit.matchedBy}`);

describe('searchItems', () => {
  it.each<[string, string, string[]]>([
    ['nothing for an empty query', '   ', []],
    ['a link with tracking tags, www and a fragment', 'http://example.org/tinyml?utm_source=x#top', ['tiny:link']],
    ['a link without its scheme', 'arxiv.org/abs/2106.06981', ['rasp:link']],
    ['a link by the page’s canonical URL', 'https://news.example.com/story/', ['canon:link']],
    ['title words before other text, newest issue first within a rank', 'transformers', ['rasp:title', 'tiny:text']],
    ['every word, anywhere', 'tinyml sensors blog', ['tiny:text']],
    ['ignoring case and accents', 'RESUME budget', ['tiny:text']],
    ['the site', 'arxiv', ['rasp:text']],
    ['not removed items', 'Removed transformer', []],
    ['nothing when one word is missing', 'tinyml quantum', []],
  ])('finds %s', (_name, query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it('says which issue and section hold the hit', () => {
    expect(searchItems(issues, 'rasp')[0]).toMatchObject({
      issueId: 'i-205', issueNumber: 205, issueStatus: 'published', sectionName: 'Papers', title: 'Thinking Like Transformers',
    });
  });

  it('stops at the limit', () => {
    expect(searchItems(issues, 'example', 1)).toHaveLength(1);
  });
});
