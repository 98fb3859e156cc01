import type { IDBPTransaction, StoreNames } from 'idb';
import type { RoundupDB, RoundupDatabase } from './db.ts';
import { isStorageFailure, toStorageError } from './storage-error.ts';
import { ignoreRejection } from '../core/rejections.ts';

type Stores = ArrayLike<StoreNames<RoundupDB>>;

// Read-write transactions, counted so that a read made ahead of time (the popup's, at the toolbar click:
// src/background/popup/early-reads.ts) or kept for later (sync's featured records,
// src/sync/idb/synced-featured-keys.ts) can tell whether anything was written since it started: in all, and
// per store written.
interface Count {
  started: number;
  running: number;
}
const allWrites: Count = { started: 0, running: 0 };
const writesByStore = new Map<string, Count>();

function noteWrite(stores: readonly string[]): () => void {
  const counts = [allWrites, ...new Set(stores)].map((store) => {
    if (typeof store !== 'string') return store;
    const count = writesByStore.get(store) ?? { started: 0, running: 0 };
    writesByStore.set(store, count);
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

/** A stamp for a read about to be made, or undefined while a write runs (the read might miss it). */
export function quietWriteStamp(): number | undefined {
  return allWrites.running === 0 ? allWrites.started : undefined;
}

/** Whether any write started or finished after `stamp` was taken. */
export function writtenSince(stamp: number): boolean {
  return allWrites.started !== stamp;
}

/**
 * A stamp for a read of `store` about to be made, or undefined while a write to it runs: equal stamps
 * taken at two times mean no read-write transaction over that store started or ended between.
 */
export function quietStoreStamp(store: string): number | undefined {
  const count = writesByStore.get(store) ?? { started: 0, running: 0 };
  return count.running === 0 ? count.started : undefined;
}

export type RoundupTransaction<S extends Stores, M extends IDBTransactionMode> = IDBPTransaction<RoundupDB, S, M>;

/**
 * Runs `work` in one transaction over `stores`: every write in it lands, or none does.
 * IndexedDB commits a transaction as soon as no request is pending, even if the code that made the
 * earlier writes then throws; so a failure here aborts explicitly, rolling those writes back.
 * `work` may await only requests of this transaction: awaiting anything else lets it commit early.
 */
export async function inTransaction<const S extends Stores, M extends 'readonly' | 'readwrite', T>(
  db: RoundupDatabase, stores: S, mode: M, action: string, work: (tx: RoundupTransaction<S, M>) => Promise<T>,
): Promise<T> {
  let tx: RoundupTransaction<S, M>;
  try {
    tx = db.transaction(stores, mode);
  } catch (error) {
    throw toStorageError(error, action);
  }
  ignoreRejection(tx.done, 'a rejected `done` is reported by the catch below; this only keeps it from counting as unhandled');
  if (mode === 'readwrite') {
    const finished = noteWrite(Array.from(stores));
    tx.done.then(finished, finished);
  }
  try {
    const result = await work(tx);
    await tx.done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by IndexedDB itself (a failed request aborts its transaction).
    }
    throw isStorageFailure(error) ? toStorageError(error, action) : error;
  }
}
