/** The sync area seen as Roundup's records (a head and its chunks) plus keys written by others. */
import { parseSyncKey, syncItemBytes, type EncodedRecord, type SyncRecordRef } from '../core/sync-codec.ts';
import type { SyncCost } from '../core/sync-budget.ts';

export interface AreaRecord {
  ref: SyncRecordRef;
  /** The head and chunk keys present, whatever the head says. */
  keys: string[];
}

export interface AreaLayout {
  records: Map<string, AreaRecord>;
  foreignKeys: string[];
}

export function readAreaLayout(area: Readonly<Record<string, unknown>>): AreaLayout {
  const records = new Map<string, AreaRecord>();
  const foreignKeys: string[] = [];
  for (const key of Object.keys(area).sort()) {
    const parsed = parseSyncKey(key);
    if (parsed === null) {
      foreignKeys.push(key);
      continue;
    }
    const record = records.get(parsed.recordKey) ?? { ref: parsed.record, keys: [] };
    record.keys.push(key);
    records.set(parsed.recordKey, record);
  }
  return { records, foreignKeys };
}

export function costOfKeys(area: Readonly<Record<string, unknown>>, keys: readonly string[]): SyncCost {
  return keys.reduce((cost, key) => ({ bytes: cost.bytes + syncItemBytes(key, area[key]), items: cost.items + 1 }), { bytes: 0, items: 0 });
}

export function addCosts(...costs: readonly SyncCost[]): SyncCost {
  return costs.reduce((total, cost) => ({ bytes: total.bytes + cost.bytes, items: total.items + cost.items }), { bytes: 0, items: 0 });
}

/** Whether the area lacks any of the record's items or holds a different value for one. */
export function recordDiffers(area: Readonly<Record<string, unknown>>, record: EncodedRecord): boolean {
  return Object.entries(record.items).some(([key, value]) => JSON.stringify(area[key]) !== JSON.stringify(value));
}
