/** Test support: each call opens Roundup's database in a fresh in-memory IndexedDB (fake-indexeddb). */
import 'fake-indexeddb/auto';
import { openRoundupDb, type RoundupDatabase } from './db.ts';

export async function openTestDb(factory: IDBFactory = new IDBFactory()): Promise<RoundupDatabase> {
  return openRoundupDb({ factory });
}
