/**
 * The featured keys (core/featured-keys.ts) on this device: one list in the meta store, holding what
 * arrived from other devices merged with what this device's own issues say. The popup reads it to say
 * "Featured in Issue #N" for issues this device never held; the sync mirror reads it (refreshed from
 * the issues first) to write the area, and merges what arrives into it. Nothing is ever removed
 * because the area lost it: records go only when a newer tombstone replaces them, and tombstones
 * after 30 days. A tombstone that arrives already older than that is not applied, and a record stamped
 * more than a day ahead of this device's clock counts as older than any (core/clock-trust.ts).
 */
import { collectFeaturedTombstones, latestFeaturedClock, mergeFeaturedKeys, mergeOwnFeaturedRecords, ownFeaturedRecord,
  type FeaturedIssueKeys, type OwnFeaturedRecord } from '../../core/featured-keys.ts';
import { parseFeaturedKeys } from '../../core/featured-keys-schema.ts';
import { ZERO_HLC, isClockAhead } from '../../core/hlc.ts';
import type { Issue } from '../../core/model.ts';
import { parseIssue } from '../../core/schema.ts';
import type { SyncedValueSource } from '../ports.ts';
import type { RoundupDatabase } from '../../storage/db.ts';
import { inTransaction, quietStoreStamp } from '../../storage/transaction.ts';

const FEATURED_KEYS_KEY = 'syncFeaturedKeys';

/** The list as stored; empty when there is none, or when it is damaged (it is rebuilt from the issues and the area). */
export async function getSyncedFeaturedKeys(db: RoundupDatabase): Promise<FeaturedIssueKeys[]> {
  return readStored(await inTransaction(db, ['meta'], 'readonly', 'read the featured links from other devices',
    (tx) => tx.store.get(FEATURED_KEYS_KEY)));
}

export function createSyncedFeaturedKeys(db: () => Promise<RoundupDatabase>, now: () => number): SyncedValueSource<FeaturedIssueKeys[]> {
  /** Read, change and write back in one transaction, so an update made meanwhile is merged, not lost. */
  async function update(change: (stored: FeaturedIssueKeys[]) => FeaturedIssueKeys[], action: string): Promise<FeaturedIssueKeys[]> {
    return inTransaction(await db(), ['meta'], 'readwrite', action, async (tx) => {
      const raw: unknown = await tx.store.get(FEATURED_KEYS_KEY);
      // Heals a record stamped far ahead (merged before the clock rule): this device's own issues win it back.
      const stored = readStored(raw).map((record) => (isClockAhead(record.at, now()) ? { ...record, at: ZERO_HLC } : record));
      const next = collectFeaturedTombstones(change(stored), now());
      if (JSON.stringify(next) !== JSON.stringify(raw)) await tx.store.put(next, FEATURED_KEYS_KEY);
      return next;
    });
  }

  /**
   * Each stored issue's record (core/featured-keys.ts ownFeaturedRecord), kept while no write to the
   * issues store started or ended since they were read: the mirror reads this after every change of
   * anything, and reading and fingerprinting a long archive again each time held up the popup.
   */
  let own: { stamp: number; records: OwnFeaturedRecord[] } | null = null;
  async function ownRecords(): Promise<OwnFeaturedRecord[]> {
    const stamp = quietStoreStamp('issues');
    if (own !== null && stamp !== undefined && own.stamp === stamp) return own.records;
    const records = (await readAllIssues(await db())).map(ownFeaturedRecord);
    own = stamp !== undefined && quietStoreStamp('issues') === stamp ? { stamp, records } : null;
    return records;
  }

  return {
    async read() {
      const records = await ownRecords();
      const list = await update((stored) => mergeOwnFeaturedRecords(stored, records), 'update the featured links for sync');
      const at = latestFeaturedClock(list);
      return at === undefined ? undefined : { value: list, at };
    },
    async apply(value) {
      const fresh = collectFeaturedTombstones(value, now());
      await update((stored) => mergeFeaturedKeys(stored, fresh), 'save the featured links from another device');
    },
  };
}

function readStored(raw: unknown): FeaturedIssueKeys[] {
  if (raw === undefined) return [];
  const parsed = parseFeaturedKeys(raw);
  return parsed.ok ? parsed.value : [];
}

/** Deleted issues too (they leave tombstones); a damaged record stays out, as the issue list reports it. */
async function readAllIssues(db: RoundupDatabase): Promise<Issue[]> {
  const records = await inTransaction(db, ['issues'], 'readonly', 'read the issues for the featured links', (tx) => tx.store.getAll());
  return records.flatMap((raw: unknown) => {
    const parsed = parseIssue(raw);
    return parsed.ok ? [parsed.value] : [];
  });
}
