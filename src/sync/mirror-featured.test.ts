/**
 * The featured keys through the real mirror, the real IndexedDB stores (fake-indexeddb) and an in-memory
 * area with Chrome's quotas, on a fake clock: what a published issue leaves in the sync area, and what
 * another device, which never held that issue, then knows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildFeaturedIndex } from '../core/featured.ts';
import { featuredKeysOfIssue, type FeaturedIssueKeys } from '../core/featured-keys.ts';
import { findFeaturedEverywhere } from '../core/featured-lookup.ts';
import { issueWithLinks, testClock } from '../core/featured-test-factories.ts';
import type { Issue } from '../core/model.ts';
import { FEATURED_BUDGET } from '../core/sync-budget.ts';
import { FEATURED_KEY, SYNC_QUOTA, decodeFeaturedKeys, draftKey, encodeRecord } from '../core/sync-codec.ts';
import { normalizeUrlForDedupe } from '../core/url.ts';
import type { RoundupDatabase } from '../storage/db.ts';
import { getIssue, putIssue } from '../storage/issues-repo.ts';
import { openTestDb } from '../storage/open-test-db.ts';
import { createSyncIssueStore } from './idb/issue-store.ts';
import { createSyncedFeaturedKeys, getSyncedFeaturedKeys } from './idb/synced-featured-keys.ts';
import { ManualScheduler } from './manual-scheduler.ts';
import { MemorySyncArea, deliverSync } from './memory-sync-area.ts';
import { SyncMirror } from './mirror.ts';
import { noise } from './test-noise.ts';

const START = Date.UTC(2026, 10, 20);
const PAGE_X = 'https://example.com/page-x';
const open: RoundupDatabase[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

interface Device {
  db: RoundupDatabase;
  area: MemorySyncArea;
  mirror: SyncMirror;
}

async function device(name: string, time: ManualScheduler): Promise<Device> {
  const db = await openTestDb();
  open.push(db);
  const area = new MemorySyncArea(time.now);
  const store = createSyncIssueStore({ db: async () => db, now: time.now, choices: async () => new Map() });
  const mirror = new SyncMirror({ area, store, scheduler: time.scope(name), now: time.now,
    featured: createSyncedFeaturedKeys(async () => db, time.now) });
  return { db, area, mirror };
}

async function settle(time: ManualScheduler, ms: number, ...devices: Device[]): Promise<void> {
  await time.advance(ms);
  for (const { mirror } of devices) await mirror.whenIdle();
}

async function save(on: Device, issue: Issue): Promise<void> {
  await putIssue(on.db, issue);
  on.mirror.markDirty();
}

async function featuredInArea(on: Device): Promise<FeaturedIssueKeys[]> {
  const decoded = await decodeFeaturedKeys(on.area.snapshot());
  if (decoded.status !== 'complete') throw new Error(`featured keys: ${decoded.status}`);
  return decoded.value;
}

const onlyFeaturedKeys = (key: string) => key === FEATURED_KEY || key.startsWith(`${FEATURED_KEY}:`);

/** What the popup on `on` says about a page: "Featured in Issue #N, Section". */
async function whereFeatured(on: Device, url: string): Promise<[number, string][]> {
  const synced = await getSyncedFeaturedKeys(on.db);
  return findFeaturedEverywhere({ index: buildFeaturedIndex([]), issues: [], synced, dedupeKeys: [normalizeUrlForDedupe(url)] })
    .map((hit) => [hit.issueNumber, hit.sectionName]);
}

/**
 * Devices A and B, both running; A publishes issue #201 (page X in `section`), and only A's featured keys
 * reach B's area, as when the issue's own record has long left the area: B never holds the issue.
 */
async function publishedOnAKnownToB(section: 'News' | 'Papers' = 'News') {
  const time = new ManualScheduler(START);
  const [a, b] = [await device('a', time), await device('b', time)];
  a.mirror.start();
  b.mirror.start();
  const issue = issueWithLinks({ number: 201, links: [{ url: 'https://example.com/other' }, { url: `${PAGE_X}?utm_source=mail`, section }],
    atMs: START, deviceId: 'a' });
  await save(a, issue);
  await settle(time, 5_000, a, b);
  deliverSync(a.area, b.area, onlyFeaturedKeys);
  await settle(time, 5_000, a, b);
  return { time, a, b, issue };
}

