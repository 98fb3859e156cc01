/**
 * Sync across the browser profile (README.md, "Sync across your devices"): the mirror of src/sync/ wired to
 * `browser.storage.sync`, IndexedDB and the worker's timers and alarms. IndexedDB stays the source of truth;
 * the sync area is a mirror the browser carries to the user's other devices. This is the sync module's one
 * door: src/background/ hands it the worker's database and change events (`startSync`), passes on its
 * listeners' events, and stamps edits with `nextClock()`.
 *
 * background/index.ts calls `startSync()` at every worker start: the stored clocks are healed first
 * (idb/heal-stored-clocks.ts), then the mirror reconciles everything, so nothing depends on events a
 * sleeping worker missed. Every background write calls `issuesChanged()`, which marks the mirror dirty:
 * a burst of edits is written once, a few seconds after the last.
 */
import type { Browser, Storage } from 'webextension-polyfill';
import type { Hlc } from '../../core/model.ts';
import { draftKey, parseSyncKey } from '../../core/sync-codec.ts';
import type { RoundupDatabase } from '../../storage/db.ts';
import { getLiveIssuesById } from '../../storage/issues-repo.ts';
import { buildSyncStatusView, issueIdsNamedIn } from '../build-status-view.ts';
import { createDeviceClock, type DeviceClock } from '../idb/device-clock.ts';
import { createSyncIssueStore, type SyncIssueStore } from '../idb/issue-store.ts';
import { healStoredClocks } from '../idb/heal-stored-clocks.ts';
import { getLastSyncedAt, putLastSyncedAt } from '../idb/last-synced-repo.ts';
import { createMirrorMemoryRepo } from '../idb/mirror-memory-repo.ts';
import { parseChoiceKey, SyncedChoices } from '../idb/synced-choices.ts';
import { createSyncedFeaturedKeys } from '../idb/synced-featured-keys.ts';
import { createSyncedSettings } from '../idb/synced-settings.ts';
import { SyncMirror } from '../mirror.ts';
import type { SyncStatusView } from '../status-view.ts';
import { BrowserSyncArea } from './browser-sync-area.ts';
import { TimerAlarmScheduler } from './timer-alarm-scheduler.ts';

/** What the background gives the sync module: the worker's one database connection and its change events. */
export interface SyncEnvironment {
  /** The background's extension API (src/background/extension-api.ts): the sync area and the alarms. */
  browser: Pick<Browser, 'storage' | 'alarms'>;
  database: () => Promise<RoundupDatabase>;
  /** Tells the background's listeners (badge, open pages) that stored issues changed. */
  issuesChanged: () => Promise<void>;
  /** Subscribes to every stored change, from any handler. */
  onIssuesChanged: (listener: () => void) => void;
}

interface SyncRuntime {
  env: SyncEnvironment;
  clock: DeviceClock;
  area: BrowserSyncArea;
  scheduler: TimerAlarmScheduler;
  store: SyncIssueStore;
  choices: SyncedChoices;
  mirror: SyncMirror;
}

let runtime: SyncRuntime | undefined;

function reportError(error: unknown): void {
  console.error('Roundup sync:', error);
}

function createRuntime(env: SyncEnvironment): SyncRuntime {
  const now = () => Date.now();
  const { database } = env;
  const clock = createDeviceClock(database, now);
  const area = new BrowserSyncArea(env.browser.storage.sync);
  const scheduler = new TimerAlarmScheduler(env.browser.alarms, now, reportError);
  const choices = new SyncedChoices({ area, db: database, stamp: () => clock.next(), observeClock: (at) => clock.receive(at), now,
    onChange: () => runtime?.mirror.markDirty() });
  const store = createSyncIssueStore({ db: database, now, choices: () => choices.list(),
    onApplied: () => void env.issuesChanged().catch(reportError) });
  const mirror = new SyncMirror({ area, store, scheduler, now, settings: createSyncedSettings(database, () => clock.next(), now),
    featured: createSyncedFeaturedKeys(database, now), observeClock: (at) => clock.receive(at), memory: createMirrorMemoryRepo(database),
    onError: reportError });
  let persisted: number | null = null;
  mirror.subscribe(({ lastSyncedAt }) => {
    if (lastSyncedAt === null || lastSyncedAt === persisted) return;
    persisted = lastSyncedAt;
    database().then((db) => putLastSyncedAt(db, lastSyncedAt)).catch(reportError);
  });
  return { env, clock, area, scheduler, store, choices, mirror };
}

