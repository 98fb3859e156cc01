/**
 * Sync across the browser profile (DESIGN.md, "Sync across the profile"): the mirror of src/sync/ wired to
 * `browser.storage.sync`, IndexedDB and the worker's timers and alarms. IndexedDB stays the source of truth;
 * the sync area is a mirror the browser carries to the user's other devices.
 *
 * background/index.ts calls `startSync()` at every worker start (the mirror then reconciles everything, so
 * nothing depends on events a sleeping worker missed) and passes on `storage.onChanged` and `alarms.onAlarm`.
 * Every background write calls `issuesChanged()`, which marks the mirror dirty: a burst of edits is written
 * once, a few seconds after the last.
 */
import browser, { type Storage } from 'webextension-polyfill';
import { parseSyncKey } from '../../core/sync-codec.ts';
import { listIssues } from '../../storage/issues-repo.ts';
import { createSyncDraftStore, type SyncDraftStore } from '../idb/draft-store.ts';
import { createSyncedFeaturedKeys } from '../idb/synced-featured-keys.ts';
import { getLastSyncedAt, putLastSyncedAt } from '../idb/last-synced-repo.ts';
import { createSyncedSettings } from '../idb/synced-settings.ts';
import { SyncMirror } from '../mirror.ts';
import { issuesChanged, onIssuesChanged } from '../../background/changes.ts';
import { nextClock, receiveClock } from '../idb/device-clock.ts';
import { database } from '../../background/database.ts';
import { BrowserSyncArea } from './browser-sync-area.ts';
import { parseChoiceKey, SyncedChoices } from '../idb/synced-choices.ts';
import { TimerAlarmScheduler } from './timer-alarm-scheduler.ts';
import { buildSyncStatusView, type SyncStatusView } from '../build-status-view.ts';

interface SyncRuntime {
  area: BrowserSyncArea;
  scheduler: TimerAlarmScheduler;
  store: SyncDraftStore;
  choices: SyncedChoices;
  mirror: SyncMirror;
}

let runtime: SyncRuntime | undefined;

function reportError(error: unknown): void {
  console.error('Roundup sync:', error);
}

function createRuntime(): SyncRuntime {
  const now = () => Date.now();
  const area = new BrowserSyncArea(browser.storage.sync);
  const scheduler = new TimerAlarmScheduler(browser.alarms, now, reportError);
  const choices = new SyncedChoices({ area, db: database, stamp: nextClock, observeClock: receiveClock, now,
    onChange: () => runtime?.mirror.markDirty() });
  const store = createSyncDraftStore({ db: database, now, choices: () => choices.list(),
    onApplied: () => void issuesChanged().catch(reportError) });
  const parts = { area, scheduler, store, choices };
  return { ...parts, mirror: createMirror(parts) };
}

function createMirror({ area, store, scheduler }: Omit<SyncRuntime, 'mirror'>): SyncMirror {
  const now = () => Date.now();
  const mirror = new SyncMirror({ area, store, scheduler, now, settings: createSyncedSettings(database, nextClock),
    featured: createSyncedFeaturedKeys(database, now), observeClock: receiveClock });
  let persisted: number | null = null;
  mirror.subscribe(({ lastSyncedAt }) => {
    if (lastSyncedAt === null || lastSyncedAt === persisted) return;
    persisted = lastSyncedAt;
    database().then((db) => putLastSyncedAt(db, lastSyncedAt)).catch(reportError);
  });
  return mirror;
}

/** Starts mirroring; called at the top level of the worker, so once per worker start. */
export function startSync(): void {
  if (runtime) return;
  runtime = createRuntime();
  // Sync-applied changes also pass here: the next run then writes back what the merge added.
  onIssuesChanged(() => runtime?.mirror.markDirty());
  runtime.mirror.start();
  runtime.choices.reconcile().catch(reportError);
}

/** `storage.onChanged`, registered at the top level of the worker. */
export function handleStorageChanged(changes: Record<string, Storage.StorageChange>, areaName: string): void {
  if (areaName !== 'sync' || !runtime) return;
  const { area, store, choices } = runtime;
  for (const [key, change] of Object.entries(changes)) {
    const parsed = parseSyncKey(key);
    // A device that has caught up with an issue it was behind on removes its record (sync-draft-store.ts).
    if (parsed?.record.kind === 'draft' && parsed.chunk === null && change.newValue === undefined) store.forgetOwed(parsed.record.issueId);
  }
  area.dispatch(changes);
  if (Object.keys(changes).some((key) => parseChoiceKey(key) !== null)) choices.reconcile().catch(reportError);
}

/** `alarms.onAlarm`: wakes the worker for the mirror's long waits (back-off, repair). */
export function handleSyncAlarm(name: string): void {
  runtime?.scheduler.handleAlarm(name);
}

function requireRuntime(): SyncRuntime {
  startSync();
  return runtime as SyncRuntime;
}

export async function getSyncStatusView(): Promise<SyncStatusView> {
  const { mirror, choices } = requireRuntime();
  const db = await database();
  const [storedLastSyncedAt, switches, listed] = await Promise.all([getLastSyncedAt(db), choices.list(), listIssues(db)]);
  return buildSyncStatusView({ status: mirror.getStatus(), storedLastSyncedAt, choices: switches, issues: listed.values, choicesError: choices.error });
}

/**
 * The "sync this issue" switch. Off: the issue stays on every device that has it, but no device writes
 * it any more, and its record leaves the sync area (freeing room for the others). On: it syncs again.
 */
export async function setIssueSync(issueId: string, sync: boolean): Promise<SyncStatusView> {
  const current = requireRuntime();
  const { area, choices, mirror } = current;
  await choices.set(issueId, sync);
  // A run that started before the switch may still write the record: let it finish first.
  await mirror.whenIdle();
  if (sync) {
    // The mirror remembers writing this record before it was switched off, so it would take the record's
    // absence for an emptied area and wait a minute before writing it; a fresh mirror writes it at once.
    mirror.stop();
    current.mirror = createMirror(current);
    current.mirror.start();
  } else {
    const keys = Object.keys(await area.get(null)).filter((key) => {
      const parsed = parseSyncKey(key);
      return parsed?.record.kind === 'draft' && parsed.record.issueId === issueId;
    });
    if (keys.length > 0) await area.remove(keys);
  }
  return getSyncStatusView();
}
