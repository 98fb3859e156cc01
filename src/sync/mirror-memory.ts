/**
 * What the sync mirror remembers from one run to the next, kept in IndexedDB (idb/mirror-memory-repo.ts)
 * because a service worker is stopped whenever it idles:
 * - `knownSums`: the checksum of each record this device wrote or applied, so its own echoes are not read
 *   again, and a record that then vanishes from the area is told from one that never came;
 * - `missingSince`: when such a record vanished, so it is written back `repairDelayMs` after that, not
 *   after every restart anew (nor at once);
 * - `incompleteSince`: when a half-arrived record was first seen, for its grace period;
 * - `notes`: records from other devices that were set aside or only partly applied, for the status line.
 * It lives beside the drafts it describes, so clearing the data clears both: the mirror can never believe
 * it applied a record whose data is gone. What it loads is checked; anything unreadable starts afresh.
 */
import * as v from 'valibot';
import type { SyncRecordRef } from '../core/sync-codec.ts';

export type SyncNoteKind =
  /** Could not be read (damaged, or not a Roundup record); this device's own copy is written over it when it has one. */
  | 'unreadable'
  /** Written by a newer Roundup: left as it is. */
  | 'newer-version'
  /** Read, but merging it with this device's copy would break a limit: set aside, this device's copy written over it. */
  | 'unmergeable'
  /** Applied, but its edits stamped more than a day ahead of this device's clock were not. */
  | 'future-clocks'
  /** Applied, but its removals older than the tombstone lifetime were not: `count` sections and items kept live. */
  | 'stale-removals'
  /** Applied but for a part this device refused (`detail` says what and why): a house style that does not render. */
  | 'partly-refused';

export interface SyncNote {
  kind: SyncNoteKind;
  recordKey: string;
  record: SyncRecordRef;
  /** How many clocks, or sections and items, the note is about. */
  count: number;
  /** Why, in plain words, when there is more to say (an issue too big to store). */
  detail: string | null;
  /** When the record was last found this way (ms since the epoch). */
  seenAt: number;
}

export interface MirrorMemory {
  knownSums: Record<string, string>;
  missingSince: Record<string, number>;
  incompleteSince: Record<string, number>;
  notes: SyncNote[];
}

/** A note is shown this long after its record was last found that way, then forgotten. */
export const NOTE_SHOWN_MS = 24 * 60 * 60 * 1000;

export function emptyMirrorMemory(): MirrorMemory {
  return { knownSums: {}, missingSince: {}, incompleteSince: {}, notes: [] };
}

const time = v.pipe(v.number(), v.integer(), v.minValue(0));
const recordRef = v.variant('kind', [
  v.strictObject({ kind: v.literal('draft'), issueId: v.pipe(v.string(), v.maxLength(1_000)) }),
  v.strictObject({ kind: v.literal('settings') }),
  v.strictObject({ kind: v.literal('featured') }),
]);
const note = v.strictObject({
  kind: v.picklist(['unreadable', 'newer-version', 'unmergeable', 'future-clocks', 'stale-removals', 'partly-refused']),
  recordKey: v.string(), record: recordRef, count: v.pipe(v.number(), v.integer(), v.minValue(0)),
  detail: v.nullable(v.pipe(v.string(), v.maxLength(2_000))), seenAt: time,
});
const memorySchema = v.strictObject({
  knownSums: v.record(v.string(), v.string()),
  missingSince: v.record(v.string(), time),
  incompleteSince: v.record(v.string(), time),
  notes: v.pipe(v.array(note), v.maxLength(1_000)),
});

/** The saved memory, or an empty one when there is none or it cannot be read (it is only a cache of the area). */
export function readMirrorMemory(saved: unknown): MirrorMemory {
  const parsed = v.safeParse(memorySchema, saved);
  return parsed.success ? parsed.output : emptyMirrorMemory();
}
