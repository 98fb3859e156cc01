import { describe, expect, it } from 'vitest';
import { ManualScheduler } from './manual-scheduler.ts';
import { MemorySyncArea, deliverSync } from './memory-sync-area.ts';
import type { SyncAreaChange } from './ports.ts';

function setup() {
  const clock = new ManualScheduler(0);
  return { clock, area: new MemorySyncArea(clock.now) };
}

/** A string value whose item (key + JSON) is exactly `bytes` long. */
const valueOfItemBytes = (key: string, bytes: number) => 'x'.repeat(bytes - key.length - 2);

describe('MemorySyncArea', () => {
  it('accepts an item of exactly 8,192 bytes (key + JSON) and refuses 8,193', async () => {
    const { area } = setup();
    await area.set({ k: valueOfItemBytes('k', 8_192) });
    await expect(area.set({ k: valueOfItemBytes('k', 8_193) })).rejects.toThrow('QUOTA_BYTES_PER_ITEM quota exceeded');
  });

  it('counts multi-byte text in UTF-8 and `<` as Chromium escapes it', async () => {
    const { area } = setup();
    await expect(area.set({ k: '😀'.repeat(2_047) })).resolves.toBeUndefined(); // 1 + 2 + 4 × 2,047 = 8,191
    await expect(area.set({ k: '😀'.repeat(2_048) })).rejects.toThrow(/PER_ITEM/);
    await expect(area.set({ k: '<'.repeat(1_364) })).resolves.toBeUndefined(); // 1 + 2 + 6 × 1,364 = 8,187
    await expect(area.set({ k: '<'.repeat(1_365) })).rejects.toThrow(/PER_ITEM/); // 8,193
  });

  it('refuses writes past 102,400 bytes in all or 512 items, and changes nothing then', async () => {
    const { area } = setup();
    const fill = Object.fromEntries(Array.from({ length: 12 }, (_, index) => [`k${index}`, valueOfItemBytes(`k${index}`, 8_192)]));
    await area.set({ ...fill, exact: valueOfItemBytes('exact', 4_096) }); // 12 × 8,192 + 4,096 = 102,400: full to the byte
    await area.remove(['exact']);
    await expect(area.set({ extra: valueOfItemBytes('extra', 4_097) })).rejects.toThrow('QUOTA_BYTES quota exceeded');
    expect(area.snapshot()).not.toHaveProperty('extra');
    await area.remove(Object.keys(fill));
    const many = Object.fromEntries(Array.from({ length: 513 }, (_, index) => [`n${index}`, 1]));
    await expect(area.set(many)).rejects.toThrow('MAX_ITEMS quota exceeded');
    expect(area.bytesInUse()).toBe(0);
  });

  it('allows 120 writes a minute, then refuses until the minute has passed', async () => {
    const { area, clock } = setup();
    for (let write = 0; write < 120; write++) await area.set({ k: write });
    await expect(area.remove(['k'])).rejects.toThrow('MAX_WRITE_OPERATIONS_PER_MINUTE');
    await clock.advance(60_001);
    await expect(area.remove(['k'])).resolves.toBeUndefined();
  });

  it('tells listeners what changed, after the call, and nothing for a no-op', async () => {
    const { area } = setup();
    const heard: Record<string, SyncAreaChange>[] = [];
    area.onChanged((changes) => heard.push(changes));
    await area.set({ a: 1, b: 2 });
    await area.set({ a: 1 });
    await area.remove(['b', 'missing']);
    await Promise.resolve();
    expect(heard).toEqual([{ a: { newValue: 1 }, b: { newValue: 2 } }, { b: { oldValue: 2 } }]);
  });

  it('delivers another device\u2019s area, removals included, without spending quota', async () => {
    const { area: mine, clock } = setup();
    const theirs = new MemorySyncArea(clock.now);
    await mine.set({ kept: 1, gone: 2 });
    await theirs.set({ kept: 1, added: 3 });
    deliverSync(theirs, mine);
    expect(mine.snapshot()).toEqual({ kept: 1, added: 3 });
    expect(mine.calls.set).toBe(1);
  });
});
