/**
 * What the sync mirror needs from the outside world, as interfaces: the background wires them to
 * `browser.storage.sync`, the IndexedDB repositories and timers/alarms; tests use in-memory fakes
 * (memory-sync-area.ts, manual-scheduler.ts), so the mirror runs in Node unchanged.
 */
import type { Hlc, Issue } from '../core/model.ts';

export interface SyncAreaChange {
  oldValue?: unknown;
  newValue?: unknown;
}

/** `browser.storage.sync`, with `onChanged` already filtered to the `sync` area. */
export interface SyncArea {
  /** `null`: everything in the area. */
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  /** Returns the function that stops listening. */
  onChanged(listener: (changes: Record<string, SyncAreaChange>) => void): () => void;
}

export interface DraftListing {
  id: string;
  /**
   * The per-issue "sync this issue" switch. Best stored with synced data, so that every device
   * agrees; an opted-out draft is never written or removed by this device (see mirror.ts).
   */
  syncEnabled: boolean;
}

/** The local source of truth (IndexedDB). */
export interface DraftStore {
  /** The issues that should be mirrored: drafts, and any issue whose change others must still see. */
  listDrafts(): Promise<DraftListing[]>;
  getIssue(id: string): Promise<Issue | undefined>;
  /** Merges `issue` into the stored copy in one transaction (core/merge.ts) and returns the result. */
  putIssue(issue: Issue): Promise<Issue>;
}

/** A small synced value other than drafts: the settings, the featured keys of published issues. */
export interface SyncedValueSource<T> {
  read(): Promise<{ value: T; at: Hlc } | undefined>;
  /** A value arrived from another device; the source decides (settings: newest `at` wins; featured keys: merged per issue). */
  apply(value: T, at: Hlc): Promise<void>;
}

/**
 * One named job at a time: `schedule` replaces the pending run of that name. In the extension:
 * `setTimeout` for short delays, `alarms` for back-off (a service worker may sleep in between).
 */
export interface SyncScheduler {
  schedule(job: string, delayMs: number, run: () => Promise<void>): void;
  cancel(job: string): void;
}
