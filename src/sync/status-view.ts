/**
 * What the pages show about sync (src/ui/sync-status.tsx), as the background answers `sync/status`: types
 * only, so the popup, the editor page and the settings page may import them without any of sync's code.
 */
import type { LocalOnlyReason } from '../core/sync-budget.ts';

export type SyncState = 'idle' | 'syncing' | 'error' | 'full';

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
  /** Why sync stopped, in plain words; null when it did not. */
  error: string | null;
  /** Data from another device that was set aside or only partly taken, one plain sentence each; sync goes on. */
  notices: string[];
  /** Drafts kept on this device only: switched off, or no room left in the browser's sync storage. */
  localOnly: LocalOnlyIssue[];
  /** Issues whose "sync this issue" switch is off (on every device). */
  optedOut: string[];
}
