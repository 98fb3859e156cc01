import { afterEach, describe, expect, it } from 'vitest';
import { featuredKeysOfIssue } from '../../core/featured-keys.ts';
import { issueWithLinks, testClock } from '../../core/featured-test-factories.ts';
import type { Issue } from '../../core/model.ts';
import type { RoundupDatabase } from '../../storage/db.ts';
import { putIssue } from '../../storage/issues-repo.ts';
import { openTestDb } from '../../storage/open-test-db.ts';
import { createSyncedFeaturedKeys, getSyncedFeaturedKeys } from './synced-featured-keys.ts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 20);

let db: RoundupDatabase;
afterEach(() => db.close());

async function source(now = NOW) {
  db = await openTestDb();
  return createSyncedFeaturedKeys(async () => db, () => now);
}

const published = (number: number, atMs = NOW - DAY) => issueWithLinks({ number, links: [{ url: `https://example.com/${number}` }], atMs });
const deleted = (issue: Issue, ms: number): Issue => ({ ...issue, deleted: testClock(ms), clocks: { ...issue.clocks, deleted: testClock(ms) } });

describe('featured keys as a synced value', () => {
  it('offers nothing on a device with no published issue and nothing from others', async () => {
    const featured = await source();
    await putIssue(db, issueWithLinks({ number: 1, links: [{ url: 'https://example.com/draft' }], publishedAt: null }));
    expect(await featured.read()).toBeUndefined();
    expect(await getSyncedFeaturedKeys(db)).toEqual([]);
  });

  it('offers the published issues held here, stamped with the newest, and keeps them for the popup', async () => {
    const featured = await source();
    const [older, newer] = [published(201, NOW - 2 * DAY), published(202)];
    await putIssue(db, older);
    await putIssue(db, newer);
    const expected = [featuredKeysOfIssue(older), featuredKeysOfIssue(newer)];
    expect(await featured.read()).toEqual({ value: expected, at: featuredKeysOfIssue(newer).at });
    expect(await getSyncedFeaturedKeys(db)).toEqual(expected);
  });

  it('merges what arrives, keeps it when it stops arriving, and takes a newer tombstone for a deleted issue', async () => {
    const featured = await source();
    const elsewhere = published(300);
    await featured.apply([featuredKeysOfIssue(elsewhere)], featuredKeysOfIssue(elsewhere).at);
    await featured.apply([], testClock(NOW));
    expect(await getSyncedFeaturedKeys(db)).toEqual([featuredKeysOfIssue(elsewhere)]);
    const gone = featuredKeysOfIssue(deleted(elsewhere, NOW - 1_000));
    await featured.apply([gone], gone.at);
    await featured.apply([featuredKeysOfIssue(elsewhere)], featuredKeysOfIssue(elsewhere).at);
    expect(await getSyncedFeaturedKeys(db)).toEqual([gone]);
  });

  it('leaves a tombstone for a known issue deleted here, so the other devices forget it too', async () => {
    const featured = await source();
    const issue = published(201);
    await putIssue(db, issue);
    await featured.read();
    const removedHere = deleted(issue, NOW - 1_000);
    await putIssue(db, removedHere);
    expect((await featured.read())?.value).toEqual([featuredKeysOfIssue(removedHere)]);
  });

  it('forgets tombstones after 30 days, and never a published issue', async () => {
    const featured = await source();
    const old = featuredKeysOfIssue(deleted(published(1, NOW - 40 * DAY), NOW - 31 * DAY));
    const ancient = featuredKeysOfIssue(published(2, NOW - 400 * DAY));
    await featured.apply([old, ancient], old.at);
    expect(await getSyncedFeaturedKeys(db)).toEqual([ancient]);
  });

  it('starts afresh from a damaged list instead of failing the popup or sync', async () => {
    const featured = await source();
    await db.put('meta', [{ issueId: 42 }], 'syncFeaturedKeys');
    expect(await getSyncedFeaturedKeys(db)).toEqual([]);
    const arriving = featuredKeysOfIssue(published(300));
    await featured.apply([arriving], arriving.at);
    expect(await getSyncedFeaturedKeys(db)).toEqual([arriving]);
  });

  // Issue 13: what arrives is outside input, clocks and tombstones included.
  it('applies no tombstone older than the lifetime, and lets no record stamped far ahead win', async () => {
    const featured = await source();
    const mine = published(201, NOW - 60 * DAY);
    await putIssue(db, mine);
    await featured.read();
    const staleRemoval = { ...featuredKeysOfIssue(mine), at: testClock(NOW - 40 * DAY), sections: [], removed: true as const };
    await featured.apply([staleRemoval], staleRemoval.at);
    expect((await getSyncedFeaturedKeys(db)).map((record) => record.removed ?? false)).toEqual([false]);
    const other = published(202);
    const forged = { ...featuredKeysOfIssue(other), number: 999 };
    await featured.apply([{ ...forged, at: 'zzzzzzzzz:zzzz:evil' }], forged.at);
    await featured.apply([featuredKeysOfIssue(other)], featuredKeysOfIssue(other).at);
    expect((await getSyncedFeaturedKeys(db)).find((record) => record.issueId === other.id)?.number).toBe(202);
  });

  it('reads the issues again only after a write to them, and then sees every change', async () => {
    const featured = await source();
    const [first, second, third] = [published(201, NOW - 3 * DAY), published(202, NOW - 2 * DAY), published(203)];
    await putIssue(db, first);
    expect((await featured.read())?.value).toEqual([featuredKeysOfIssue(first)]);
    // Written behind Roundup's back (no transaction of its own): unseen until Roundup next writes an issue.
    await db.put('issues', second);
    expect((await featured.read())?.value).toEqual([featuredKeysOfIssue(first)]);
    await putIssue(db, third);
    expect((await featured.read())?.value).toEqual([first, second, third].map(featuredKeysOfIssue));
    await putIssue(db, deleted(third, NOW));
    const after = (await featured.read())?.value;
    expect(after?.find((record) => record.issueId === third.id)?.removed).toBe(true);
  });
});
