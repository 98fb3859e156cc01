import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  collectFeaturedTombstones, featuredKeysOfIssue, findInFeaturedKeys, mergeFeaturedKeys, mergeLocalIssuesIntoFeaturedKeys,
  recentFeaturedKeys, type FeaturedIssueKeys,
} from './featured-keys.ts';
import { issueWithLinks, testClock } from './featured-test-factories.ts';
import { moveItem, removeItem, removeSection, updateIssueFields } from './issue-ops.ts';
import { hashDedupeKey } from './link-hash.ts';
import { latestClockOf, mergeIssues } from './merge.ts';
import type { Issue } from './model.ts';
import { TOMBSTONE_LIFETIME_MS } from './tombstones.ts';
import { normalizeUrlForDedupe } from './url.ts';

const DAY = 24 * 60 * 60 * 1000;
const key = (url: string) => normalizeUrlForDedupe(url);
const deleted = (issue: Issue, ms: number): Issue => ({ ...issue, deleted: testClock(ms), clocks: { ...issue.clocks, deleted: testClock(ms) } });

/** #201: News holds a tracked link and a redirector with a canonical URL; Papers an arXiv page. */
const issue201 = issueWithLinks({ number: 201, links: [
  { url: 'https://blog.example.org/a?utm_source=x#top' },
  { url: 'https://t.co/xyz', canonicalUrl: 'https://www.paper.site/abs/1234/' },
  { url: 'https://arxiv.org/abs/2106.10165', section: 'Papers' },
] });

describe('featuredKeysOfIssue', () => {
  it('lists the fingerprints of every dedupe key of the live items, by section in reading order', () => {
    expect(featuredKeysOfIssue(issue201)).toEqual({
      issueId: 'issue-201', number: 201, publishedAt: '2026-11-05T09:00:00.000Z', at: latestClockOf(issue201),
      sections: [
        { name: 'News', links: [key('https://blog.example.org/a'), key('https://t.co/xyz'), key('https://paper.site/abs/1234')].map(hashDedupeKey).join('') },
        { name: 'Papers', links: hashDedupeKey(key('https://arxiv.org/abs/2106.10165')) },
      ],
    });
  });

  it('leaves out removed items and sections left without links, and lists a link filed twice once', () => {
    const twice = issueWithLinks({ number: 7, links: [{ url: 'https://example.com/a' }, { url: 'https://example.com/a#again', section: 'Papers' },
      { url: 'https://example.com/gone' }] });
    const record = featuredKeysOfIssue(removeItem(twice, '7-item-2', testClock(99)));
    expect(record.sections).toEqual([{ name: 'News', links: hashDedupeKey(key('https://example.com/a')) }]);
  });

  it('keeps the links of a section removed on one device while another filed into it ("add wins")', () => {
    const base = issueWithLinks({ number: 8, links: [{ url: 'https://example.com/old', section: 'Papers' }], publishedAt: null });
    const removedOnA = removeSection(base, '8-Papers', testClock(5_000, 'a'));
    const filedOnB = moveItem(issueWithLinks({ number: 8, links: [{ url: 'https://example.com/old', section: 'Papers' },
      { url: 'https://example.com/new' }], publishedAt: null }), '8-item-1', { sectionId: '8-Papers', index: 9 }, testClock(4_000, 'b'));
    const merged = mergeIssues(removedOnA, filedOnB);
    const published = { ...merged, status: 'published' as const, publishedAt: '2026-11-05T09:00:00.000Z' };
    expect(featuredKeysOfIssue(published).sections).toEqual([{ name: 'Papers', links: hashDedupeKey(key('https://example.com/new')) }]);
  });

  it.each<[string, Issue]>([
    ['a draft', issueWithLinks({ number: 9, links: [{ url: 'https://example.com/a' }], publishedAt: null })],
    ['a deleted issue', deleted(issue201, 9_000)],
  ])('makes a tombstone of %s, stamped with its newest clock', (_name, issue) => {
    expect(featuredKeysOfIssue(issue)).toEqual({ issueId: issue.id, number: issue.number, publishedAt: null,
      at: latestClockOf(issue), sections: [], removed: true });
  });
});

// --- merge: a join per issue id, whatever the order, grouping or repetition of the lists ---

