/**
 * IndexedDB as the sync mirror's DraftStore (src/sync/ports.ts). Which issues are mirrored:
 * - every draft;
 * - an issue published or deleted within `RECENT_CHANGE_MS`, so the other devices learn of it: a draft
 *   that merely vanished from the area would be written back by a device that still holds it as a draft;
 * - for a while, an issue that arrived from a device that is behind on it (it still holds a published issue
 *   as a draft, say, after a long time offline): this device writes its newer copy once, so that device
 *   catches up instead of writing its old copy back every time this device removes it. The debt ends
 *   when that device removes the record (it has caught up) or after `OWED_MS`.
 * Every device decides from the same merged data, so they agree on what belongs in the area.
 */
import { parseHlc, ZERO_HLC } from '../../core/hlc.ts';
import type { Hlc, Issue } from '../../core/model.ts';
import { parseIssue } from '../../core/schema.ts';
import { deletionClockOf } from '../../core/tombstones.ts';
import type { DraftListing, DraftStore } from '../ports.ts';
import type { RoundupDatabase } from '../../storage/db.ts';
import { getIssue } from '../../storage/issues-repo.ts';
import { mergeIssueIntoStore } from './merge-into-store.ts';
import type { SyncChoices } from './choices-repo.ts';
import { inTransaction } from '../../storage/transaction.ts';

export const RECENT_CHANGE_MS = 7 * 24 * 60 * 60 * 1000;
export const OWED_MS = 30 * 60 * 1000;

export interface SyncDraftStoreOptions {
  db: () => Promise<RoundupDatabase>;
  now: () => number;
  /** The "sync this issue" switches; an issue without one syncs. */
  choices: () => Promise<SyncChoices>;
  /** An issue from another device changed what is stored here. */
  onApplied?: (issue: Issue) => void;
}

export interface SyncDraftStore extends DraftStore {
  /** Another device removed the issue's record from the area: it holds what this device owed it. */
  forgetOwed(issueId: string): void;
}

type Lifecycle = Pick<Issue, 'status' | 'clocks' | 'deleted'>;

/** Whether the issue belongs in the area by its own data (see the file comment). */
export function isMirroredByData(issue: Lifecycle, nowMs: number): boolean {
  const recent = (at: Hlc | undefined) => (parseHlc(at ?? ZERO_HLC)?.ms ?? 0) >= nowMs - RECENT_CHANGE_MS;
  if (issue.deleted !== undefined) return recent(deletionClockOf(issue));
  return issue.status === 'draft' || recent(issue.clocks.status);
}

/** A cheap look at a stored record before validating it: most of an archive is old published issues. */
function looksMirrored(raw: unknown, nowMs: number): boolean {
  if (typeof raw !== 'object' || raw === null) return false;
  const { status, clocks, deleted } = raw as Partial<Record<keyof Lifecycle, unknown>>;
  if (typeof clocks !== 'object' || clocks === null) return false;
  return isMirroredByData({ status: status as Issue['status'], clocks: clocks as Issue['clocks'], deleted: deleted as Hlc | undefined }, nowMs);
}

export function createSyncDraftStore({ db, now, choices, onApplied }: SyncDraftStoreOptions): SyncDraftStore {
  const owedUntil = new Map<string, number>();

  return {
    async listDrafts(): Promise<DraftListing[]> {
      const nowMs = now();
      const records = await inTransaction(await db(), ['issues'], 'readonly', 'list the issues to sync', (tx) => tx.store.getAll());
      const switches = await choices();
      return records.flatMap((raw: unknown) => {
        const owed = typeof raw === 'object' && raw !== null && 'id' in raw && (owedUntil.get(String(raw.id)) ?? 0) > nowMs;
        if (!owed && !looksMirrored(raw, nowMs)) return [];
        // A damaged record stays local: getIssue would refuse it, and with it the whole sync run.
        const parsed = parseIssue(raw);
        if (!parsed.ok) return [];
        return [{ id: parsed.value.id, syncEnabled: switches.get(parsed.value.id)?.sync ?? true }];
      });
    },

    async getIssue(id) {
      return getIssue(await db(), id);
    },

    async putIssue(issue) {
      const nowMs = now();
      const outcome = await mergeIssueIntoStore(await db(), issue, nowMs);
      if (outcome.behind && !isMirroredByData(outcome.issue, nowMs)) owedUntil.set(issue.id, nowMs + OWED_MS);
      if (outcome.changed) onApplied?.(outcome.issue);
      return outcome.issue;
    },

    forgetOwed(issueId) {
      owedUntil.delete(issueId);
    },
  };
}
