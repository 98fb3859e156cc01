/**
 * Hybrid logical clocks (Kulkarni et al., "Logical Physical Clocks", 2014): a timestamp that stays
 * close to wall time but still orders causally related events when device clocks disagree.
 * Written as `ms:counter:deviceId` with ms and counter in fixed-width base 36, so comparing two
 * clocks as plain strings gives the (ms, counter, deviceId) order: merges need no parsing.
 * Time is passed in, so every function here is pure and testable.
 */
import type { Hlc } from './model.ts';

const MS_DIGITS = 9;
const COUNTER_DIGITS = 4;
export const MAX_HLC_MS = 36 ** MS_DIGITS - 1;
export const MAX_HLC_COUNTER = 36 ** COUNTER_DIGITS - 1;

/** Device ids are compared as strings and sit after the last `:`; UUIDs fit. */
const DEVICE_ID = /^[0-9A-Za-z_-]{1,64}$/;
/** A well-formed clock; the device part may be empty only in {@link ZERO_HLC}-like clocks. */
export const HLC_PATTERN = /^([0-9a-z]{9}):([0-9a-z]{4}):([0-9A-Za-z_-]{0,64})$/;

export interface HlcParts {
  ms: number;
  counter: number;
  deviceId: string;
}

/** Older than any edit: the clock of a field nobody has touched since import. */
export const ZERO_HLC: Hlc = formatHlc({ ms: 0, counter: 0, deviceId: '' });

/** The last clock this device issued or saw. */
export interface ClockState {
  deviceId: string;
  ms: number;
  counter: number;
}

export function formatHlc({ ms, counter, deviceId }: HlcParts): Hlc {
  return `${ms.toString(36).padStart(MS_DIGITS, '0')}:${counter.toString(36).padStart(COUNTER_DIGITS, '0')}:${deviceId}`;
}

/** The parts of a well-formed clock, or null. */
export function parseHlc(hlc: string): HlcParts | null {
  const match = HLC_PATTERN.exec(hlc);
  if (!match) return null;
  const [, ms, counter, deviceId] = match as unknown as [string, string, string, string];
  return { ms: parseInt(ms, 36), counter: parseInt(counter, 36), deviceId };
}

export function isHlc(value: string): boolean {
  return HLC_PATTERN.test(value);
}

/** Code-unit order, which the fixed-width encoding makes equal to (ms, counter, deviceId) order. */
export function compareHlc(a: Hlc, b: Hlc): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxHlc(a: Hlc, b: Hlc): Hlc {
  return a < b ? b : a;
}

export function createClock(deviceId: string): ClockState {
  if (!DEVICE_ID.test(deviceId)) {
    throw new RangeError(`HLC device id must be 1-64 characters of [0-9A-Za-z_-], got ${JSON.stringify(deviceId)}`);
  }
  return { deviceId, ms: 0, counter: 0 };
}

/** A local edit or a send: the new clock is later than everything this device has issued or seen. */
export function tickHlc(state: ClockState, nowMs: number): { state: ClockState; hlc: Hlc } {
  const physical = toClockMs(nowMs);
  const next = physical > state.ms
    ? { ms: physical, counter: 0 }
    : bumpCounter(state.ms, state.counter);
  return issue(state.deviceId, next);
}

/**
 * A clock arrived from another replica: the returned state (and clock, for the receive event) is
 * later than both the local history and the remote clock, so edits made next win over what was seen.
 */
export function receiveHlc(state: ClockState, remote: Hlc, nowMs: number): { state: ClockState; hlc: Hlc } {
  const parsed = parseHlc(remote);
  if (!parsed) throw new RangeError(`not a hybrid logical clock: ${JSON.stringify(remote)}`);
  const physical = toClockMs(nowMs);
  const ms = Math.max(state.ms, parsed.ms, physical);
  let next: { ms: number; counter: number };
  if (ms === state.ms && ms === parsed.ms) next = bumpCounter(ms, Math.max(state.counter, parsed.counter));
  else if (ms === state.ms) next = bumpCounter(ms, state.counter);
  else if (ms === parsed.ms) next = bumpCounter(ms, parsed.counter);
  else next = { ms, counter: 0 };
  return issue(state.deviceId, next);
}

function issue(deviceId: string, { ms, counter }: { ms: number; counter: number }) {
  const state = { deviceId, ms, counter };
  return { state, hlc: formatHlc(state) };
}

/**
 * A full counter borrows a millisecond from the future instead of failing: the clock stays
 * monotonic and fits its fixed width; it only runs 1 ms ahead after 1.7 million events in one ms.
 */
function bumpCounter(ms: number, counter: number) {
  if (counter < MAX_HLC_COUNTER) return { ms, counter: counter + 1 };
  if (ms >= MAX_HLC_MS) throw new RangeError('hybrid logical clock exhausted');
  return { ms: ms + 1, counter: 0 };
}

function toClockMs(nowMs: number): number {
  if (!Number.isFinite(nowMs) || nowMs < 0) throw new RangeError(`invalid time for a clock: ${nowMs}`);
  return Math.min(Math.floor(nowMs), MAX_HLC_MS);
}
