/**
 * The device's hybrid logical clock. Every edit the background makes is stamped with `next()`; every
 * clock believed in another device's data (or a file) is passed to `receive()` before that data is
 * stored, so the next local edit is later than it even when this device's wall clock is behind. The
 * state is persisted so a restarted worker never issues a clock older than one it issued or saw before.
 *
 * No input can make the clock unusable (core/hlc.ts): a clock too far ahead is not believed, a saved
 * state that ran ahead (saved before that rule, when one forged clock could exhaust it) heals on load,
 * and an unreadable saved state starts afresh from the wall clock rather than stopping every edit.
 */
import { createClock, receiveHlc, tickHlc, type ClockState } from '../../core/hlc.ts';
import { newId } from '../../core/ids.ts';
import type { Hlc } from '../../core/model.ts';
import type { RoundupDatabase } from '../../storage/db.ts';
import { ensureDeviceId, getClockState, putClockState } from '../../storage/meta-repo.ts';
import { StorageError } from '../../storage/storage-error.ts';

export interface DeviceClock {
  next(): Promise<Hlc>;
  /** A clock from another device's data is about to be applied here: move this device's clock past it. */
  receive(remote: Hlc): Promise<void>;
}

/** Device ids go into every clock string, so keep them short and in the clock's alphabet. */
function makeDeviceId(): string {
  return newId().replace(/-/g, '').slice(0, 12);
}

export function createDeviceClock(db: () => Promise<RoundupDatabase>, now: () => number = Date.now): DeviceClock {
  let state: ClockState | undefined;
  // Two callers must not load the stored state twice: the second load would undo the first's tick.
  let loading: Promise<ClockState> | undefined;

  async function loadState(): Promise<ClockState> {
    if (state) return state;
    loading ??= (async () => {
      const database = await db();
      const deviceId = await ensureDeviceId(database, makeDeviceId);
      const saved = await getClockState(database).catch((error: unknown) => {
        if (error instanceof StorageError && error.kind === 'corrupt') return undefined;
        throw error;
      });
      return saved?.deviceId === deviceId ? saved : createClock(deviceId);
    })().finally(() => { loading = undefined; });
    return loading;
  }

  async function advance(step: (current: ClockState) => { state: ClockState; hlc: Hlc }): Promise<Hlc> {
    const loaded = await loadState();
    // Read `state` again after the await: another call may have advanced it meanwhile.
    const next = step(state ?? loaded);
    state = next.state;
    await putClockState(await db(), next.state);
    return next.hlc;
  }

  return {
    next: () => advance((current) => tickHlc(current, now())),
    receive: async (remote) => void await advance((current) => receiveHlc(current, remote, now())),
  };
}
