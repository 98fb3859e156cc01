/** The words of the sync status line (src/ui/sync-status.tsx), from the background's status view. */
import type { SyncStatusView } from '../sync/status-view.ts';

export type SyncTone = 'ok' | 'busy' | 'warning' | 'error';

export interface SyncStatusText {
  headline: string;
  tone: SyncTone;
  /** Further lines: which issues stay local, the problem in full. */
  details: string[];
  /** What was set aside or not taken from another device, one sentence each (the headline counts them). */
  notices: string[];
}

const MINUTE = 60_000;

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "just now", "5 minutes ago", "3 hours ago", or the date for anything older than a day. */
export function describeSyncedAgo(lastSyncedAt: number, nowMs: number): string {
  const elapsed = Math.max(0, nowMs - lastSyncedAt);
  if (elapsed < MINUTE) return 'just now';
  if (elapsed < 60 * MINUTE) return `${plural(Math.floor(elapsed / MINUTE), 'minute')} ago`;
  if (elapsed < 24 * 60 * MINUTE) return `${plural(Math.floor(elapsed / (60 * MINUTE)), 'hour')} ago`;
  return `on ${new Date(lastSyncedAt).toLocaleDateString(undefined, { dateStyle: 'medium' })}`;
}

export function describeSyncStatus(view: SyncStatusView, nowMs: number): SyncStatusText {
  const noRoom = view.localOnly.filter((issue) => issue.reason === 'no-room');
  const details: string[] = [];
  if (noRoom.length > 0) {
    details.push(`Kept on this device only: ${noRoom.map((issue) => `#${issue.number} ${issue.title}`.trim()).join(', ')}. `
      + 'The browser\u2019s sync holds 100 KB; the most recently edited drafts go first.');
  }
  if (view.optedOut.length > 0) details.push(`${plural(view.optedOut.length, 'issue')} not synced: switched off.`);
  // What was set aside is told apart: the editor may have to act on it, while the rest of sync went on.
  const { notices } = view;
  const noticed = notices.length > 0;
  if (view.state === 'error') return { headline: 'Sync problem', tone: 'error', details: [view.error ?? 'Sync failed.', ...details], notices };
  if (view.state === 'syncing') return { headline: 'Syncing\u2026', tone: 'busy', details, notices };
  if (view.state === 'full' || noRoom.length > 0) {
    return { headline: `Sync full: ${plural(noRoom.length, 'issue')} local only`, tone: 'warning', details, notices };
  }
  if (view.lastSyncedAt === null) return { headline: 'Not synced yet', tone: noticed ? 'warning' : 'busy', details, notices };
  // What Roundup knows is that the browser's sync storage took the data; whether the browser is signed in
  // to sync and carries it to other devices, no extension API tells.
  const saved = `Saved for sync ${describeSyncedAgo(view.lastSyncedAt, nowMs)}`;
  return noticed
    ? { headline: `${saved}; ${plural(notices.length, 'problem')} with data from another device`, tone: 'warning', details, notices }
    : { headline: saved, tone: 'ok', details, notices };
}

/** The "sync this issue" switch: its position, and a note when the issue is not in sync. */
export function describeIssueSync(view: SyncStatusView, issueId: string): { enabled: boolean; note: string | null } {
  const enabled = !view.optedOut.includes(issueId);
  if (!enabled) return { enabled, note: 'Changes to this issue stay on each device that has it.' };
  const noRoom = view.localOnly.some((issue) => issue.issueId === issueId && issue.reason === 'no-room');
  return { enabled, note: noRoom ? 'Not synced for now: no room left in the browser\u2019s sync (newer drafts come first).' : null };
}
