/** The background's one connection to IndexedDB, opened on first use (the worker may restart at any time). */
import { openRoundupDb, type RoundupDatabase } from '../storage/db.ts';

let opening: Promise<RoundupDatabase> | undefined;

export function database(): Promise<RoundupDatabase> {
  opening ??= openRoundupDb().catch((error: unknown) => {
    opening = undefined; // let the next request try again rather than caching the failure
    throw error;
  });
  return opening;
}
