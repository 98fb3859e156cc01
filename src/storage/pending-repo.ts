/**
 * What the popup is editing per tab. The popup can close at any keystroke, so it saves as it goes
 * and reads back here when it opens again.
 */
import * as v from 'valibot';
import { isoDateTime, validateShape } from '../core/schema.ts';
import type { PopupForm, RoundupDatabase } from './db.ts';
import { corruptRecordError, type Listed } from './record-problems.ts';
import { StorageError } from './storage-error.ts';
import { inTransaction } from './transaction.ts';

/** Tab ids are unique only while the browser runs; the stored URL tells a reused id apart. */
export function pendingKeyForTab(tabId: number): string {
  return `tab:${tabId}`;
}

const text = v.string();
const optionalId = v.nullable(v.pipe(v.string(), v.minLength(1)));
const popupFormSchema = v.strictObject({
  key: v.pipe(v.string(), v.minLength(1)), url: text, title: text, summary: text, note: text,
  sectionId: optionalId, itemId: optionalId, issueId: optionalId, updatedAt: isoDateTime('Last edit.'),
});
// Compile-time proof that the schema produces exactly the stored type.
const _sameShape: [v.InferOutput<typeof popupFormSchema>, PopupForm] extends [PopupForm, v.InferOutput<typeof popupFormSchema>] ? true : never = true;

function check(raw: unknown, key: string) {
  const result = validateShape(popupFormSchema, raw, 'pending');
  return result.ok ? result : { ok: false as const, problem: { store: 'pending' as const, key, message: result.error } };
}

/** The tab's draft; undefined when none, or when it was for another page (the tab navigated or the id was reused). */
export async function getPopupForm(db: RoundupDatabase, key: string, url?: string): Promise<PopupForm | undefined> {
  const action = 'read the unsaved capture';
  const raw: unknown = await inTransaction(db, ['pending'], 'readonly', action, (tx) => tx.store.get(key));
  if (raw === undefined) return undefined;
  const checked = check(raw, key);
  if (!checked.ok) throw corruptRecordError(checked.problem, action);
  return url === undefined || checked.value.url === url ? checked.value : undefined;
}

export async function listPopupForms(db: RoundupDatabase): Promise<Listed<PopupForm>> {
  const [keys, records] = await inTransaction(db, ['pending'], 'readonly', 'list the unsaved captures',
    (tx) => Promise.all([tx.store.getAllKeys(), tx.store.getAll()]));
  const listed: Listed<PopupForm> = { values: [], problems: [] };
  records.forEach((raw: unknown, i) => {
    const checked = check(raw, keys[i] ?? '?');
    if (checked.ok) listed.values.push(checked.value);
    else listed.problems.push(checked.problem);
  });
  return listed;
}

export async function putPopupForm(db: RoundupDatabase, draft: PopupForm): Promise<void> {
  const action = 'keep the unsaved capture';
  const checked = check(draft, draft.key);
  if (!checked.ok) throw new StorageError('corrupt', `Could not ${action}: ${checked.problem.message}.`);
  await inTransaction(db, ['pending'], 'readwrite', action, async (tx) => void await tx.store.put(checked.value));
}

export async function deletePopupForm(db: RoundupDatabase, key: string): Promise<void> {
  await inTransaction(db, ['pending'], 'readwrite', 'discard the unsaved capture', (tx) => tx.store.delete(key));
}

/** Deletes drafts last edited before `olderThan` (ISO 8601); returns how many. */
export async function prunePopupForms(db: RoundupDatabase, olderThan: string): Promise<number> {
  return inTransaction(db, ['pending'], 'readwrite', 'clear old unsaved captures', async (tx) => {
    let removed = 0;
    let cursor = await tx.store.index('by-updated').openCursor(IDBKeyRange.upperBound(olderThan, true));
    while (cursor) {
      await cursor.delete();
      removed += 1;
      cursor = await cursor.continue();
    }
    return removed;
  });
}
