import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countFeaturedIssues, type FeaturedIssueKeys } from './featured-keys.ts';
import { formatHlc } from './hlc.ts';
import { hashDedupeKey } from './link-hash.ts';
import { FEATURED_BUDGET, fitFeaturedKeys, planSyncBudget, recordCost, type DraftCandidate } from './sync-budget.ts';
import { SYNC_QUOTA, decodeFeaturedKeys, encodeDraft } from './sync-codec.ts';
import { makeIssue } from './test-factories.ts';

const clock = (ms: number) => formatHlc({ ms, counter: 0, deviceId: 'a' });
const KB = 1024;

function draft(issueId: string, ms: number, bytes: number, overrides: Partial<DraftCandidate> = {}): DraftCandidate {
  return { issueId, at: clock(ms), bytes, items: 1 + Math.ceil(bytes / 8 / KB), syncEnabled: true, ...overrides };
}

const none = { bytes: 0, items: 0 };

describe('planSyncBudget', () => {
  it('syncs everything that fits, newest first', () => {
    const plan = planSyncBudget({ reserved: { bytes: 2 * KB, items: 4 }, drafts: [draft('old', 1, 10 * KB), draft('new', 5, 20 * KB)] });
    expect(plan).toMatchObject({ synced: ['new', 'old'], localOnly: [], full: false, bytes: 32 * KB });
  });

  it('keeps the newest drafts synced and the rest local when the area is full', () => {
    const drafts = [draft('a', 1, 40 * KB), draft('b', 2, 40 * KB), draft('c', 3, 40 * KB)];
    const plan = planSyncBudget({ reserved: none, drafts });
    expect(plan.synced).toEqual(['c', 'b']);
    expect(plan.localOnly).toEqual([{ issueId: 'a', reason: 'no-room' }]);
    expect(plan.full).toBe(true);
  });

  it('skips a newer draft too big for the room left, and still syncs an older one that fits', () => {
    const drafts = [draft('small-old', 1, 10 * KB), draft('huge-new', 9, 90 * KB), draft('newest', 10, 50 * KB)];
    expect(planSyncBudget({ reserved: none, drafts }).synced).toEqual(['newest', 'small-old']);
  });

  it('never syncs an opted-out draft, and that alone does not make the area full', () => {
    const plan = planSyncBudget({ reserved: none, drafts: [draft('private', 9, KB, { syncEnabled: false }), draft('shared', 1, KB)] });
    expect(plan).toMatchObject({ synced: ['shared'], localOnly: [{ issueId: 'private', reason: 'opted-out' }], full: false });
  });

  it('fits a draft that fills the area to the last byte', () => {
    const plan = planSyncBudget({ reserved: { bytes: 400, items: 2 }, drafts: [draft('exact', 1, SYNC_QUOTA.totalBytes - 400)] });
    expect(plan).toMatchObject({ synced: ['exact'], full: false, bytes: SYNC_QUOTA.totalBytes });
  });

  it('counts items as well as bytes (512 per area)', () => {
    const drafts = Array.from({ length: 300 }, (_, index) => draft(`d${index}`, index, 100, { items: 2 }));
    const plan = planSyncBudget({ reserved: { bytes: 0, items: 12 }, drafts });
    expect(plan.synced).toHaveLength(250);
    expect(plan.items).toBe(512);
    expect(plan.synced[0]).toBe('d299');
  });

  it('reports full when the reserved records alone overflow', () => {
    expect(planSyncBudget({ reserved: { bytes: SYNC_QUOTA.totalBytes + 1, items: 1 }, drafts: [] }).full).toBe(true);
  });

  it('chooses the same drafts whatever order they are listed in (ties broken by id)', () => {
    const draftsArb = fc.uniqueArray(fc.record({
      issueId: fc.string({ minLength: 1, maxLength: 4 }), ms: fc.integer({ min: 1, max: 4 }), kb: fc.integer({ min: 1, max: 60 }),
      syncEnabled: fc.boolean(),
    }), { selector: (candidate) => candidate.issueId, maxLength: 8 })
      .map((list) => list.map(({ issueId, ms, kb, syncEnabled }) => draft(issueId, ms, kb * KB, { syncEnabled })));
    fc.assert(fc.property(draftsArb.chain((drafts) => fc.tuple(fc.constant(drafts), fc.shuffledSubarray(drafts, { minLength: drafts.length }))),
      ([drafts, shuffled]) => {
        const plan = planSyncBudget({ reserved: none, drafts });
        expect(planSyncBudget({ reserved: none, drafts: shuffled })).toEqual(plan);
        expect(plan.bytes).toBeLessThanOrEqual(SYNC_QUOTA.totalBytes);
      }));
  });

  it('takes the cost of an encoded draft from its items', async () => {
    const record = await encodeDraft(makeIssue());
    expect(recordCost(record)).toEqual({ bytes: record.bytes, items: 2 });
  });
});

