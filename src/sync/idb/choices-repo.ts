/**
 * The per-issue "sync this issue" switches, as this device knows them. Each switch carries the clock
 * of its last change, so the copies in the sync area (one key per issue) merge last-writer-wins and
 * every device ends up agreeing (see synced-choices.ts).
 */
import * as v from 'valibot';
import { HLC_PATTERN } from '../../core/hlc.ts';
import type { SyncChoice, SyncChoices } from '../ports.ts';
import { validateShape } from '../../core/schema.ts';
import type { RoundupDatabase } from '../../storage/db.ts';
import { corruptRecordError } from '../../storage/record-problems.ts';
import { inTransaction } from '../../storage/transaction.ts';

const CHOICES_KEY = 'syncChoices';

export type { SyncChoice, SyncChoices } from '../ports.ts';

export const syncChoiceSchema = v.strictObject({ sync: v.boolean(), at: v.pipe(v.string(), v.regex(HLC_PATTERN, 'expected a clock')) });
const choicesSchema = v.record(v.string(), syncChoiceSchema);


function parseChoices(raw: unknown, action: string): Map<string, SyncChoice> {
  if (raw === undefined) return new Map();
  const result = validateShape(choicesSchema, raw, CHOICES_KEY);
  if (!result.ok) throw corruptRecordError({ store: 'meta', key: CHOICES_KEY, message: result.error }, action);
  return new Map(Object.entries(result.value));
}

export async function getSyncChoices(db: RoundupDatabase): Promise<SyncChoices> {
  const action = 'read which issues sync';
  return parseChoices(await inTransaction(db, ['meta'], 'readonly', action, (tx) => tx.store.get(CHOICES_KEY)), action);
}

/** Read, change and write back in one transaction; `change` must be synchronous. Returns the result. */
export async function updateSyncChoices(db: RoundupDatabase, change: (current: SyncChoices) => SyncChoices): Promise<SyncChoices> {
  const action = 'save which issues sync';
  return inTransaction(db, ['meta'], 'readwrite', action, async (tx) => {
    const next = change(parseChoices(await tx.store.get(CHOICES_KEY), action));
    await tx.store.put(Object.fromEntries(next), CHOICES_KEY);
    return next;
  });
}
