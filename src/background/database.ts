/** The background's one connection to IndexedDB, opened on first use (the worker may restart at any time). */
import { openRoundupDb, type RoundupDatabase } from '../storage/db.ts';

let opening: Promise<RoundupDatabase> | undefined;

export function database(): Promise<RoundupDatabase> {
  opening ??= openRoundupDb().then((db) => {
    // The browser closes the connection when the data is cleared or a newer version opens: open anew next time.
    const forget = () => { opening = undefined; };
    db.addEventListener('close', forget);
    db.addEventListener('versionchange', forget);
    return db;
  }, (error: unknown) => {
    opening = undefined; // let the next request try again rather than caching the failure
    throw error;
  });
  return opening;
}
