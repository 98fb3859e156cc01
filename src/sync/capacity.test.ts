import { describe, expect, it } from 'vitest';
import { SYNC_QUOTA } from '../core/sync-codec.ts';
import { FEATURED_BUDGET } from '../core/sync-budget.ts';
import { measureFeaturedKeys, measureSyncCapacity, seedLikeItemText } from './capacity.ts';

describe('measureSyncCapacity', () => {
  it('fits several times more items with the compact encoding than with plain JSON, within the quota', async () => {
    const capacity = await measureSyncCapacity({ itemsPerDraft: 30, maxItems: 800 });
    expect(capacity.plainJson.items).toBeGreaterThan(0);
    expect(capacity.deflatedJson.items).toBeGreaterThan(capacity.plainJson.items * 3);
    expect(capacity.compact.items).toBeGreaterThan(capacity.deflatedJson.items);
    for (const encoding of [capacity.compact, capacity.deflatedJson, capacity.plainJson]) {
      expect(encoding.items * encoding.bytesPerItem).toBeLessThanOrEqual(SYNC_QUOTA.totalBytes + encoding.items);
    }
  }, 60_000);

  it('stops at the search bound', async () => {
    const capacity = await measureSyncCapacity({ itemsPerDraft: 30, maxItems: 40 });
    expect(capacity.compact.items).toBe(40);
  }, 60_000);

});

describe('measureFeaturedKeys', () => {
  it('fits the featured keys of 52 issues of 20 links within their budget, in well under half the bytes of the full keys', async () => {
    const cost = await measureFeaturedKeys({ issues: 52, itemsPerIssue: 20 });
    expect(cost).toMatchObject({ issues: 52, links: 1_040 });
    expect(cost.bytes).toBeLessThanOrEqual(FEATURED_BUDGET.maxBytes);
    // 8 base64url characters per link are 6 bytes of entropy, 8 after the area's own base64: about 1,040 × 8.
    expect(cost.bytes).toBeGreaterThan(1_040 * 8);
    expect(cost.fullKeyBytes).toBeGreaterThan(2 * cost.bytes);
  });
});

describe('seedLikeItemText', () => {
  it('is the same text every time: four fields per item, one a line, nothing else', () => {
    const text = seedLikeItemText(60);
    expect(seedLikeItemText(60)).toBe(text);
    expect(text.split('\n')).toHaveLength(4 * 60);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
  });
});
