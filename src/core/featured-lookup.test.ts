import { describe, expect, it } from 'vitest';
import { baseDedupeKeysOf, buildFeaturedIndex, dedupeKeysOf } from './featured.ts';
import { featuredKeysOfIssue, mergeFeaturedKeys, type FeaturedIssueKeys } from './featured-keys.ts';
import { findFeaturedEverywhere, syncedHitItemId } from './featured-lookup.ts';
import { issueWithLinks, testClock } from './featured-test-factories.ts';
import { removeItem } from './issue-ops.ts';
import type { Issue } from './model.ts';
import { hashDedupeKey } from './link-hash.ts';
import { baseDedupeKey, normalizeUrlForDedupe } from './url.ts';

const PAGE = 'https://example.com/page-x';
const lookup = (issues: Issue[], synced: FeaturedIssueKeys[], url = PAGE) =>
  findFeaturedEverywhere({ index: buildFeaturedIndex(issues), issues, synced, dedupeKeys: [normalizeUrlForDedupe(url)] })
    .map((hit) => [hit.issueNumber, hit.sectionName, hit.itemId, hit.issueStatus]);

const published201 = issueWithLinks({ number: 201, links: [{ url: 'https://example.com/other' }, { url: `${PAGE}?utm_source=mail`, section: 'Papers' }] });
const published202 = issueWithLinks({ number: 202, links: [{ url: PAGE }], atMs: 5_000 });

describe('findFeaturedEverywhere', () => {
  it('finds a link in an issue this device never held, through the synced keys', () => {
    expect(lookup([], [featuredKeysOfIssue(published201)])).toEqual([[201, 'Papers', syncedHitItemId('issue-201'), 'published']]);
  });

  it('answers from the local copy when it is as new as the synced record, with the real item', () => {
    expect(lookup([published201], [featuredKeysOfIssue(published201)])).toEqual([[201, 'Papers', '201-item-1', 'published']]);
  });

  it('answers from the synced record when another device changed the issue since: the link was removed there', () => {
    const removedElsewhere = removeItem(published201, '201-item-1', testClock(9_000, 'other'));
    expect(lookup([published201], [featuredKeysOfIssue(removedElsewhere)])).toEqual([]);
    expect(lookup([removedElsewhere], [featuredKeysOfIssue(published201)])).toEqual([]);
  });

  it('ignores a synced tombstone for an issue deleted elsewhere', () => {
    const deletedElsewhere = { ...published201, deleted: testClock(9_000), clocks: { ...published201.clocks, deleted: testClock(9_000) } };
    expect(lookup([], [featuredKeysOfIssue(deletedElsewhere)])).toEqual([]);
    expect(lookup([published201], mergeFeaturedKeys([featuredKeysOfIssue(published201)], [featuredKeysOfIssue(deletedElsewhere)]))).toEqual([]);
  });

  it('lists each issue once, newest first, local and synced together', () => {
    const twiceInOne = issueWithLinks({ number: 150, links: [{ url: PAGE }, { url: `${PAGE}#again`, section: 'Papers' }] });
    expect(lookup([published202, twiceInOne], [featuredKeysOfIssue(published201)])).toEqual([
      [202, 'News', '202-item-0', 'published'], [201, 'Papers', syncedHitItemId('issue-201'), 'published'], [150, 'News', '150-item-0', 'published'],
    ]);
  });

  it('finds nothing for a link never featured', () => {
    expect(lookup([published202], [featuredKeysOfIssue(published201)], 'https://example.com/never')).toEqual([]);
  });
});

describe('findFeaturedEverywhere across the same-page rules of issue 15', () => {
  const PAPER_V2 = 'https://arxiv.org/abs/2301.00001v2';
  const filed = issueWithLinks({ number: 210, links: [{ url: PAPER_V2, section: 'Papers' }] });
  /** The record another device computed before the same-page rules: fingerprints of the first-stage keys. */
  const recordBeforeRules: FeaturedIssueKeys = {
    ...featuredKeysOfIssue(filed),
    sections: [{ name: 'Papers', links: hashDedupeKey(baseDedupeKey(PAPER_V2)) }],
  };
  const find = (url: string, withBaseKeys: boolean) => findFeaturedEverywhere({
    index: buildFeaturedIndex([]), issues: [], synced: [recordBeforeRules], dedupeKeys: dedupeKeysOf(url, null),
    ...(withBaseKeys ? { baseDedupeKeys: baseDedupeKeysOf(url, null) } : {}),
  }).map((hit) => hit.issueNumber);

  it('still finds a link in a record built with the first-stage key, through the page’s first-stage keys', () => {
    expect(find(PAPER_V2, false)).toEqual([]);
    expect(find(PAPER_V2, true)).toEqual([210]);
  });

  it('finds other addresses of the page once the record is rebuilt with the current key', () => {
    const rebuilt = featuredKeysOfIssue(filed);
    const hits = findFeaturedEverywhere({ index: buildFeaturedIndex([]), issues: [], synced: [rebuilt],
      dedupeKeys: dedupeKeysOf('https://arxiv.org/pdf/2301.00001v3', null) });
    expect(hits.map((hit) => hit.issueNumber)).toEqual([210]);
  });

  it('finds every address of the page in this device’s own issues, whatever their records say', () => {
    const hits = findFeaturedEverywhere({ index: buildFeaturedIndex([filed]), issues: [filed], synced: [recordBeforeRules],
      dedupeKeys: dedupeKeysOf('http://arxiv.org/pdf/2301.00001.pdf', null) });
    expect(hits.map((hit) => [hit.issueNumber, hit.itemId])).toEqual([[210, '210-item-0']]);
  });
});

describe('findFeaturedEverywhere with the issues by id', () => {
  it('answers as with the list, reading only the issues hit', () => {
    const issues = [published201, published202];
    const byId = new Map(issues.map((issue) => [issue.id, issue]));
    const synced = [featuredKeysOfIssue(removeItem(published201, '201-item-1', testClock(9_000, 'other')))];
    for (const url of [PAGE, 'https://example.com/other', 'https://example.com/never']) {
      const ask = (held: Issue[] | Map<string, Issue>) => findFeaturedEverywhere({ index: buildFeaturedIndex(issues), issues: held, synced,
        dedupeKeys: [normalizeUrlForDedupe(url)] });
      expect(ask(byId)).toEqual(ask(issues));
    }
  });
});
