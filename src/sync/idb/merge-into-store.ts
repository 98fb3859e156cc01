/**
 * Writes an issue that arrived from another device: merged into the stored copy in one transaction
 * (core/receive-issue.ts `mergeReceivedIssue`), so an edit saved on this device between the read and the
 * write cannot be lost. The copy's removals older than the tombstone lifetime are not applied, and
 * tombstones past the collection age are collected on the way, the only place sync drops anything.
 */
import { normalizeIssue } from '../../core/merge.ts';
import type { Issue } from '../../core/model.ts';
import { mergeReceivedIssue } from '../../core/receive-issue.ts';
import { parseIssue } from '../../core/schema.ts';
import { describeUnstorableIssue } from '../../core/unstorable-issue.ts';
import type { RoundupDatabase } from '../../storage/db.ts';
import { StorageError } from '../../storage/storage-error.ts';
import { refreshFeatured } from '../../storage/featured-store.ts';
import { inTransaction } from '../../storage/transaction.ts';

export interface MergeOutcome {
  /** What is stored now (for a copy that changed nothing and was not stored: the copy). */
  issue: Issue;
  /** The stored issue changed (or was created). */
  changed: boolean;
  /** The incoming copy lacks something this device holds: the sender has not seen it yet. */
  behind: boolean;
  /** Sections and items (or the issue) live here that the copy removed longer ago than the lifetime: kept live. */
  keptLive: number;
}

/** Thrown when the copy cannot be merged into what is stored; `plainReason` says why in words for the editor. */
export class UnmergeableIssueError extends StorageError {
  constructor(readonly plainReason: string, message: string) {
    super('corrupt', message);
  }
}

export async function mergeIssueIntoStore(db: RoundupDatabase, incoming: Issue, nowMs: number): Promise<MergeOutcome> {
  const action = `merge issue #${incoming.number} from another device`;
  const canonicalIncoming = normalizeIssue(incoming);
  return inTransaction(db, ['issues', 'featured'], 'readwrite', action, async (tx) => {
    const raw: unknown = await tx.objectStore('issues').get(incoming.id);
    let stored: Issue | undefined;
    if (raw !== undefined) {
      const parsed = parseIssue(raw);
      // Merging into a damaged record would overwrite what might still be rescued from it.
      if (!parsed.ok) {
        throw new UnmergeableIssueError('the copy on this device is damaged, so nothing was merged into it',
          `Could not ${action}: the saved record is damaged (${parsed.error}).`);
      }
      stored = parsed.value;
    }
    const { merged, keptLive } = mergeReceivedIssue(stored, canonicalIncoming, nowMs);
    if (merged === null) return { issue: canonicalIncoming, changed: false, behind: false, keptLive };
    const mergedJson = JSON.stringify(merged);
    const changed = stored === undefined || JSON.stringify(normalizeIssue(stored)) !== mergedJson;
    if (changed) {
      const checked = parseIssue(merged);
      if (!checked.ok) {
        throw new UnmergeableIssueError(describeUnstorableIssue(checked.error), `Could not ${action}: the merged issue is malformed (${checked.error}).`);
      }
      await tx.objectStore('issues').put(checked.value);
      await refreshFeatured(tx, checked.value.id, checked.value);
    }
    return { issue: merged, changed, behind: JSON.stringify(canonicalIncoming) !== mergedJson, keptLive };
  });
}
