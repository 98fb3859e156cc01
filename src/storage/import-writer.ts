/**
 * Reads everything an import plan needs and writes the result, in one transaction over issues and
 * settings: the plan is decided on what is stored at that moment (an edit made in the popup while
 * the editor looked at the preview is merged, not overwritten), and either the whole import lands
 * or nothing does.
 */
import { DEFAULT_SETTINGS, type Issue, type Settings } from '../core/model.ts';
import type { StoredState } from '../core/import-plan.ts';
import { parseIssue, parseSettings } from '../core/schema.ts';
import type { RoundupDatabase } from './db.ts';
import { StorageError } from './storage-error.ts';
import { refreshFeatured } from './featured-store.ts';
import { inTransaction } from './transaction.ts';

export interface ImportWrites {
  issues: readonly Issue[];
  /** Replaces the stored settings; null leaves them. */
  settings: Settings | null;
}

/** Every readable issue (removed ones included), the ids of unreadable ones, the settings, and the time now. */
export async function readStoredForImport(db: RoundupDatabase, now: () => number = Date.now): Promise<StoredState> {
  return inTransaction(db, ['issues', 'settings'], 'readonly', 'read the stored issues',
    async (tx) => toStoredState(await tx.objectStore('issues').getAll(), await tx.objectStore('settings').get('settings'), now()));
}

/**
 * `decide` runs inside the transaction on what is stored, and must be synchronous (a transaction
 * commits as soon as nothing is pending). Every issue is checked before the first write.
 */
export async function importInOneTransaction<T>(
  db: RoundupDatabase, decide: (stored: StoredState) => { writes: ImportWrites; result: T }, now: () => number = Date.now,
): Promise<T> {
  const action = 'import the file';
  return inTransaction(db, ['issues', 'settings', 'featured'], 'readwrite', action, async (tx) => {
    const issues = tx.objectStore('issues');
    const settings = tx.objectStore('settings');
    const { writes, result } = decide(toStoredState(await issues.getAll(), await settings.get('settings'), now()));
    // The plan only writes what it checked (core/import-plan.ts); this is the last guard, and says so plainly.
    const checked = writes.issues.map((issue) => {
      const parsed = parseIssue(issue);
      if (!parsed.ok) throw new StorageError('corrupt', `Could not ${action}: issue #${issue.number} would not be a valid issue. Nothing was imported.`);
      return parsed.value;
    });
    const newSettings = writes.settings === null ? null : parseSettings(writes.settings);
    if (newSettings && !newSettings.ok) throw new StorageError('corrupt', `Could not ${action}: its settings are not valid. Nothing was imported.`);
    // One at a time: a put that throws must not leave earlier requests' rejections unobserved.
    for (const issue of checked) {
      await issues.put(issue);
      await refreshFeatured(tx, issue.id, issue);
    }
    if (newSettings) await settings.put(newSettings.value, 'settings');
    return result;
  });
}

function toStoredState(records: unknown[], rawSettings: unknown, nowMs: number): StoredState {
  const issues: Issue[] = [];
  const damagedIds = new Set<string>();
  for (const raw of records) {
    const parsed = parseIssue(raw);
    if (parsed.ok) issues.push(parsed.value);
    else damagedIds.add(String((raw as { id?: unknown } | null)?.id));
  }
  // Damaged settings compare as the defaults; the settings page reports and repairs them.
  const settings = parseSettings(rawSettings ?? {});
  return { issues, damagedIds, settings: settings.ok ? settings.value : DEFAULT_SETTINGS, nowMs };
}
