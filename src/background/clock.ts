/**
 * The device's hybrid logical clock. Every edit the background makes is stamped with `nextClock()`;
 * the state is persisted so a restarted worker never issues a clock older than one it issued before.
 */
import { createClock, tickHlc, type ClockState } from '../core/hlc.ts';
import { newId } from '../core/ids.ts';
import type { Hlc } from '../core/model.ts';
import { ensureDeviceId, getClockState, putClockState } from '../storage/meta-repo.ts';
import { database } from './database.ts';

let state: ClockState | undefined;

/** Device ids go into every clock string, so keep them short and in the clock's alphabet. */
function makeDeviceId(): string {
  return newId().replace(/-/g, '').slice(0, 12);
}

export async function nextClock(): Promise<Hlc> {
  const db = await database();
  if (!state) {
    const deviceId = await ensureDeviceId(db, makeDeviceId);
    state = (await getClockState(db)) ?? createClock(deviceId);
  }
  const ticked = tickHlc(state, Date.now());
  state = ticked.state;
  await putClockState(db, state);
  return ticked.hlc;
}
