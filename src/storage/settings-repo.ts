import { describeTemplateProblem, findHouseStyleProblem } from '../core/house-style-check.ts';
import { parseHouseStyle } from '../core/house-style.ts';
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
  /** What the editor should be told about it, in plain words (a saved house style that could not be read). */
  notices: string[];
}

/** Settings always load: missing ones are the defaults, and one bad field does not cost the others. */
export async function getSettings(db: RoundupDatabase): Promise<LoadedSettings> {
  const raw: unknown = await inTransaction(db, ['settings'], 'readonly', 'read the settings', (tx) => tx.store.get(SETTINGS_KEY));
  const parsed = parseSettings(raw ?? {});
  if (parsed.ok) return { settings: parsed.value, problems: [], notices: [] };
  const settings = salvageSettings(raw);
  return { settings, problems: [{ store: 'settings', key: SETTINGS_KEY, message: parsed.error }], notices: salvageNotices(raw) };
}

/** Raw stored settings whose house style could not be read: said in words, with the style now in use. */
function salvageNotices(raw: unknown): string[] {
  const style = typeof raw === 'object' && raw !== null ? (raw as { houseStyle?: unknown }).houseStyle : undefined;
  if (style === undefined) return [];
  const parsed = parseHouseStyle(style);
  if (parsed.ok) return [];
  return [`The saved house style could not be read (${parsed.error}), so exports use the ${DEFAULT_SETTINGS.houseStyle.preset} preset. `
    + 'Choose a style again under “House style”.'];
}

export async function putSettings(db: RoundupDatabase, settings: Settings): Promise<void> {
  const action = 'save the settings';
  const parsed = parseSettings(settings);
  if (!parsed.ok) throw new StorageError('corrupt', `Could not ${action}: ${parsed.error}.`);
  // A template that does not render never becomes the active style, whichever page sent it.
  const problem = findHouseStyleProblem(parsed.value.houseStyle);
  if (problem) throw new StorageError('corrupt', `Could not ${action}: ${describeTemplateProblem(problem)}.`);
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
