/** When this device last finished a sync run: kept across worker restarts, so the UI never says "not synced yet" wrongly. */
import * as v from 'valibot';
import { validateShape } from '../../core/schema.ts';
import type { RoundupDatabase } from '../../storage/db.ts';
import { inTransaction } from '../../storage/transaction.ts';

const LAST_SYNCED_KEY = 'syncLastSyncedAt';
const timeSchema = v.pipe(v.number(), v.integer(), v.minValue(0));

/** Milliseconds since the epoch, or null when this device never finished a sync run (or the record is unreadable). */
export async function getLastSyncedAt(db: RoundupDatabase): Promise<number | null> {
  const raw: unknown = await inTransaction(db, ['meta'], 'readonly', 'read when sync last ran', (tx) => tx.store.get(LAST_SYNCED_KEY));
  const parsed = validateShape(timeSchema, raw, LAST_SYNCED_KEY);
  // Only a status line depends on it: a damaged value is worth a fresh one, not an error.
  return parsed.ok ? parsed.value : null;
}

export async function putLastSyncedAt(db: RoundupDatabase, at: number): Promise<void> {
  await inTransaction(db, ['meta'], 'readwrite', 'remember when sync last ran', async (tx) => void await tx.store.put(at, LAST_SYNCED_KEY));
}
