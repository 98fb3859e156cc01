import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from './hlc.ts';
import { planSyncBudget, recordCost, type DraftCandidate } from './sync-budget.ts';
import { SYNC_QUOTA, encodeDraft } from './sync-codec.ts';
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
