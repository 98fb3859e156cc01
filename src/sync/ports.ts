/**
 * What the sync mirror needs from the outside world, as interfaces: src/sync/browser/ wires them to
 * `browser.storage.sync` and the worker's timers and alarms, src/sync/idb/ to IndexedDB; tests use
 * in-memory fakes (memory-sync-area.ts, manual-scheduler.ts), so the mirror runs in Node unchanged.
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

export interface MirroredIssueListing {
  id: string;
  /**
   * The per-issue "sync this issue" switch. Best stored with synced data, so that every device
   * agrees; an opted-out draft is never written or removed by this device (see mirror.ts).
   */
  syncEnabled: boolean;
}

/** One issue's "sync this issue" switch, with the clock of its last flip (idb/synced-choices.ts). */
export interface SyncChoice {
  sync: boolean;
  at: Hlc;
}

export type SyncChoices = ReadonlyMap<string, SyncChoice>;

/** What became of an issue from another device. */
export interface ReceivedIssue {
  /** What is stored now. */
  issue: Issue;
  /** Sections and items live here that the copy removed longer ago than the tombstone lifetime: kept live. */
  keptLive: number;
}

/** The local source of truth (IndexedDB), as the mirror sees it: every issue it mirrors, published ones included. */
export interface MirroredIssueStore {
  /** The issues that should be mirrored: drafts, and any issue whose change others must still see. */
  listMirroredIssues(): Promise<MirroredIssueListing[]>;
  getIssue(id: string): Promise<Issue | undefined>;
  /**
   * Merges another device's copy into the stored one in one transaction (core/merge.ts), without the
   * copy's removals older than the tombstone lifetime. Its clocks have been checked (clock-trust.ts).
   * Throws when the merged issue cannot be stored; the stored copy is then unchanged, and the error's
   * `plainReason` (when it has one) says why in words for the editor.
   */
  putIssue(issue: Issue): Promise<ReceivedIssue>;
}

/** A small synced value other than drafts: the settings, the featured keys of published issues. */
export interface SyncedValueSource<T> {
  read(): Promise<{ value: T; at: Hlc } | undefined>;
  /**
   * A value arrived from another device; the source decides (settings: newest `at` wins; featured keys: merged
   * per issue). Resolves to what it refused of the value, in plain words, when it took only part of it.
   */
  apply(value: T, at: Hlc): Promise<string | void>;
}

/**
 * Where the mirror keeps what it knows between runs (mirror-memory.ts): a service worker is stopped
 * whenever it idles, and what the mirror wrote, saw vanish or set aside must outlive it.
 */
export interface MirrorMemoryStore {
  /** What was saved last, unchecked (the mirror validates it); undefined when nothing was. */
  load(): Promise<unknown>;
  save(memory: unknown): Promise<void>;
}

/**
 * One named job at a time: `schedule` replaces the pending run of that name. In the extension:
 * `setTimeout` for short delays, `alarms` for back-off (a service worker may sleep in between).
 */
export interface SyncScheduler {
  schedule(job: string, delayMs: number, run: () => Promise<void>): void;
  cancel(job: string): void;
}
