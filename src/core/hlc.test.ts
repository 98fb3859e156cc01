import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_CLOCK_SKEW_MS, MAX_HLC_COUNTER, MAX_HLC_MS, ZERO_HLC, compareHlc, createClock, formatHlc, hlcJustAfter, isClockAhead, isHlc,
  maxHlc, parseHlc, receiveHlc, tickHlc,
} from './hlc.ts';
import type { ClockState } from './hlc.ts';

const deviceIdArb = fc.stringMatching(/^[0-9A-Za-z_-]{1,12}$/);
const partsArb = fc.record({
  ms: fc.integer({ min: 0, max: MAX_HLC_MS }),
  counter: fc.integer({ min: 0, max: MAX_HLC_COUNTER }),
  deviceId: deviceIdArb,
});

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
    ['remote with a full counter', { ms: 10, counter: 3 }, `000000014:${'z'.repeat(4)}:b`, 12, { ms: 41, counter: 0 }],
  ])('%s', (_name, local, remote, now, expected) => {
    const { state, hlc } = receiveHlc({ deviceId: 'a', ...local }, remote, now);
    expect(state).toEqual({ deviceId: 'a', ...expected });
    expect(hlc > remote).toBe(true);
  });

  it('refuses a malformed remote clock', () => {
    expect(() => receiveHlc(createClock('a'), 'yesterday', 0)).toThrow(RangeError);
  });

  const NOW = Date.UTC(2026, 10, 20);
  it.each([
    ['the largest clock there is', 'zzzzzzzzz:zzzz:evil'],
    ['one a counter short of it', 'zzzzzzzzz:zzzy:evil'],
    ['the year 2500', formatHlc({ ms: Date.UTC(2500, 0, 1), counter: 0, deviceId: 'evil' })],
    ['a day and a second ahead', formatHlc({ ms: NOW + MAX_CLOCK_SKEW_MS + 1_000, counter: 0, deviceId: 'fast' })],
  ])('does not believe %s: the clock only ticks, and goes on ticking', (_name, remote) => {
    const before: ClockState = { deviceId: 'a', ms: NOW - 5, counter: 2 };
    const { state, hlc } = receiveHlc(before, remote, NOW);
    expect(parseHlc(hlc)).toEqual({ ms: NOW, counter: 0, deviceId: 'a' });
    expect(isClockAhead(remote, NOW)).toBe(true);
    let current = state;
    for (let edit = 0; edit < 1_000; edit++) current = tickHlc(current, NOW).state;
    expect(current.ms).toBeLessThanOrEqual(NOW + 1);
  });

  it('believes a clock up to a day ahead, and moves past it', () => {
    const remote = formatHlc({ ms: NOW + MAX_CLOCK_SKEW_MS, counter: 5, deviceId: 'b' });
    expect(isClockAhead(remote, NOW)).toBe(false);
    const { hlc } = receiveHlc(createClock('a'), remote, NOW);
    expect(hlc > remote).toBe(true);
  });
});

describe('a clock state that ran ahead (saved before the clock rule, or the wall clock was set back)', () => {
  const NOW = Date.UTC(2026, 10, 20);
  it.each([
    ['exhausted', { ms: MAX_HLC_MS, counter: MAX_HLC_COUNTER }],
    ['a counter short of exhausted', { ms: MAX_HLC_MS, counter: MAX_HLC_COUNTER - 1 }],
    ['more than two days ahead', { ms: NOW + 2 * MAX_CLOCK_SKEW_MS + 1, counter: 7 }],
  ])('heals when %s: the next clock follows the wall clock', (_name, state) => {
    expect(parseHlc(tickHlc({ deviceId: 'a', ...state }, NOW).hlc)).toEqual({ ms: NOW, counter: 0, deviceId: 'a' });
    expect(parseHlc(receiveHlc({ deviceId: 'a', ...state }, formatHlc({ ms: NOW - 1, counter: 0, deviceId: 'b' }), NOW).hlc))
      .toEqual({ ms: NOW, counter: 0, deviceId: 'a' });
  });

  it.each([['an hour', 3_600_000], ['two days', 2 * MAX_CLOCK_SKEW_MS]])('keeps a state %s ahead, so clocks it issued stay behind the next', (_name, ahead) => {
    const state = { deviceId: 'a', ms: NOW + ahead, counter: 7 };
    expect(parseHlc(tickHlc(state, NOW).hlc)).toEqual({ ms: NOW + ahead, counter: 8, deviceId: 'a' });
  });
});

describe('hlcJustAfter', () => {
  it.each([
    ['a larger device id is enough', '0000000a1:0003:fast', 'phone', '0000000a1:0003:phone'],
    ['a smaller device id takes the next counter', '0000000a1:0003:fast', 'desk', '0000000a1:0004:desk'],
    ['a full counter rolls into the next millisecond', `0000000a1:${'z'.repeat(4)}:z`, 'a', '0000000a2:0000:a'],
  ])('%s', (_name, after, device, expected) => {
    expect(hlcJustAfter(after, device)).toBe(expected);
    expect(expected > after).toBe(true);
  });
});

describe('any sequence of local and remote events', () => {
  const START = Date.UTC(2026, 10, 1);
  // The wall clock moves on, and may jump back, but by less than the skew the rule allows.
  const wallArb = fc.integer({ min: -MAX_CLOCK_SKEW_MS + 1, max: 3 * MAX_CLOCK_SKEW_MS });
  // (a state may be a day ahead of the wall clock after believing such a clock, and the wall clock a day behind.)
  // Remote clocks anywhere: far past, around now, far future, the largest there is.
  const remoteArb = fc.oneof(
    partsArb,
    fc.record({ ms: fc.integer({ min: -2 * MAX_CLOCK_SKEW_MS, max: 2 * MAX_CLOCK_SKEW_MS }), counter: fc.integer({ min: 0, max: MAX_HLC_COUNTER }), deviceId: deviceIdArb }),
  );
  const eventArb = fc.oneof(
    fc.record({ type: fc.constant('tick' as const), step: wallArb }),
    fc.record({ type: fc.constant('receive' as const), step: wallArb, remote: remoteArb }),
  );

  it('issues strictly increasing clocks, each later than every clock believed before it, never more than the skew ahead', () => {
    fc.assert(fc.property(deviceIdArb, fc.array(eventArb, { maxLength: 60 }), (deviceId, events) => {
      let state = createClock(deviceId);
      let latest = ZERO_HLC;
      let wall = START;
      let highestWall = START;
      for (const event of events) {
        wall = Math.max(0, Math.max(wall + event.step, highestWall - MAX_CLOCK_SKEW_MS + 1));
        highestWall = Math.max(highestWall, wall);
        const remote = event.type === 'receive'
          ? formatHlc({ ...event.remote, ms: event.remote.ms < MAX_CLOCK_SKEW_MS * 3 ? Math.max(0, wall + event.remote.ms) : event.remote.ms })
          : null;
        const next = remote === null ? tickHlc(state, wall) : receiveHlc(state, remote, wall);
        if (compareHlc(next.hlc, latest) !== 1) return false;
        if (next.state.ms < wall) return false;
        if (next.state.ms > highestWall + MAX_CLOCK_SKEW_MS + 1) return false;
        state = next.state;
        latest = remote !== null && !isClockAhead(remote, wall) ? maxHlc(next.hlc, remote) : next.hlc;
        if (latest !== next.hlc) return false;
      }
      return true;
    }));
  });
});
