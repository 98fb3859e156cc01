/**
 * The settings as the sync mirror sees them: a value with the clock of its last change. Settings are
 * saved without a clock (settings-repo), so this keeps a stamp beside them, `{json, at}`: when the
 * stored settings no longer match the stamp's JSON, they were edited here since, and get a new clock.
 * A device whose settings were never saved offers nothing, so a fresh profile's defaults never
 * overwrite the settings another device chose.
 */
import * as v from 'valibot';
import { HLC_PATTERN, isClockAhead } from '../../core/hlc.ts';
import { describeTemplateProblem, findHouseStyleProblem } from '../../core/house-style-check.ts';
import { DEFAULT_SETTINGS, type Hlc, type Settings } from '../../core/model.ts';
import type { SyncedSettings } from '../../core/sync-codec.ts';
import { parseSettings, validateShape } from '../../core/schema.ts';
import type { SyncedValueSource } from '../ports.ts';
import type { RoundupDatabase } from '../../storage/db.ts';
import { StorageError } from '../../storage/storage-error.ts';
import { inTransaction } from '../../storage/transaction.ts';

const SETTINGS_KEY = 'settings';
const STAMP_KEY = 'syncSettingsStamp';
const stampSchema = v.strictObject({ json: v.string(), at: v.pipe(v.string(), v.regex(HLC_PATTERN)) });

interface Stamped {
  /** The stored record as read, to notice a save made after the read. */
  rawJson: string | undefined;
  /** Undefined when nothing usable is stored. */
  current: { value: Settings; at: Hlc } | undefined;
}

export function createSyncedSettings(db: () => Promise<RoundupDatabase>, stamp: () => Promise<Hlc>, now: () => number = Date.now): SyncedValueSource<SyncedSettings> {
  async function readStamped(): Promise<Stamped> {
    const { raw, rawStamp } = await inTransaction(await db(), ['settings', 'meta'], 'readonly', 'read the settings for sync',
      async (tx) => ({ raw: await tx.objectStore('settings').get(SETTINGS_KEY), rawStamp: await tx.objectStore('meta').get(STAMP_KEY) }));
    const rawJson = raw === undefined ? undefined : JSON.stringify(raw);
    // Damaged settings stay on this device (settings-repo salvages them) rather than spread.
    const parsed = raw === undefined ? undefined : parseSettings(raw);
    if (parsed === undefined || !parsed.ok) return { rawJson, current: undefined };
    const json = JSON.stringify(parsed.value);
    const stamped = validateShape(stampSchema, rawStamp, STAMP_KEY);
    // A stamp far ahead (saved before the clock rule) is taken as no stamp: the settings are stamped anew.
    if (stamped.ok && stamped.value.json === json && !isClockAhead(stamped.value.at, now())) {
      return { rawJson, current: { value: parsed.value, at: stamped.value.at } };
    }
    const at = await stamp();
    await inTransaction(await db(), ['meta'], 'readwrite', 'stamp the settings for sync', async (tx) => void await tx.store.put({ json, at }, STAMP_KEY));
    return { rawJson, current: { value: parsed.value, at } };
  }

  /**
   * Newer settings from another device. Their house style is taken only when it renders; without one (kept on
   * the other device), or with one that does not render, this device keeps its own, and says what it refused.
   */
  async function apply(value: SyncedSettings, at: Hlc): Promise<string | void> {
    // Stamps an edit made here since the last stamp, so it is compared by its own clock.
    const { rawJson, current } = await readStamped();
    if (current !== undefined && current.at >= at) return;
    const own = current?.value.houseStyle ?? DEFAULT_SETTINGS.houseStyle;
    const { houseStyleProblem, ...incoming } = value;
    const problem = incoming.houseStyle === undefined ? null : findHouseStyleProblem(incoming.houseStyle);
    const houseStyle = incoming.houseStyle === undefined || problem !== null ? own : incoming.houseStyle;
    const parsed = parseSettings({ ...incoming, houseStyle });
    if (!parsed.ok) throw new StorageError('corrupt', `Could not save the settings from another device: ${parsed.error}.`);
    await inTransaction(await db(), ['settings', 'meta'], 'readwrite', 'save the settings from another device', async (tx) => {
      const stored: unknown = await tx.objectStore('settings').get(SETTINGS_KEY);
      // Saved here after the read above: that edit is newer (its clock will be), so it stays.
      if ((stored === undefined ? undefined : JSON.stringify(stored)) !== rawJson) return;
      await tx.objectStore('settings').put(parsed.value, SETTINGS_KEY);
      await tx.objectStore('meta').put({ json: JSON.stringify(parsed.value), at }, STAMP_KEY);
    });
    const why = houseStyleProblem !== undefined ? `it could not be read (${houseStyleProblem})` : problem ? describeTemplateProblem(problem) : null;
    if (why !== null) return `brought a house style that was not taken, because ${why}; this device keeps its own`;
  }

  return { read: async () => (await readStamped()).current, apply };
}