const HASHES = ['a', 'b', 'c', 'd'].map((letter) => hashDedupeKey(`https://example.com/${letter}`));
const recordArb: fc.Arbitrary<FeaturedIssueKeys> = fc.record({
  issueId: fc.constantFrom('i1', 'i2', 'i3', 'i4'),
  number: fc.integer({ min: 1, max: 300 }),
  publishedAt: fc.option(fc.integer({ min: 0, max: 400 }).map((day) => new Date(Date.UTC(2026, 0, 1) + day * DAY).toISOString()), { nil: null }),
  // Few clocks and two devices: equal stamps with different contents come up, and must still be settled alike.
  at: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.constantFrom('a', 'b')).map(([ms, device]) => testClock(ms, device)),
  sections: fc.array(fc.record({ name: fc.constantFrom('News', 'Papers'),
    links: fc.array(fc.constantFrom(...HASHES), { maxLength: 3 }).map((hashes) => hashes.join('')) }), { maxLength: 2 }),
  removed: fc.boolean(),
}).map(({ removed, ...record }) => (removed ? { ...record, removed: true as const } : record));
const listArb = fc.array(recordArb, { maxLength: 8 });
const same = (a: FeaturedIssueKeys[], b: FeaturedIssueKeys[]): void => {
  expect(JSON.stringify(a)).toBe(JSON.stringify(b));
};

describe('mergeFeaturedKeys', () => {
  it('is commutative', () => {
    fc.assert(fc.property(listArb, listArb, (a, b) => {
      same(mergeFeaturedKeys(a, b), mergeFeaturedKeys(b, a));
    }), { numRuns: 500 });
  });

  it('is associative', () => {
    fc.assert(fc.property(listArb, listArb, listArb, (a, b, c) => {
      same(mergeFeaturedKeys(mergeFeaturedKeys(a, b), c), mergeFeaturedKeys(a, mergeFeaturedKeys(b, c)));
    }), { numRuns: 500 });
  });

  it('is idempotent: merging what is already held changes nothing', () => {
    fc.assert(fc.property(listArb, listArb, (a, b) => {
      const merged = mergeFeaturedKeys(a, b);
      same(mergeFeaturedKeys(merged, merged), merged);
      same(mergeFeaturedKeys(merged, b), merged);
    }), { numRuns: 500 });
  });

  it('keeps one record per issue, the one with the newest stamp, sorted by issue id', () => {
    fc.assert(fc.property(listArb, listArb, (a, b) => {
      const merged = mergeFeaturedKeys(a, b);
      const ids = [...new Set([...a, ...b].map((record) => record.issueId))].sort();
      expect(merged.map((record) => record.issueId)).toEqual(ids);
      for (const record of merged) {
        const newest = [...a, ...b].filter((other) => other.issueId === record.issueId).map((other) => other.at).sort().at(-1);
        expect(record.at).toBe(newest);
      }
    }), { numRuns: 500 });
  });

  it('prefers a published issue\u2019s record to a tombstone with the same stamp: one copy had not seen the publishing', () => {
    // B edited its draft copy at 6 while A published at 5; B's copy, known as featured, first made a tombstone at 6.
    const draftOnB = issueWithLinks({ number: 400, links: [{ url: 'https://example.com/x' }], publishedAt: null, atMs: 6_000, deviceId: 'b' });
    const staleTombstone = { ...featuredKeysOfIssue(draftOnB), at: testClock(6_000, 'b') };
    const mergedIssue = { ...featuredKeysOfIssue({ ...draftOnB, status: 'published', publishedAt: '2026-11-05T09:00:00.000Z' }), at: testClock(6_000, 'b') };
    expect(mergeFeaturedKeys([staleTombstone], [mergedIssue])).toEqual([mergedIssue]);
    expect(mergeFeaturedKeys([mergedIssue], [staleTombstone])).toEqual([mergedIssue]);
  });

  it('lets a newer tombstone win over a record, and a newer record over a tombstone', () => {
    const live = featuredKeysOfIssue(issue201);
    const gone = featuredKeysOfIssue(deleted(issue201, 9_000));
    expect(mergeFeaturedKeys([live], [gone])).toEqual([gone]);
    const republished = { ...live, at: testClock(10_000) };
    expect(mergeFeaturedKeys([gone], [republished])).toEqual([republished]);
  });
});