/** Starts mirroring; called at the top level of the worker, so once per worker start. */
export function startSync(env: SyncEnvironment): void {
  if (runtime) return;
  const started = createRuntime(env);
  runtime = started;
  // Sync-applied changes also pass here: the next run then writes back what the merge added.
  env.onIssuesChanged(() => started.mirror.markDirty());
  healStoredClocks({ db: env.database, now: () => Date.now(), stamp: () => started.clock.next() })
    .then((healed) => { if (healed > 0) console.info(`Roundup sync: healed the edit times of ${healed} issues`); }, reportError)
    .then(() => {
      started.mirror.start();
      return started.choices.reconcile();
    })
    .catch(reportError);
}

function requireRuntime(): SyncRuntime {
  if (!runtime) throw new Error('Roundup\u2019s background is still starting. Try again in a moment.');
  return runtime;
}

/** The device clock: every edit is stamped with it. */
export function nextClock(): Promise<Hlc> {
  return requireRuntime().clock.next();
}

/** A clock from another device's data or a file is about to be stored: moves this device's clock past it. */
export function receiveClock(remote: Hlc): Promise<void> {
  return requireRuntime().clock.receive(remote);
}

/** `storage.onChanged`, registered at the top level of the worker. */
export function handleStorageChanged(changes: Record<string, Storage.StorageChange>, areaName: string): void {
  if (areaName !== 'sync' || !runtime) return;
  const { area, store, choices } = runtime;
  for (const [key, change] of Object.entries(changes)) {
    const parsed = parseSyncKey(key);
    // A device that has caught up with an issue it was behind on removes its record (idb/issue-store.ts).
    if (parsed?.record.kind === 'draft' && parsed.chunk === null && change.newValue === undefined) {
      store.forgetOwed(parsed.record.issueId).catch(reportError);
    }
  }
  area.dispatch(changes);
  if (Object.keys(changes).some((key) => parseChoiceKey(key) !== null)) choices.reconcile().catch(reportError);
}

/** `alarms.onAlarm`: wakes the worker for the mirror's long waits (back-off, repair). */
export function handleSyncAlarm(name: string): void {
  runtime?.scheduler.handleAlarm(name);
}

export async function getSyncStatusView(): Promise<SyncStatusView> {
  const { mirror, choices, env } = requireRuntime();
  const db = await env.database();
  const status = mirror.getStatus();
  // Only the issues the status names are read (by id): every popup asks for the status, and an archive is long.
  const [storedLastSyncedAt, switches, named] = await Promise.all([getLastSyncedAt(db), choices.list(), getLiveIssuesById(db, issueIdsNamedIn(status))]);
  const view = buildSyncStatusView({ status, storedLastSyncedAt, choices: switches, issues: [...named.values()], choicesError: choices.error });
  return { ...view, notices: [...view.notices, ...choices.notices] };
}

/**
 * The "sync this issue" switch. Off: the issue stays on every device that has it, but no device writes
 * it any more, and its record leaves the sync area (freeing room for the others). On: it syncs again.
 */
export async function setIssueSync(issueId: string, sync: boolean): Promise<SyncStatusView> {
  const { area, choices, mirror } = requireRuntime();
  await choices.set(issueId, sync);
  // A run that started before the switch may still write the record: let it finish first.
  await mirror.whenIdle();
  if (sync) {
    // The mirror remembers writing this record before it was switched off; its absence now is no emptied
    // area, so the record is written at once rather than after the repair delay.
    await mirror.forget(draftKey(issueId));
  } else {
    const keys = Object.keys(await area.get(null)).filter((key) => {
      const parsed = parseSyncKey(key);
      return parsed?.record.kind === 'draft' && parsed.record.issueId === issueId;
    });
    if (keys.length > 0) await area.remove(keys);
  }
  return getSyncStatusView();
}
