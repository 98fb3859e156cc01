/**
 * Writes an issue that arrived from another device: merged into the stored copy (core/merge.ts) in one
 * transaction, so an edit saved on this device between the read and the write cannot be lost. Expired
 * tombstones are collected on the way (core/tombstones.ts), the only place sync drops anything.
 */
import { mergeIssues, normalizeIssue } from '../../core/merge.ts';
import type { Issue } from '../../core/model.ts';
import { parseIssue } from '../../core/schema.ts';
import { collectTombstones } from '../../core/tombstones.ts';
import type { RoundupDatabase } from '../../storage/db.ts';
import { corruptRecordError } from '../../storage/record-problems.ts';
import { StorageError } from '../../storage/storage-error.ts';
import { inTransaction } from '../../storage/transaction.ts';

export interface MergeOutcome {
  /** What is stored now. */
  issue: Issue;
  /** The stored issue changed (or was created). */
  changed: boolean;
  /** The incoming copy lacks something this device holds: the sender has not seen it yet. */
  behind: boolean;
}

export async function mergeIssueIntoStore(db: RoundupDatabase, incoming: Issue, nowMs: number): Promise<MergeOutcome> {
  const action = `merge issue #${incoming.number} from another device`;
  return inTransaction(db, ['issues'], 'readwrite', action, async (tx) => {
    const raw: unknown = await tx.store.get(incoming.id);
    let stored: Issue | undefined;
    if (raw !== undefined) {
      const parsed = parseIssue(raw);
      // Merging into a damaged record would overwrite what might still be rescued from it.
      if (!parsed.ok) throw corruptRecordError({ store: 'issues', key: incoming.id, message: parsed.error }, action);
      stored = parsed.value;
    }
    const canonicalIncoming = normalizeIssue(incoming);
    const merged = collectTombstones(stored === undefined ? canonicalIncoming : mergeIssues(stored, canonicalIncoming), nowMs);
    const mergedJson = JSON.stringify(merged);
    const changed = stored === undefined || JSON.stringify(normalizeIssue(stored)) !== mergedJson;
    if (changed) {
      const checked = parseIssue(merged);
      if (!checked.ok) throw new StorageError('corrupt', `Could not ${action}: the merged issue is malformed (${checked.error}).`);
      await tx.store.put(checked.value);
    }
    return { issue: merged, changed, behind: JSON.stringify(canonicalIncoming) !== mergedJson };
  });
}
