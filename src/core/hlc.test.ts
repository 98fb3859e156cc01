import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_HLC_COUNTER, MAX_HLC_MS, ZERO_HLC, compareHlc, createClock, formatHlc, isHlc, maxHlc, parseHlc,
  receiveHlc, tickHlc,
} from './hlc.ts';
import type { ClockState } from './hlc.ts';

const deviceIdArb = fc.stringMatching(/^[0-9A-Za-z_-]{1,12}$/);
const partsArb = fc.record({
  ms: fc.integer({ min: 0, max: MAX_HLC_MS }),
  counter: fc.integer({ min: 0, max: MAX_HLC_COUNTER }),
  deviceId: deviceIdArb,
});
const nowArb = fc.integer({ min: 0, max: 4_102_444_800_000 });

function compareTuples(a: { ms: number; counter: number; deviceId: string }, b: typeof a): number {
  if (a.ms !== b.ms) return Math.sign(a.ms - b.ms);
  if (a.counter !== b.counter) return Math.sign(a.counter - b.counter);
  return a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0;
}

describe('formatHlc / parseHlc', () => {
  it.each([
    [{ ms: 0, counter: 0, deviceId: 'a' }, '000000000:0000:a'],
    [{ ms: 1_767_225_600_000, counter: 35, deviceId: 'dev-1' }, '0mjuohs00:000z:dev-1'],
    [{ ms: MAX_HLC_MS, counter: MAX_HLC_COUNTER, deviceId: 'Z_9' }, 'zzzzzzzzz:zzzz:Z_9'],
  ])('writes %o as %s and reads it back', (parts, text) => {
    expect(formatHlc(parts)).toBe(text);
    expect(parseHlc(text)).toEqual(parts);
  });

  it.each(['', 'abc', '00000000:0000:a', '000000000:000:a', '000000000:0000', '00000000A:0000:a',
    '000000000:0000:a:b', '000000000:0000:dev ice'])('refuses %j', (text) => {
    expect(parseHlc(text)).toBeNull();
    expect(isHlc(text)).toBe(false);
  });

  it('makes the zero clock older than any clock a device can issue', () => {
    fc.assert(fc.property(partsArb, (parts) => compareHlc(ZERO_HLC, formatHlc(parts)) === -1));
    expect(parseHlc(ZERO_HLC)).toEqual({ ms: 0, counter: 0, deviceId: '' });
  });

  it('orders the strings exactly as the (ms, counter, deviceId) tuples', () => {
    fc.assert(fc.property(partsArb, partsArb, (a, b) =>
      compareHlc(formatHlc(a), formatHlc(b)) === compareTuples(a, b)));
  });

  it('picks the later clock in maxHlc', () => {
    expect(maxHlc('000000001:0000:a', '000000000:zzzz:z')).toBe('000000001:0000:a');
    expect(maxHlc('000000000:0000:a', '000000000:0000:b')).toBe('000000000:0000:b');
  });
});

describe('createClock', () => {
  it.each(['', 'has:colon', 'has space', 'x'.repeat(65)])('refuses the device id %j', (deviceId) => {
    expect(() => createClock(deviceId)).toThrow(RangeError);
  });
});

describe('tickHlc', () => {
  it('follows the wall clock when it moves forward and counts when it does not', () => {
    let state = createClock('a');
    const issued: string[] = [];
    for (const now of [1000, 1000, 1000, 999, 2000]) {
      const next = tickHlc(state, now);
      state = next.state;
      issued.push(next.hlc);
    }
    expect(issued.map((hlc) => parseHlc(hlc))).toEqual([
      { ms: 1000, counter: 0, deviceId: 'a' },
      { ms: 1000, counter: 1, deviceId: 'a' },
      { ms: 1000, counter: 2, deviceId: 'a' },
      { ms: 1000, counter: 3, deviceId: 'a' },
      { ms: 2000, counter: 0, deviceId: 'a' },
    ]);
  });

  it('borrows a millisecond when the counter is full', () => {
    const state: ClockState = { deviceId: 'a', ms: 5, counter: MAX_HLC_COUNTER };
    expect(parseHlc(tickHlc(state, 5).hlc)).toEqual({ ms: 6, counter: 0, deviceId: 'a' });
  });

  it.each([NaN, -1, Infinity])('refuses the time %d', (now) => {
    expect(() => tickHlc(createClock('a'), now)).toThrow(RangeError);
  });
});

describe('receiveHlc', () => {
  it.each([
    ['remote ahead of both', { ms: 10, counter: 3 }, '000000014:0002:b', 12, { ms: 40, counter: 3 }],
    ['local ahead', { ms: 50, counter: 3 }, '000000014:0002:b', 12, { ms: 50, counter: 4 }],
    ['same ms, larger remote counter', { ms: 40, counter: 3 }, '000000014:0009:b', 12, { ms: 40, counter: 10 }],
    ['wall clock ahead of both', { ms: 10, counter: 3 }, '000000014:0009:b', 99, { ms: 99, counter: 0 }],
  ])('%s', (_name, local, remote, now, expected) => {
    const { state, hlc } = receiveHlc({ deviceId: 'a', ...local }, remote, now);
    expect(state).toEqual({ deviceId: 'a', ...expected });
    expect(hlc > remote).toBe(true);
  });

  it('refuses a malformed remote clock', () => {
    expect(() => receiveHlc(createClock('a'), 'yesterday', 0)).toThrow(RangeError);
  });
});

describe('any sequence of local and remote events', () => {
  const eventArb = fc.oneof(
    fc.record({ type: fc.constant('tick' as const), now: nowArb }),
    fc.record({ type: fc.constant('receive' as const), now: nowArb, remote: partsArb }),
  );

  it('issues strictly increasing clocks, each later than every clock received before it', () => {
    fc.assert(fc.property(deviceIdArb, fc.array(eventArb, { maxLength: 60 }), (deviceId, events) => {
      let state = createClock(deviceId);
      let latest = ZERO_HLC;
      for (const event of events) {
        const next = event.type === 'tick'
          ? tickHlc(state, event.now)
          : receiveHlc(state, formatHlc(event.remote), event.now);
        if (compareHlc(next.hlc, latest) !== 1) return false;
        // A tick never runs behind the wall clock it was given.
        if (event.type === 'tick' && next.state.ms < event.now) return false;
        state = next.state;
        latest = event.type === 'receive' ? maxHlc(next.hlc, formatHlc(event.remote)) : next.hlc;
        if (latest !== next.hlc) return false;
      }
      return true;
    }));
  });
});
