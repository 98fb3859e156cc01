/**
 * Hybrid logical clocks (Kulkarni et al., "Logical Physical Clocks", 2014): a timestamp that stays
 * close to wall time but still orders causally related events when device clocks disagree.
 * Written as `ms:counter:deviceId` with ms and counter in fixed-width base 36, so comparing two
 * clocks as plain strings gives the (ms, counter, deviceId) order: merges need no parsing.
 * Time is passed in, so every function here is pure and testable.
 *
 * Clocks from another device or a file are outside input (README, "Sync across your devices"): a clock
 * more than {@link MAX_CLOCK_SKEW_MS} ahead of this device's wall clock is not believed. Receiving one
 * leaves this device's clock where it was, and a clock state twice that far ahead (saved before this
 * rule existed, or left by a wall clock that was set back) starts again from the wall clock. So no input
 * can push the clock to its end, and the counter, when full, rolls into the next millisecond.
 */
import type { Hlc } from './model.ts';

const MS_DIGITS = 9;
const COUNTER_DIGITS = 4;
export const MAX_HLC_MS = 36 ** MS_DIGITS - 1;
export const MAX_HLC_COUNTER = 36 ** COUNTER_DIGITS - 1;
/**
 * How far ahead of this device's wall clock a clock may be and still be believed. Device clocks that
 * sync their time disagree by seconds; a day leaves room for a badly set clock or a wrong time zone,
 * and keeps a forged or broken clock from ruling any field for longer than that.
 */
export const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

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

/** Whether a clock is further ahead of the wall clock `nowMs` than any device's clock may be ({@link MAX_CLOCK_SKEW_MS}). */
export function isClockAhead(hlc: Hlc, nowMs: number): boolean {
  const parsed = parseHlc(hlc);
  return parsed === null || isAheadMs(parsed.ms, nowMs);
}

function isAheadMs(ms: number, nowMs: number): boolean {
  return ms > nowMs + MAX_CLOCK_SKEW_MS;
}

/**
 * The state to go on from: one that ran too far ahead of the wall clock starts again from it. The state
 * may rightly be up to the skew ahead (it believed such a clock), so only twice that is taken for a
 * broken state: a wall clock set back by less than a day never breaks monotonicity.
 */
function healed(state: ClockState, physical: number): { ms: number; counter: number } {
  return state.ms > physical + 2 * MAX_CLOCK_SKEW_MS || state.ms > MAX_HLC_MS || state.counter > MAX_HLC_COUNTER
    ? { ms: 0, counter: 0 } : state;
}

/** A local edit or a send: the new clock is later than everything this device has issued or believed. */
export function tickHlc(state: ClockState, nowMs: number): { state: ClockState; hlc: Hlc } {
  const physical = toClockMs(nowMs);
  const base = healed(state, physical);
  const next = physical > base.ms
    ? { ms: physical, counter: 0 }
    : bumpCounter(base.ms, base.counter);
  return issue(state.deviceId, next);
}

/**
 * A clock arrived from another replica: the returned state (and clock, for the receive event) is
 * later than both the local history and the remote clock, so edits made next win over what was seen.
 * A remote clock too far ahead of the wall clock ({@link isClockAhead}) is not believed: it changes
 * nothing but a tick, and the data it stamps must not win over this device's either (clock-trust.ts).
 */
export function receiveHlc(state: ClockState, remote: Hlc, nowMs: number): { state: ClockState; hlc: Hlc } {
  const parsed = parseHlc(remote);
  if (!parsed) throw new RangeError(`not a hybrid logical clock: ${JSON.stringify(remote)}`);
  const physical = toClockMs(nowMs);
  if (isAheadMs(parsed.ms, physical)) return tickHlc(state, nowMs);
  const base = healed(state, physical);
  const ms = Math.max(base.ms, parsed.ms, physical);
  let next: { ms: number; counter: number };
  if (ms === base.ms && ms === parsed.ms) next = bumpCounter(ms, Math.max(base.counter, parsed.counter));
  else if (ms === base.ms) next = bumpCounter(ms, base.counter);
  else if (ms === parsed.ms) next = bumpCounter(ms, parsed.counter);
  else next = { ms, counter: 0 };
  return issue(state.deviceId, next);
}

/**
 * The smallest clock of `deviceId` later than `after`: what a restore takes when the removal it undoes
 * carries a clock this device's has not passed (core/tombstones.ts `restoreClockFor`).
 */
export function hlcJustAfter(after: Hlc, deviceId: string): Hlc {
  const parsed = parseHlc(after);
  if (parsed === null) throw new RangeError(`not a hybrid logical clock: ${JSON.stringify(after)}`);
  const candidate = formatHlc({ ms: parsed.ms, counter: parsed.counter, deviceId });
  if (candidate > after) return candidate;
  return formatHlc({ ...bumpCounter(parsed.ms, parsed.counter), deviceId });
}

function issue(deviceId: string, { ms, counter }: { ms: number; counter: number }) {
  const state = { deviceId, ms, counter };
  return { state, hlc: formatHlc(state) };
}

/**
 * A full counter rolls into the next millisecond instead of failing: the clock stays monotonic and
 * fits its fixed width; it only runs 1 ms ahead after 1.7 million events in one ms. The last
 * millisecond (the year 5188) can only be reached by the wall clock: input past the skew is not believed.
 */
function bumpCounter(ms: number, counter: number) {
  if (counter < MAX_HLC_COUNTER) return { ms, counter: counter + 1 };
  if (ms >= MAX_HLC_MS) throw new RangeError('the wall clock is past the last time a clock can hold');
  return { ms: ms + 1, counter: 0 };
}

function toClockMs(nowMs: number): number {
  if (!Number.isFinite(nowMs) || nowMs < 0) throw new RangeError(`invalid time for a clock: ${nowMs}`);
  return Math.min(Math.floor(nowMs), MAX_HLC_MS);
}
