import { describe, expect, it } from 'vitest';
import { buildFeaturedIndex, dedupeKeysOf, findFeatured } from './featured.ts';
import { formatHlc } from './hlc.ts';
import { addItem, createIssue, publishIssue, removeItem, removeSection, type NewItem } from './issue-ops.ts';
import type { Issue } from './model.ts';
import { normalizeUrlForDedupe } from './url.ts';

const clock = (ms: number) => formatHlc({ ms, counter: 0, deviceId: 'test' });

function link(id: string, url: string, canonicalUrl: string | null = null): NewItem {
  return { id, url, canonicalUrl, title: id, summary: '', note: '', site: '', authors: [], publishedAt: null,
    image: null, kind: 'article', capturedAt: '2026-11-02T10:00:00.000Z' };
}

/** An issue with sections "News" (n) and "Papers" (p), holding the given links in "News". */
function issueWith(number: number, links: NewItem[]): Issue {
  let ids = ['n', 'p'];
  let issue = createIssue({ id: `issue-${number}`, number, title: `#${number}`, sectionNames: ['News', 'Papers'],
    intro: '', outro: '', createdAt: '2026-11-01T00:00:00.000Z', at: clock(1),
    makeId: () => { const [next = 'x', ...rest] = ids; ids = rest; return `${number}-${next}`; } });
  for (const item of links) issue = addItem(issue, item, { sectionId: `${number}-n`, at: clock(2) });
  return issue;
}

const lookup = (issues: Issue[], url: string) => findFeatured(buildFeaturedIndex(issues), normalizeUrlForDedupe(url));

describe('findFeatured', () => {
  const published = publishIssue(issueWith(205, [link('old', 'https://example.com/post')]), '2026-10-25T00:00:00.000Z', clock(3));
  const draft = issueWith(206, [
    link('tracked', 'https://blog.example.org/a?utm_source=newsletter&utm_medium=email#comments'),
    link('canonical', 'https://t.co/xyz', 'https://www.paper.site/abs/1234/'),
    link('again', 'https://example.com/post'),
  ]);

  it.each<[string, string, [number, string][]]>([
    ['the same link without its tracking tags and fragment', 'http://blog.example.org/a', [[206, 'tracked']]],
    ['the canonical URL of an item filed through a redirector', 'https://paper.site/abs/1234', [[206, 'canonical']]],
    ['the filed URL itself', 'https://t.co/xyz', [[206, 'canonical']]],
    ['a link featured twice, newest issue first', 'https://www.example.com/post/', [[206, 'again'], [205, 'old']]],
    ['nothing for a link never filed', 'https://example.com/other', []],
  ])('finds %s', (_name, url, expected) => {
    expect(lookup([published, draft], url).map((hit) => [hit.issueNumber, hit.itemId])).toEqual(expected);
  });

  it('says which issue, with its status and section', () => {
    expect(lookup([published, draft], 'https://example.com/post')).toEqual([
      { issueId: 'issue-206', issueNumber: 206, issueStatus: 'draft', sectionName: 'News', itemId: 'again' },
      { issueId: 'issue-205', issueNumber: 205, issueStatus: 'published', sectionName: 'News', itemId: 'old' },
    ]);
  });

  it('reports an item once when its URL and canonical URL share a key', () => {
    const issue = issueWith(1, [link('both', 'https://example.com/x?utm_campaign=a', 'https://example.com/x')]);
    expect(lookup([issue], 'https://example.com/x')).toHaveLength(1);
  });

  it.each<[string, (issue: Issue) => Issue]>([
    ['a removed item', (issue) => removeItem(issue, 'gone', clock(3))],
    ['an item of a removed section', (issue) => removeSection(issue, '7-n', clock(3))],
    ['a deleted issue', (issue) => ({ ...issue, deleted: clock(3) })],
  ])('ignores %s', (_name, remove) => {
    const issue = issueWith(7, [link('gone', 'https://example.com/gone')]);
    expect(lookup([issue], 'https://example.com/gone')).toHaveLength(1);
    expect(lookup([remove(issue)], 'https://example.com/gone')).toEqual([]);
  });

  it('returns a copy, so callers cannot corrupt the index', () => {
    const index = buildFeaturedIndex([draft]);
    const key = normalizeUrlForDedupe('https://example.com/post');
    findFeatured(index, key).pop();
    expect(findFeatured(index, key)).toHaveLength(1);
  });
});

describe('dedupeKeysOf', () => {
  it.each<[string, string | null, string[]]>([
    ['https://example.com/a', null, ['https://example.com/a']],
    ['https://example.com/a', '  ', ['https://example.com/a']],
    ['https://www.example.com/a/?utm_source=x', 'http://example.com/a#top', ['https://example.com/a']],
    ['https://t.co/xyz', 'https://example.com/a', ['https://t.co/xyz', 'https://example.com/a']],
  ])('keys %s with canonical %j', (url, canonicalUrl, expected) => {
    expect(dedupeKeysOf(url, canonicalUrl)).toEqual(expected);
  });
});
