/**
 * The device's hybrid logical clock. Every edit the background makes is stamped with `nextClock()`;
 * every clock seen in another device's synced data is passed to `receiveClock()`, so the next local
 * edit is later than it even when this device's wall clock is behind. The state is persisted so a
 * restarted worker never issues a clock older than one it issued or saw before.
 */
import { createClock, receiveHlc, tickHlc, type ClockState } from '../../core/hlc.ts';
import { newId } from '../../core/ids.ts';
import type { Hlc } from '../../core/model.ts';
import { ensureDeviceId, getClockState, putClockState } from '../../storage/meta-repo.ts';
import { database } from '../../background/database.ts';

let state: ClockState | undefined;
// Two callers must not load the stored state twice: the second load would undo the first's tick.
let loading: Promise<ClockState> | undefined;

/** Device ids go into every clock string, so keep them short and in the clock's alphabet. */
function makeDeviceId(): string {
  return newId().replace(/-/g, '').slice(0, 12);
}

async function loadState(): Promise<ClockState> {
  if (state) return state;
  loading ??= (async () => {
    const db = await database();
    const deviceId = await ensureDeviceId(db, makeDeviceId);
    return (await getClockState(db)) ?? createClock(deviceId);
  })().finally(() => { loading = undefined; });
  return loading;
}

async function advance(step: (current: ClockState) => { state: ClockState; hlc: Hlc }): Promise<Hlc> {
  const loaded = await loadState();
  // Read `state` again after the await: another call may have advanced it meanwhile.
  const next = step(state ?? loaded);
  state = next.state;
  await putClockState(await database(), next.state);
  return next.hlc;
}

export function nextClock(): Promise<Hlc> {
  return advance((current) => tickHlc(current, Date.now()));
}

/** A clock from another device's data was applied here: move this device's clock past it. */
export async function receiveClock(remote: Hlc): Promise<void> {
  await advance((current) => receiveHlc(current, remote, Date.now()));
}