describe('mergeLocalIssuesIntoFeaturedKeys', () => {
  const draft = issueWithLinks({ number: 300, links: [{ url: 'https://example.com/draft' }], publishedAt: null, atMs: 5_000 });

  it('adds the published issues this device holds, and no drafts it never published', () => {
    expect(mergeLocalIssuesIntoFeaturedKeys([], [issue201, draft])).toEqual([featuredKeysOfIssue(issue201)]);
  });

  it('turns a known record into a tombstone when this device holds a newer unpublished or deleted copy', () => {
    const known = [{ ...featuredKeysOfIssue(issue201), at: testClock(2_000) }];
    const deletedHere = deleted(issue201, 9_000);
    expect(mergeLocalIssuesIntoFeaturedKeys(known, [deletedHere])).toEqual([featuredKeysOfIssue(deletedHere)]);
  });

  it('keeps a known record newer than this device\u2019s copy (another device published it since)', () => {
    const publishedElsewhere = { ...featuredKeysOfIssue({ ...draft, status: 'published', publishedAt: '2026-11-06T00:00:00.000Z' }), at: testClock(8_000) };
    expect(mergeLocalIssuesIntoFeaturedKeys([publishedElsewhere], [draft])).toEqual([publishedElsewhere]);
  });

  it('follows later edits of a published issue', () => {
    const edited = updateIssueFields(removeItem(issue201, '201-item-2', testClock(20_000)), { tagline: 'fixed' }, testClock(20_001));
    const [record] = mergeLocalIssuesIntoFeaturedKeys([featuredKeysOfIssue(issue201)], [edited]);
    expect(record?.sections.map((section) => section.name)).toEqual(['News']);
    expect(record?.at).toBe(testClock(20_001));
  });
});

describe('collectFeaturedTombstones', () => {
  const now = Date.UTC(2026, 11, 31);
  const stampedDaysAgo = (record: FeaturedIssueKeys, days: number) => ({ ...record, at: testClock(now - days * DAY) });

  it('drops tombstones older than 30 days and never a published issue\u2019s record', () => {
    const old = stampedDaysAgo(featuredKeysOfIssue(deleted(issueWithLinks({ number: 1, links: [] }), 1)), 31);
    const recent = stampedDaysAgo(featuredKeysOfIssue(deleted(issueWithLinks({ number: 2, links: [] }), 1)), 29);
    const ancient = stampedDaysAgo(featuredKeysOfIssue(issue201), 400);
    expect(collectFeaturedTombstones([old, recent, ancient], now)).toEqual([recent, ancient]);
    expect(TOMBSTONE_LIFETIME_MS).toBe(30 * DAY);
  });
});

describe('recentFeaturedKeys', () => {
  it('keeps the most recently published issues and every tombstone', () => {
    const list = mergeFeaturedKeys([], [
      ...[1, 2, 3, 4].map((day) => featuredKeysOfIssue(issueWithLinks({ number: 10 + day, links: [], publishedAt: `2026-11-0${day}T09:00:00.000Z` }))),
      featuredKeysOfIssue(deleted(issueWithLinks({ number: 5, links: [] }), 99)),
    ]);
    expect(recentFeaturedKeys(list, 2).map((record) => record.number)).toEqual([13, 14, 5]);
    expect(recentFeaturedKeys(list, 0).map((record) => record.number)).toEqual([5]);
    expect(recentFeaturedKeys(list, 99)).toEqual(list);
  });
});

describe('findInFeaturedKeys', () => {
  const list = mergeFeaturedKeys([], [featuredKeysOfIssue(issue201),
    featuredKeysOfIssue(issueWithLinks({ number: 202, links: [{ url: 'https://arxiv.org/abs/2106.10165/' }, { url: 'https://example.com/b' }] })),
    featuredKeysOfIssue(deleted(issueWithLinks({ number: 203, links: [{ url: 'https://arxiv.org/abs/2106.10165' }] }), 9_000))]);

  it.each<[string, string, [number, string][]]>([
    ['the link without its tracking tags', 'http://blog.example.org/a', [[201, 'News']]],
    ['the canonical URL of a link filed through a redirector', 'https://paper.site/abs/1234', [[201, 'News']]],
    ['a link featured twice, newest issue first, never from a tombstone', 'https://arxiv.org/abs/2106.10165', [[202, 'News'], [201, 'Papers']]],
    ['nothing for a link never featured', 'https://example.com/other', []],
  ])('finds %s', (_name, url, expected) => {
    expect(findInFeaturedKeys(list, [key(url)]).map((hit) => [hit.issue.number, hit.sectionName])).toEqual(expected);
  });

  it('reports an issue once when several of the page\u2019s keys are in it', () => {
    expect(findInFeaturedKeys(list, [key('https://t.co/xyz'), key('https://paper.site/abs/1234')])).toHaveLength(1);
  });
});