describe('SyncMirror: featured keys', () => {
  it('carries a published issue\u2019s links to a device that never held the issue', async () => {
    const { a, b, issue } = await publishedOnAKnownToB('Papers');
    expect(await featuredInArea(a)).toEqual([featuredKeysOfIssue(issue)]);
    expect(await whereFeatured(b, PAGE_X)).toEqual([[201, 'Papers']]);
    expect(await getIssue(b.db, issue.id)).toBeUndefined();
    expect(b.area.snapshot()[draftKey(issue.id)]).toBeUndefined();
  });

  it('writes back the union when this device knows issues the arriving list lacks, and both end up alike', async () => {
    const time = new ManualScheduler(START);
    const [a, b] = [await device('a', time), await device('b', time)];
    const fromA = issueWithLinks({ number: 201, links: [{ url: PAGE_X }], atMs: START, deviceId: 'a' });
    const fromB = issueWithLinks({ number: 150, links: [{ url: 'https://example.com/y' }], atMs: START - 1_000_000, deviceId: 'b' });
    await save(a, fromA);
    await save(b, fromB);
    a.mirror.start();
    b.mirror.start();
    await settle(time, 5_000, a, b);
    deliverSync(a.area, b.area, onlyFeaturedKeys);
    await settle(time, 10_000, a, b);
    const both = [featuredKeysOfIssue(fromB), featuredKeysOfIssue(fromA)];
    expect(await featuredInArea(b)).toEqual(both);
    deliverSync(b.area, a.area, onlyFeaturedKeys);
    await settle(time, 10_000, a, b);
    expect(await getSyncedFeaturedKeys(a.db)).toEqual(both);
    expect(await whereFeatured(a, 'https://example.com/y')).toEqual([[150, 'News']]);
  });

  it('spreads a deletion as a tombstone: the other device stops saying "featured"', async () => {
    const { time, a, b, issue } = await publishedOnAKnownToB();
    expect(await whereFeatured(b, PAGE_X)).toEqual([[201, 'News']]);
    await save(a, { ...issue, deleted: testClock(START + 60_000, 'a'), clocks: { ...issue.clocks, deleted: testClock(START + 60_000, 'a') } });
    await settle(time, 5_000, a, b);
    deliverSync(a.area, b.area, onlyFeaturedKeys);
    await settle(time, 5_000, a, b);
    expect(await whereFeatured(b, PAGE_X)).toEqual([]);
    expect((await getSyncedFeaturedKeys(b.db)).map((record) => record.removed)).toEqual([true]);
  });

  it('loses nothing when the featured keys vanish from the area, and writes them back after the repair delay', async () => {
    const { time, b } = await publishedOnAKnownToB();
    const before = b.area.snapshot()[FEATURED_KEY];
    b.area.receive({}, Object.keys(b.area.snapshot()));
    await settle(time, 30_000, b);
    expect(b.area.snapshot()).toEqual({});
    expect(await whereFeatured(b, PAGE_X)).toEqual([[201, 'News']]);
    await settle(time, 40_000, b);
    expect(b.area.snapshot()[FEATURED_KEY]).toEqual(before);
  });

  it('sets aside an unreadable featured record, keeps this device\u2019s list, and writes that list in its place', async () => {
    const time = new ManualScheduler(START);
    const b = await device('b', time);
    const known = featuredKeysOfIssue(issueWithLinks({ number: 201, links: [{ url: PAGE_X }], atMs: START, deviceId: 'a' }));
    await createSyncedFeaturedKeys(async () => b.db, time.now).apply([known], known.at);
    const garbage = await encodeRecord(FEATURED_KEY, [{ issueId: 'x', links: 'not a fingerprint' }], testClock(START, 'z'));
    b.area.receive(garbage.items);
    b.mirror.start();
    await settle(time, 5_000, b);
    expect(b.mirror.getStatus()).toMatchObject({ state: 'idle', notes: [expect.objectContaining({ kind: 'unreadable', recordKey: FEATURED_KEY })] });
    expect(await getSyncedFeaturedKeys(b.db)).toEqual([known]);
    expect(await featuredInArea(b)).toEqual([known]);
  });

  it('keeps the featured keys of the 52 latest issues in the area before drafts, and says which drafts stay local', async () => {
    const time = new ManualScheduler(START);
    const a = await device('a', time);
    for (let number = 1; number <= 60; number++) {
      await putIssue(a.db, issueWithLinks({ number, atMs: START - (100 - number) * 86_400_000, deviceId: 'a',
        publishedAt: new Date(START - (100 - number) * 86_400_000).toISOString(),
        links: Array.from({ length: 20 }, (_, link) => ({ url: `https://example.com/${number}/${link}` })) }));
    }
    // Six drafts of about 19 KB each in the area (text deflate cannot shrink much): more than the room left.
    const drafts: string[] = [];
    for (let index = 0; index < 6; index++) {
      const draft = issueWithLinks({ number: 100 + index, atMs: START + index * 1_000, deviceId: 'a', publishedAt: null,
        links: Array.from({ length: 12 }, (_, link) => ({ url: `https://example.com/${noise(2_000, index * 100 + link + 1)}` })) });
      await putIssue(a.db, draft);
      drafts.push(draft.id);
    }
    a.mirror.start();
    await settle(time, 5_000, a);
    const inArea = await featuredInArea(a);
    expect(inArea.map((record) => record.number).sort((x, y) => x - y)).toEqual(Array.from({ length: 52 }, (_, index) => index + 9));
    const status = a.mirror.getStatus();
    expect(status.state).toBe('full');
    const synced = drafts.filter((id) => a.area.snapshot()[draftKey(id)] !== undefined);
    expect(synced.length).toBeGreaterThan(0);
    expect(status.localOnly).toEqual(drafts.slice(0, drafts.length - synced.length).reverse());
    expect(a.area.bytesInUse()).toBeLessThanOrEqual(SYNC_QUOTA.totalBytes);
    const featuredBytes = Object.entries(a.area.snapshot()).filter(([key]) => onlyFeaturedKeys(key))
      .reduce((total, [key, value]) => total + new TextEncoder().encode(key + JSON.stringify(value)).length, 0);
    expect(featuredBytes).toBeLessThanOrEqual(FEATURED_BUDGET.maxBytes);
  });
});
