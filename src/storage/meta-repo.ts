/**
 * Small per-device values: the device id and clock state for sync, the current draft, and the
 * section last used per site (so filing from the same site lands in the same section next time).
 */
import * as v from 'valibot';
import { createClock, type ClockState } from '../core/hlc.ts';
import { validateShape } from '../core/schema.ts';
import type { RoundupDatabase } from './db.ts';
import { corruptRecordError } from './record-problems.ts';
import { inTransaction } from './transaction.ts';

export const CURRENT_DRAFT_KEY = 'currentDraftId';
const DEVICE_ID_KEY = 'deviceId';
const CLOCK_KEY = 'clock';
const lastSectionKey = (site: string) => `lastSection:${site}`;

const nonEmpty = v.pipe(v.string(), v.minLength(1, 'expected a non-empty string'));
const isDeviceId = (id: string) => {
  try {
    return createClock(id).deviceId === id;
  } catch {
    return false;
  }
};
const deviceIdSchema = v.pipe(v.string(), v.check(isDeviceId, 'expected 1-64 characters of [0-9A-Za-z_-]'));
const counter = v.pipe(v.number(), v.integer(), v.minValue(0));
const clockStateSchema = v.strictObject({ deviceId: deviceIdSchema, ms: counter, counter });

async function readMeta<S extends v.GenericSchema>(db: RoundupDatabase, key: string, schema: S, action: string): Promise<v.InferOutput<S> | undefined> {
  const raw = await inTransaction(db, ['meta'], 'readonly', action, (tx) => tx.store.get(key));
  if (raw === undefined) return undefined;
  const result = validateShape(schema, raw, key);
  if (!result.ok) throw corruptRecordError({ store: 'meta', key, message: result.error }, action);
  return result.value;
}

async function writeMeta(db: RoundupDatabase, key: string, value: unknown, action: string): Promise<void> {
  await inTransaction(db, ['meta'], 'readwrite', action, async (tx) => {
    if (value === null) await tx.store.delete(key);
    else await tx.store.put(value, key);
  });
}

export function getDeviceId(db: RoundupDatabase): Promise<string | undefined> {
  return readMeta(db, DEVICE_ID_KEY, deviceIdSchema, 'read the device id');
}

/** The device id, created on first use; read and creation share one transaction so two pages agree. */
export async function ensureDeviceId(db: RoundupDatabase, makeId: () => string): Promise<string> {
  const action = 'create the device id';
  const stored = await inTransaction(db, ['meta'], 'readwrite', action, async (tx) => {
    const existing: unknown = await tx.store.get(DEVICE_ID_KEY);
    if (existing !== undefined) return existing;
    const created = makeId();
    if (!isDeviceId(created)) throw new RangeError(`Not a usable device id: ${JSON.stringify(created)}`);
    await tx.store.put(created, DEVICE_ID_KEY);
    return created;
  });
  const result = validateShape(deviceIdSchema, stored, DEVICE_ID_KEY);
  if (!result.ok) throw corruptRecordError({ store: 'meta', key: DEVICE_ID_KEY, message: result.error }, action);
  return result.value;
}

export function getClockState(db: RoundupDatabase): Promise<ClockState | undefined> {
  return readMeta(db, CLOCK_KEY, clockStateSchema, 'read the sync clock');
}

export function putClockState(db: RoundupDatabase, state: ClockState): Promise<void> {
  return writeMeta(db, CLOCK_KEY, { deviceId: state.deviceId, ms: state.ms, counter: state.counter }, 'save the sync clock');
}

export function getCurrentDraftId(db: RoundupDatabase): Promise<string | undefined> {
  return readMeta(db, CURRENT_DRAFT_KEY, nonEmpty, 'read the current draft');
}

/** `null` forgets the current draft. */
export function putCurrentDraftId(db: RoundupDatabase, issueId: string | null): Promise<void> {
  return writeMeta(db, CURRENT_DRAFT_KEY, issueId, 'remember the current draft');
}

export function getLastSectionId(db: RoundupDatabase, site: string): Promise<string | undefined> {
  return readMeta(db, lastSectionKey(site), nonEmpty, `read the last section used for ${site}`);
}

export function putLastSectionId(db: RoundupDatabase, site: string, sectionId: string): Promise<void> {
  return writeMeta(db, lastSectionKey(site), sectionId, `remember the section used for ${site}`);
}
