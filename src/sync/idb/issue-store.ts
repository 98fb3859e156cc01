/**
 * IndexedDB as the sync mirror's MirroredIssueStore (src/sync/ports.ts). Which issues are mirrored:
 * - every draft;
 * - an issue published or deleted within `RECENT_CHANGE_MS`, so the other devices learn of it: a draft
 *   that merely vanished from the area would be written back by a device that still holds it as a draft;
 * - for a while, an issue that arrived from a device that is behind on it (it still holds a published issue
 *   as a draft, say, after a long time offline): this device writes its newer copy once, so that device
 *   catches up instead of writing its old copy back every time this device removes it. The debt ends
 *   when that device removes the record (it has caught up) or after `OWED_MS`.
 * Every device decides from the same merged data, so they agree on what belongs in the area.
 */
import * as v from 'valibot';
import { parseHlc, ZERO_HLC } from '../../core/hlc.ts';
import type { Hlc, Issue } from '../../core/model.ts';
import { parseIssue } from '../../core/schema.ts';
import { deletionClockOf } from '../../core/tombstones.ts';
import type { MirroredIssueListing, MirroredIssueStore, ReceivedIssue } from '../ports.ts';
import type { RoundupDatabase } from '../../storage/db.ts';
import { getIssue } from '../../storage/issues-repo.ts';
import { mergeIssueIntoStore } from './merge-into-store.ts';
import type { SyncChoices } from './choices-repo.ts';
import { inTransaction } from '../../storage/transaction.ts';

export const RECENT_CHANGE_MS = 7 * 24 * 60 * 60 * 1000;
export const OWED_MS = 30 * 60 * 1000;

export interface SyncIssueStoreOptions {
  db: () => Promise<RoundupDatabase>;
  now: () => number;
  /** The "sync this issue" switches; an issue without one syncs. */
  choices: () => Promise<SyncChoices>;
  /** An issue from another device changed what is stored here. */
  onApplied?: (issue: Issue) => void;
}

export interface SyncIssueStore extends MirroredIssueStore {
  /** Another device removed the issue's record from the area: it holds what this device owed it. */
  forgetOwed(issueId: string): Promise<void>;
}

/** The debts outlive the worker (a debt of 30 minutes spans many worker lifetimes): kept in the meta store. */
const OWED_KEY = 'syncOwedUntil';
const owedSchema = v.record(v.string(), v.pipe(v.number(), v.integer(), v.minValue(0)));

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

export function createSyncIssueStore({ db, now, choices, onApplied }: SyncIssueStoreOptions): SyncIssueStore {
  let owed: Map<string, number> | undefined;

  async function owedUntil(): Promise<Map<string, number>> {
    if (owed === undefined) {
      const raw: unknown = await inTransaction(await db(), ['meta'], 'readonly', 'read what sync owes other devices', (tx) => tx.store.get(OWED_KEY));
      const parsed = v.safeParse(owedSchema, raw);
      // Only a courtesy to a device that is behind: an unreadable record is worth a fresh start, not an error.
      owed ??= new Map(parsed.success ? Object.entries(parsed.output) : []);
    }
    return owed;
  }

  async function saveOwed(debts: Map<string, number>): Promise<void> {
    const nowMs = now();
    for (const [issueId, until] of debts) if (until <= nowMs) debts.delete(issueId);
    await inTransaction(await db(), ['meta'], 'readwrite', 'remember what sync owes other devices',
      async (tx) => void await tx.store.put(Object.fromEntries(debts), OWED_KEY));
  }

  return {
    async listMirroredIssues(): Promise<MirroredIssueListing[]> {
      const nowMs = now();
      const debts = await owedUntil();
      const records = await inTransaction(await db(), ['issues'], 'readonly', 'list the issues to sync', (tx) => tx.store.getAll());
      const switches = await choices();
      return records.flatMap((raw: unknown) => {
        const isOwed = typeof raw === 'object' && raw !== null && 'id' in raw && (debts.get(String(raw.id)) ?? 0) > nowMs;
        if (!isOwed && !looksMirrored(raw, nowMs)) return [];
        // A damaged record stays local: getIssue would refuse it, and with it the whole sync run.
        const parsed = parseIssue(raw);
        if (!parsed.ok) return [];
        return [{ id: parsed.value.id, syncEnabled: switches.get(parsed.value.id)?.sync ?? true }];
      });
    },

    async getIssue(id) {
      return getIssue(await db(), id);
    },

    async putIssue(issue): Promise<ReceivedIssue> {
      const nowMs = now();
      const outcome = await mergeIssueIntoStore(await db(), issue, nowMs);
      if (outcome.behind && !isMirroredByData(outcome.issue, nowMs)) {
        const debts = await owedUntil();
        debts.set(issue.id, nowMs + OWED_MS);
        await saveOwed(debts);
      }
      if (outcome.changed) onApplied?.(outcome.issue);
      return { issue: outcome.issue, keptLive: outcome.keptLive };
    },

    async forgetOwed(issueId) {
      const debts = await owedUntil();
      if (debts.delete(issueId)) await saveOwed(debts);
    },
  };
}