/** Issue #`number` published on day `number` of 2026, with `links` links; a tombstone when `removed`. */
function featured(number: number, links = 20, removed = false): FeaturedIssueKeys {
  const hashes = Array.from({ length: links }, (_, link) => hashDedupeKey(`https://example.com/${number}/${link}`)).join('');
  const record = { issueId: `issue-${number}`, number, publishedAt: new Date(Date.UTC(2026, 0, number)).toISOString(), at: clock(number) };
  return removed ? { ...record, publishedAt: null, sections: [], removed: true } : { ...record, sections: [{ name: 'News', links: hashes }] };
}

const numbersIn = async (record: Awaited<ReturnType<typeof fitFeaturedKeys>>['record']) => {
  const decoded = await decodeFeaturedKeys(record.items);
  if (decoded.status !== 'complete') throw new Error(decoded.status);
  return decoded.value.map((issue) => issue.number).sort((a, b) => a - b);
};

describe('fitFeaturedKeys', () => {
  it('takes the 52 most recently published issues and every tombstone, within 15% of the area', async () => {
    const list = [...Array.from({ length: 60 }, (_, index) => featured(index + 1)), featured(99, 0, true)];
    const fitted = await fitFeaturedKeys(list);
    expect(FEATURED_BUDGET).toEqual({ maxIssues: 52, maxBytes: 15_360 });
    expect(fitted).toMatchObject({ issues: 52, leftOut: 8 });
    expect(await numbersIn(fitted.record)).toEqual([...Array.from({ length: 52 }, (_, index) => index + 9), 99]);
    expect(fitted.record.bytes).toBeLessThanOrEqual(FEATURED_BUDGET.maxBytes);
    expect(fitted.record.head.at).toBe(clock(99));
  });

  it('cuts the oldest issues while the record is over the byte cap, keeping as many as fit', async () => {
    const list = Array.from({ length: 30 }, (_, index) => featured(index + 1, 100));
    const fitted = await fitFeaturedKeys(list, { maxIssues: 52, maxBytes: 8_000 });
    expect(fitted.record.bytes).toBeLessThanOrEqual(8_000);
    expect(fitted.issues).toBeGreaterThan(0);
    expect(await numbersIn(fitted.record)).toEqual(Array.from({ length: fitted.issues }, (_, index) => 31 - fitted.issues + index));
    // One more issue would not have fitted.
    const oneMore = await fitFeaturedKeys(list, { maxIssues: fitted.issues + 1, maxBytes: Infinity });
    expect(oneMore.record.bytes).toBeGreaterThan(8_000);
  });

  it('still writes the tombstones, and nothing else, when not one issue fits', async () => {
    const fitted = await fitFeaturedKeys([featured(1, 2_000), featured(2, 0, true)], { maxIssues: 52, maxBytes: 1_000 });
    expect(fitted).toMatchObject({ issues: 0, leftOut: 1 });
    expect(await numbersIn(fitted.record)).toEqual([2]);
  });

  it('reserves the featured keys before the drafts: the oldest draft goes local when they need its room', async () => {
    const { record } = await fitFeaturedKeys(Array.from({ length: 52 }, (_, index) => featured(index + 1)));
    const settings = { bytes: 400, items: 2 };
    // Two drafts that just fit beside the settings alone.
    const half = Math.floor((SYNC_QUOTA.totalBytes - settings.bytes) / 2) - 100;
    const drafts = [draft('old', 1, half), draft('new', 2, half)];
    const reserved = { bytes: settings.bytes + recordCost(record).bytes, items: settings.items + recordCost(record).items };
    expect(planSyncBudget({ reserved: settings, drafts }).synced).toEqual(['new', 'old']);
    expect(planSyncBudget({ reserved, drafts })).toMatchObject({ synced: ['new'], localOnly: [{ issueId: 'old', reason: 'no-room' }], full: true });
    expect(countFeaturedIssues(Array.from({ length: 52 }, (_, index) => featured(index + 1)))).toBe(52);
  });
});
