import type { IDBPTransaction, StoreNames } from 'idb';
import type { RoundupDB, RoundupDatabase } from './db.ts';
import { isStorageFailure, toStorageError } from './storage-error.ts';
import { noteWrite } from './write-epoch.ts';
import { ignoreRejection } from '../core/rejections.ts';

type Stores = ArrayLike<StoreNames<RoundupDB>>;
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
