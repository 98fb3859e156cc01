/**
 * The sync status the pages show (status-view.ts), built from the mirror's status: the issues kept on this
 * device only and why, and every problem in plain words: never the browser's quota names, a record key,
 * a schema path or a clock. What the mirror set aside is said per record, with what happened to it.
 */
import { SETTINGS_BUDGET, type LocalOnlyReason } from '../core/sync-budget.ts';
import { TOMBSTONE_LIFETIME_MS } from '../core/tombstones.ts';
import type { SyncNote } from './mirror-memory.ts';
import type { SyncStatus } from './mirror.ts';
import type { SyncChoices } from './ports.ts';
import type { LocalOnlyIssue, SyncStatusView } from './status-view.ts';

export interface SyncStatusInput {
  status: SyncStatus;
  /** Persisted, for a worker that restarted and has not finished a run yet. */
  storedLastSyncedAt: number | null;
  choices: SyncChoices;
  /** Numbers and titles of the stored issues, at least those named in the status (issueIdsNamedIn). */
  issues: readonly { id: string; number: number; title: string }[];
  /** The switches could not be written to the sync area (already in plain words). */
  choicesError: string | null;
}

/**
 * The issues the view names: those kept local-only and those a note is about. Only these are read for
 * `SyncStatusInput.issues`, so the status costs the same with a long archive as with none.
 */
export function issueIdsNamedIn(status: SyncStatus): string[] {
  const noted = status.notes.flatMap((note) => (note.record.kind === 'draft' ? [note.record.issueId] : []));
  return [...new Set([...status.localOnly, ...noted])];
}

export function buildSyncStatusView({ status, storedLastSyncedAt, choices, issues, choicesError }: SyncStatusInput): SyncStatusView {
  const byId = new Map(issues.map((issue) => [issue.id, issue]));
  const optedOut = [...choices].filter(([, choice]) => !choice.sync).map(([issueId]) => issueId).sort();
  const localOnly = status.localOnly.map((issueId): LocalOnlyIssue => ({
    issueId, number: byId.get(issueId)?.number ?? 0, title: byId.get(issueId)?.title ?? '',
    reason: (choices.get(issueId)?.sync === false ? 'opted-out' : 'no-room') satisfies LocalOnlyReason,
  }));
  const error = status.error !== undefined && status.state === 'error' ? plainSyncError(status.error) : choicesError;
  const notices = [...new Set([...status.notes].sort((a, b) => b.seenAt - a.seenAt).map((note) => describeSyncNote(note, byId)))];
  if (status.houseStyleLocalOnly) notices.unshift(describeHouseStyleLocalOnly(status.houseStyleLocalOnly.bytes));
  return {
    state: status.state === 'error' || error === null ? status.state : 'error',
    lastSyncedAt: status.lastSyncedAt ?? storedLastSyncedAt,
    error, notices, localOnly, optedOut,
  };
}

/** One note of the mirror (mirror-memory.ts) as a sentence for the editor. */
export function describeSyncNote(note: SyncNote, issues: ReadonlyMap<string, { number: number; title: string }>): string {
  const held = note.record.kind === 'draft' ? issues.get(note.record.issueId) : undefined;
  const what = note.record.kind === 'settings' ? 'The settings from another device'
    : note.record.kind === 'featured' ? 'The list of links featured in past issues, from another device'
      : held ? `Issue #${held.number}${held.title ? ` (${held.title})` : ''} from another device` : 'An issue from another device';
  const yours = note.record.kind === 'draft' && held === undefined ? 'It was left as it is.' : 'This device\u2019s copy is synced in its place.';
  const checkClocks = 'Check the date and time on your devices.';
  switch (note.kind) {
    case 'unreadable': return `${what} could not be read, so it was set aside. ${yours}`;
    case 'newer-version': return `${what} was saved by a newer version of Roundup and was left as it is. Update Roundup on this device.`;
    case 'unmergeable': return `${what} could not be merged${note.detail ? `: ${note.detail}` : ''}. It was set aside; the rest of sync goes on.`;
    case 'future-clocks': return `Some edits in ${lowerFirst(what)} are dated more than a day ahead of this device\u2019s clock, so they were not applied. ${checkClocks}`;
    case 'partly-refused': return `${what} ${note.detail ?? 'was only partly taken'}. The rest was applied.`;
    case 'stale-removals': return `${what} removed ${note.count === 1 ? 'an item' : `${note.count} items or sections`} more than `
      + `${Math.round(TOMBSTONE_LIFETIME_MS / 86_400_000)} days ago by its clock; ${note.count === 1 ? 'it was' : 'they were'} kept here. ${checkClocks}`;
  }
}

/** The settings record would be `bytes` with the house style in it: more than the settings' share. */
export function describeHouseStyleLocalOnly(bytes: number): string {
  return `Your house style\u2019s templates are too big to sync (${kilobytes(bytes)} with the settings; sync keeps ${kilobytes(SETTINGS_BUDGET.maxBytes)} for them), `
    + 'so they are kept on this device only. The other settings sync; other devices keep their own house style.';
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The mirror's error (the browser's words) as a sentence for the editor; the raw words stay in the console. */
export function plainSyncError(message: string): string {
  const seconds = Number(/retrying in (\d+) s/.exec(message)?.[1] ?? NaN);
  const retry = Number.isNaN(seconds) ? '' : ` Roundup will try again ${seconds < 90 ? `in ${seconds} seconds` : `in ${Math.round(seconds / 60)} minutes`}; your edits are safe on this device.`;
  if (/MAX_WRITE_OPERATIONS_PER_MINUTE/.test(message)) return `Too many changes in a short time for the browser\u2019s sync (it takes 120 a minute).${retry}`;
  if (/MAX_WRITE_OPERATIONS_PER_HOUR/.test(message)) return `Too many changes this hour for the browser\u2019s sync (it takes 1,800 an hour).${retry}`;
  if (/quota/i.test(message)) return `The browser\u2019s sync storage refused the change (it holds 100 KB at most).${retry}`;
  if (/IndexedDB|database|storage/i.test(message)) return `Sync could not read or save this device\u2019s data just now.${retry}`;
  return `Sync stopped on a problem Roundup did not expect.${retry || ' Your edits are safe on this device.'}`;
}
