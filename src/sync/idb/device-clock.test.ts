import { afterEach, describe, expect, it } from 'vitest';
import { MAX_CLOCK_SKEW_MS, MAX_HLC_COUNTER, MAX_HLC_MS, formatHlc, parseHlc } from '../../core/hlc.ts';
import type { RoundupDatabase } from '../../storage/db.ts';
import { getClockState, putClockState } from '../../storage/meta-repo.ts';
import { openTestDb } from '../../storage/open-test-db.ts';
import { createDeviceClock } from './device-clock.ts';

const NOW = Date.UTC(2026, 10, 20);
let db: RoundupDatabase;
afterEach(() => db.close());

async function clockOn(stored?: unknown) {
  db = await openTestDb();
  await db.put('meta', 'device1', 'deviceId');
  if (stored !== undefined) await db.put('meta', stored, 'clock');
  return createDeviceClock(async () => db, () => NOW);
}

describe('the device clock', () => {
  it('issues distinct, increasing clocks even when asked many times at once', async () => {
    const clock = await clockOn();
    const clocks = await Promise.all(Array.from({ length: 20 }, () => clock.next()));
    expect(new Set(clocks).size).toBe(20);
    const later = await clock.next();
    expect(clocks.every((issued) => issued < later)).toBe(true);
  });

  it('moves past a clock seen from another device, even one up to a day ahead', async () => {
    const clock = await clockOn();
    const fromTheFuture = formatHlc({ ms: NOW + 3_600_000, counter: 7, deviceId: 'zzzzzzzz' });
    await clock.receive(fromTheFuture);
    const next = await clock.next();
    expect(next > fromTheFuture).toBe(true);
    expect(parseHlc(next)?.ms).toBe(parseHlc(fromTheFuture)?.ms);
  });

  it('does not move for a clock more than a day ahead, and keeps no trace of it', async () => {
    const clock = await clockOn();
    await clock.receive('zzzzzzzzz:zzzy:evil');
    await clock.receive(formatHlc({ ms: NOW + MAX_CLOCK_SKEW_MS + 1, counter: 0, deviceId: 'fast' }));
    expect(parseHlc(await clock.next())?.ms).toBe(NOW);
    expect((await getClockState(db))?.ms).toBe(NOW);
  });

  // Issue 13, finding 1: before the clock rule, one such clock was saved as the state, and every edit failed
  // with "hybrid logical clock exhausted" after every restart.
  it.each([
    ['exhausted (saved before the clock rule)', { deviceId: 'device1', ms: MAX_HLC_MS, counter: MAX_HLC_COUNTER }],
    ['a counter short of exhausted', { deviceId: 'device1', ms: MAX_HLC_MS, counter: MAX_HLC_COUNTER - 1 }],
    ['unreadable', { deviceId: 'device1', ms: -1, counter: 'x' }],
  ])('heals a saved state that is %s: edits go on from the wall clock, and the healed state is saved', async (_name, stored) => {
    const clock = await clockOn(stored);
    const issued = await Promise.all(Array.from({ length: 5 }, () => clock.next()));
    expect(issued.map((hlc) => parseHlc(hlc)?.ms)).toEqual([NOW, NOW, NOW, NOW, NOW]);
    expect(await getClockState(db)).toEqual({ deviceId: 'device1', ms: NOW, counter: 4 });
  });

  it('keeps a saved state that is only a little ahead (it believed such a clock), so it never runs backwards', async () => {
    const clock = await clockOn();
    await putClockState(db, { deviceId: 'device1', ms: NOW + 60_000, counter: 3 });
    expect(parseHlc(await clock.next())).toEqual({ ms: NOW + 60_000, counter: 4, deviceId: 'device1' });
  });
});
