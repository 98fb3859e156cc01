import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { formatHlc, parseHlc } from '../../core/hlc.ts';
import { nextClock, receiveClock } from './device-clock.ts';

// The background's clock over the default (here: fake) IndexedDB, as in the worker.
describe('the device clock', () => {
  it('issues distinct, increasing clocks even when asked many times at once', async () => {
    const clocks = await Promise.all(Array.from({ length: 20 }, () => nextClock()));
    expect(new Set(clocks).size).toBe(20);
    const later = await nextClock();
    expect(clocks.every((clock) => clock < later)).toBe(true);
  });

  it('moves past a clock seen from another device, even one from the future', async () => {
    const fromTheFuture = formatHlc({ ms: Date.now() + 3_600_000, counter: 7, deviceId: 'zzzzzzzz' });
    await receiveClock(fromTheFuture);
    const next = await nextClock();
    expect(next > fromTheFuture).toBe(true);
    expect(parseHlc(next)?.ms).toBe(parseHlc(fromTheFuture)?.ms);
  });
});
