import type { StoreNames } from 'idb';
import type { RoundupDB } from './db.ts';
import { StorageError } from './storage-error.ts';

/** A stored record that failed validation. It stays in the database (never dropped silently) and is reported. */
export interface StorageProblem {
  store: StoreNames<RoundupDB>;
  key: string;
  /** Which field is wrong and how, e.g. `issue.items[3].url: expected an absolute URL, got "foo"`. */
  message: string;
}

/** A list read: the records that passed validation, and the ones that did not. */
export interface Listed<T> {
  values: T[];
  problems: StorageProblem[];
}

/** Thrown by single-record reads, which have nothing sensible to return for a damaged record. */
export function corruptRecordError(problem: StorageProblem, action: string): StorageError {
  const message = `Could not ${action}: the saved record is damaged (${problem.message}).`;
  return new StorageError('corrupt', message, { cause: problem });
}
