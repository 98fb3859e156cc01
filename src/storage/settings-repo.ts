import { DEFAULT_SETTINGS, type Settings } from '../core/model.ts';
import { parseSettings } from '../core/schema.ts';
import type { RoundupDatabase } from './db.ts';
import type { StorageProblem } from './record-problems.ts';
import { StorageError } from './storage-error.ts';
import { inTransaction } from './transaction.ts';

const SETTINGS_KEY = 'settings';

export interface LoadedSettings {
  settings: Settings;
  /** Set when the stored record was damaged: its valid fields were kept, the rest took defaults. */
  problems: StorageProblem[];
}

/** Settings always load: missing ones are the defaults, and one bad field does not cost the others. */
export async function getSettings(db: RoundupDatabase): Promise<LoadedSettings> {
  const raw: unknown = await inTransaction(db, ['settings'], 'readonly', 'read the settings', (tx) => tx.store.get(SETTINGS_KEY));
  const parsed = parseSettings(raw ?? {});
  if (parsed.ok) return { settings: parsed.value, problems: [] };
  return { settings: salvageSettings(raw), problems: [{ store: 'settings', key: SETTINGS_KEY, message: parsed.error }] };
}

export async function putSettings(db: RoundupDatabase, settings: Settings): Promise<void> {
  const action = 'save the settings';
  const parsed = parseSettings(settings);
  if (!parsed.ok) throw new StorageError('corrupt', `Could not ${action}: ${parsed.error}.`);
  await inTransaction(db, ['settings'], 'readwrite', action, async (tx) => void await tx.store.put(parsed.value, SETTINGS_KEY));
}

/** Keeps each stored field that is valid on its own (checked one at a time against the defaults). */
function salvageSettings(raw: unknown): Settings {
  const record: Partial<Record<string, unknown>> = typeof raw === 'object' && raw !== null ? { ...raw } : {};
  const valid = Object.keys(DEFAULT_SETTINGS)
    .filter((key) => record[key] !== undefined && parseSettings({ [key]: record[key] }).ok)
    .map((key) => [key, record[key]]);
  const parsed = parseSettings(Object.fromEntries(valid));
  if (!parsed.ok) throw new Error(`Settings that pass one field at a time fail together: ${parsed.error}`);
  return parsed.value;
}
