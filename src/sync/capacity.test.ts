import { describe, expect, it } from 'vitest';
import { SYNC_QUOTA } from '../core/sync-codec.ts';
import { measureSyncCapacity } from './capacity.ts';

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
