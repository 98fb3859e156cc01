/**
 * What the pages show about sync (src/ui/sync-status.tsx), built from the mirror's status: the issues kept
 * on this device only and why, and problems in plain words rather than the browser's quota names.
 */
import type { LocalOnlyReason } from '../core/sync-budget.ts';
import type { SyncChoices } from './idb/choices-repo.ts';
import type { SyncState, SyncStatus } from './mirror.ts';

export interface LocalOnlyIssue {
  issueId: string;
  number: number;
  title: string;
  reason: LocalOnlyReason;
}

export interface SyncStatusView {
  state: SyncState;
  /** When this device last finished syncing (ms since the epoch); null: never. */
  lastSyncedAt: number | null;
  /** What went wrong, in plain words; null when nothing did. */
  error: string | null;
  /** Drafts kept on this device only: switched off, or no room left in the browser's sync storage. */
  localOnly: LocalOnlyIssue[];
  /** Issues whose "sync this issue" switch is off (on every device). */
  optedOut: string[];
}

export interface SyncStatusInput {
  status: SyncStatus;
  /** Persisted, for a worker that restarted and has not finished a run yet. */
  storedLastSyncedAt: number | null;
  choices: SyncChoices;
  /** Numbers and titles of stored issues. */
  issues: readonly { id: string; number: number; title: string }[];
  /** The switches could not be written to the sync area. */
  choicesError: string | null;
}

export function buildSyncStatusView({ status, storedLastSyncedAt, choices, issues, choicesError }: SyncStatusInput): SyncStatusView {
  const byId = new Map(issues.map((issue) => [issue.id, issue]));
  const optedOut = [...choices].filter(([, choice]) => !choice.sync).map(([issueId]) => issueId).sort();
  const localOnly = status.localOnly.map((issueId): LocalOnlyIssue => ({
    issueId, number: byId.get(issueId)?.number ?? 0, title: byId.get(issueId)?.title ?? '',
    reason: choices.get(issueId)?.sync === false ? 'opted-out' : 'no-room',
  }));
  const error = status.error !== undefined && status.state === 'error' ? plainSyncError(status.error) : choicesError;
  return {
    state: status.state === 'error' || error === null ? status.state : 'error',
    lastSyncedAt: status.lastSyncedAt ?? storedLastSyncedAt,
    error, localOnly, optedOut,
  };
}

/** The mirror's error (the browser's words, or a record that could not be read) as a sentence for the editor. */
export function plainSyncError(message: string): string {
  const seconds = Number(/retrying in (\d+) s/.exec(message)?.[1] ?? NaN);
  const retry = Number.isNaN(seconds) ? '' : ` Roundup will try again ${seconds < 90 ? `in ${seconds} seconds` : `in ${Math.round(seconds / 60)} minutes`}; your edits are safe on this device.`;
  if (/MAX_WRITE_OPERATIONS_PER_MINUTE/.test(message)) return `Too many changes in a short time for the browser\u2019s sync (it takes 120 a minute).${retry}`;
  if (/MAX_WRITE_OPERATIONS_PER_HOUR/.test(message)) return `Too many changes this hour for the browser\u2019s sync (it takes 1,800 an hour).${retry}`;
  if (/quota/i.test(message)) return `The browser\u2019s sync storage refused the change (it holds 100 KB at most).${retry}`;
  const unreadable = message.split('\n').filter((line) => /^(d:|s|f)\b/.test(line));
  if (unreadable.length > 0) {
    return `Some synced data from another device could not be read, and was left as it is (${unreadable.join('; ')}). `
      + 'Is Roundup up to date on every device?';
  }
  const detail = message.replace(/^sync failed: /, '').replace(/; retrying in \d+ s$/, '');
  return `Sync failed: ${detail}.${retry}`;
}
