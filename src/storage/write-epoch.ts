/**
 * Counts read-write transactions, so that a read made ahead of time (the popup's state, read at the
 * toolbar click: src/background/early-popup.ts) can tell whether anything was written since. Every
 * transaction goes through inTransaction (transaction.ts), which reports its writes here.
 */
interface Count {
  started: number;
  running: number;
}

const all: Count = { started: 0, running: 0 };
/** The same, per store the transactions wrote to. */
const byStore = new Map<string, Count>();

/** Call when a read-write transaction over `stores` starts; call the returned function once it has finished. */
export function noteWrite(stores: Iterable<string> = []): () => void {
  const counts = [all, ...new Set(stores)].map((store) => {
    if (typeof store !== 'string') return store;
    const count = byStore.get(store) ?? { started: 0, running: 0 };
    byStore.set(store, count);
    return count;
  });
  for (const count of counts) {
    count.started += 1;
    count.running += 1;
  }
  let finished = false;
  return () => {
    if (finished) return;
    finished = true;
    for (const count of counts) {
      count.running -= 1;
      count.started += 1; // a write that finished is news too: a read taken while it ran may have missed it
    }
  };
}

/**
 * A stamp for a read of `store` about to be made, or undefined while a write to it is running: equal
 * stamps taken at two times mean no read-write transaction over that store started or ended between.
 */
export function quietStoreStamp(store: string): number | undefined {
  const count = byStore.get(store) ?? { started: 0, running: 0 };
  return count.running === 0 ? count.started : undefined;
}

/** A stamp for a read about to be made, or undefined while a write is running (the read might miss it). */
export function quietWriteStamp(): number | undefined {
  return all.running === 0 ? all.started : undefined;
}

/** Whether any write started or finished after `stamp` was taken. */
export function writtenSince(stamp: number): boolean {
  return all.started !== stamp;
}
