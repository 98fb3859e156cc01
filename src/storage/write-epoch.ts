/**
 * Counts read-write transactions, so that a read made ahead of time (the popup's state, read at the
 * toolbar click: src/background/early-popup.ts) can tell whether anything was written since. Every
 * transaction goes through inTransaction (transaction.ts), which reports its writes here.
 */
let started = 0;
let running = 0;

/** Call when a read-write transaction starts; call the returned function once it has finished. */
export function noteWrite(): () => void {
  started += 1;
  running += 1;
  let finished = false;
  return () => {
    if (finished) return;
    finished = true;
    running -= 1;
    started += 1; // a write that finished is news too: a read taken while it ran may have missed it
  };
}

/** A stamp for a read about to be made, or undefined while a write is running (the read might miss it). */
export function quietWriteStamp(): number | undefined {
  return running === 0 ? started : undefined;
}

/** Whether any write started or finished after `stamp` was taken. */
export function writtenSince(stamp: number): boolean {
  return started !== stamp;
}
