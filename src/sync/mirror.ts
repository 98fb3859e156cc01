/**
 * Mirrors drafts between IndexedDB (the source of truth) and `storage.sync` (DESIGN.md, "Sync
 * across the profile"). Every run reconciles whole states, so nothing depends on seeing every
 * event (a service worker may sleep through some):
 * 1. read the area; apply every complete record not yet seen: drafts merge into the store,
 *    settings and featured keys go to their sources. Half-arrived records wait; invalid ones
 *    are reported and left alone.
 * 2. encode what this device holds, choose what fits (core/sync-budget.ts), and write what
 *    differs from the area: one `remove` (records dropped, stale chunks), then one `set`.
 *
 * The area is never trusted to delete anything: a record that disappears (Chrome empties the
 * area when sync first starts) changes nothing locally and is written back after `repairDelayMs`,
 * giving another device's own writes time to arrive first. Local edits are debounced, so a burst
 * of edits costs one write; quota and rate errors back off exponentially.
 */
import type { FeaturedIssueKeys } from '../core/featured-keys.ts';
import { fitFeaturedKeys, planSyncBudget, recordCost, type DraftCandidate } from '../core/sync-budget.ts';
import {
  decodeDraft, decodeFeaturedKeys, decodeSettings, encodeDraft, encodeSettings, staleChunkKeys,
  type DecodeResult, type EncodedRecord, type SyncRecordRef,
} from '../core/sync-codec.ts';
import type { Hlc, Settings } from '../core/model.ts';
import { addCosts, costOfKeys, readAreaLayout, recordDiffers } from './area-records.ts';
import type { DraftStore, SyncArea, SyncAreaChange, SyncScheduler, SyncedValueSource } from './ports.ts';
import { backoffDelayMs, describeError, isQuotaError } from './quota-errors.ts';

export interface SyncMirrorOptions {
  /** Quiet time after the last local edit before writing. */
  debounceMs: number;
  /** Longest a local edit waits while edits keep coming. */
  maxWaitMs: number;
  /** Pause after a change in the area before reading it, so the chunks of one write arrive together. */
  remoteDelayMs: number;
  /** How long a half-arrived record is waited for before this device overwrites it with its own copy. */
  incompleteGraceMs: number;
  /** How long after a record disappeared this device waits before writing it back. */
  repairDelayMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export const DEFAULT_SYNC_MIRROR_OPTIONS: SyncMirrorOptions = {
  debounceMs: 3_000,
  maxWaitMs: 20_000,
  remoteDelayMs: 500,
  incompleteGraceMs: 60_000,
  repairDelayMs: 60_000,
  backoffBaseMs: 60_000,
  backoffMaxMs: 3_600_000,
};

export type SyncState = 'idle' | 'syncing' | 'error' | 'full';

export interface SyncStatus {
  state: SyncState;
  lastSyncedAt: number | null;
  /** Drafts not in the area: opted out, or no room left for them. */
  localOnly: string[];
  error?: string;
}

export interface SyncMirrorDeps {
  area: SyncArea;
  store: DraftStore;
  scheduler: SyncScheduler;
  now: () => number;
  settings?: SyncedValueSource<Settings>;
  /** The featured keys of published issues (core/featured-keys.ts); written within core/sync-budget's FEATURED_BUDGET. */
  featured?: SyncedValueSource<FeaturedIssueKeys[]>;
  /**
   * Told the newest clock of every record applied from another device, so the device's hybrid
   * logical clock moves past it (`receiveHlc`): an edit made after seeing a change must win over it
   * even when this device's wall clock is behind.
   */
  observeClock?: (at: Hlc) => Promise<void> | void;
  options?: Partial<SyncMirrorOptions>;
}

const JOB = 'roundup-sync';

interface ReconcileResult {
  problems: string[];
  /** Null when the run only read. */
  plan: { full: boolean; localOnly: string[] } | null;
  /** When a half-arrived or vanished record should be looked at again. */
  checkAgainAt: number | null;
  /** A vanished record waits until `checkAgainAt` to be written back. */
  writeLater: boolean;
}

export class SyncMirror {
  private readonly options: SyncMirrorOptions;
  private status: SyncStatus = { state: 'idle', lastSyncedAt: null, localOnly: [] };
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private queue: Promise<void> = Promise.resolve();
  private stopListening: (() => void) | null = null;
  private firstEditAt: number | null = null;
  private writeDueAt: number | null = null;
  private readDueAt: number | null = null;
  private backoff = { attempt: 0, until: 0 };
  private lastPlan: { full: boolean; localOnly: string[] } = { full: false, localOnly: [] };
  /** Checksum of each record this device wrote or applied: its own echoes are not read again. */
  private readonly knownSums = new Map<string, string>();
  private readonly incompleteSince = new Map<string, number>();
  private readonly missingSince = new Map<string, number>();
  private readonly encodings = new Map<string, { json: string; record: EncodedRecord }>();

  constructor(private readonly deps: SyncMirrorDeps) {
    this.options = { ...DEFAULT_SYNC_MIRROR_OPTIONS, ...deps.options };
  }

  /** Listens to the area and reconciles at once (a restarted worker catches up here). */
  start(): void {
    this.stopListening ??= this.deps.area.onChanged((changes) => this.onAreaChanged(changes));
    this.writeDueAt = this.deps.now();
    this.reschedule();
  }

  stop(): void {
    this.stopListening?.();
    this.stopListening = null;
    this.deps.scheduler.cancel(JOB);
  }

  /** Local data changed: write after a quiet `debounceMs`, or at most `maxWaitMs` after the first edit. */
  markDirty(): void {
    const now = this.deps.now();
    this.firstEditAt ??= now;
    this.writeDueAt = Math.min(now + this.options.debounceMs, this.firstEditAt + this.options.maxWaitMs);
    this.reschedule();
  }

  getStatus(): SyncStatus {
    return { ...this.status, localOnly: [...this.status.localOnly] };
  }

  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once no reconcile is running or queued. */
  async whenIdle(): Promise<void> {
    for (let current = this.queue; ; current = this.queue) {
      await current;
      if (current === this.queue) return;
    }
  }

  private onAreaChanged(changes: Record<string, SyncAreaChange>): void {
    if (Object.keys(changes).length === 0) return;
    this.wantRead(this.deps.now() + this.options.remoteDelayMs);
  }

  private wantRead(at: number): void {
    this.readDueAt = Math.min(this.readDueAt ?? at, at);
    this.reschedule();
  }

  private reschedule(): void {
    const due = [this.writeDueAt, this.readDueAt].filter((at) => at !== null);
    if (due.length === 0) return;
    const at = Math.max(Math.min(...due), this.backoff.until);
    this.deps.scheduler.schedule(JOB, at - this.deps.now(), () => this.runDue());
  }

  private runDue(): Promise<void> {
    const now = this.deps.now();
    if (now < this.backoff.until) {
      this.reschedule();
      return Promise.resolve();
    }
    // Reading never waits for local edits, but writing does: the echo of this device's own write
    // must not flush the edits that keep coming while the debounce runs.
    const write = this.writeDueAt === null || this.writeDueAt <= now;
    if (write) this.firstEditAt = this.writeDueAt = null;
    this.readDueAt = null;
    this.reschedule();
    this.queue = this.queue.then(() => this.reconcile(write));
    return this.queue;
  }

  private async reconcile(write: boolean): Promise<void> {
    this.update({ state: 'syncing' });
    try {
      const { problems, plan, checkAgainAt, writeLater } = await this.reconcileOnce(write);
      this.backoff = { attempt: 0, until: 0 };
      if (plan !== null) this.lastPlan = plan;
      const state: SyncState = problems.length > 0 ? 'error' : this.lastPlan.full ? 'full' : 'idle';
      this.status = { state, lastSyncedAt: this.deps.now(), localOnly: [...this.lastPlan.localOnly] };
      if (problems.length > 0) this.status.error = problems.join('\n');
      this.notify();
      if (checkAgainAt !== null) {
        if (writeLater) this.writeDueAt = Math.min(this.writeDueAt ?? checkAgainAt, checkAgainAt);
        this.wantRead(checkAgainAt);
      }
    } catch (error) {
      const attempt = this.backoff.attempt + 1;
      const delay = backoffDelayMs(attempt, this.options.backoffBaseMs, this.options.backoffMaxMs);
      this.backoff = { attempt, until: this.deps.now() + delay };
      this.writeDueAt = this.backoff.until;
      const reason = isQuotaError(error) ? 'the browser\u2019s sync storage refused the write' : 'sync failed';
      this.update({ state: 'error', error: `${reason}: ${describeError(error)}; retrying in ${Math.round(delay / 1000)} s` });
      this.reschedule();
    }
  }

  private async reconcileOnce(write: boolean): Promise<ReconcileResult> {
    const now = this.deps.now();
    const area = await this.deps.area.get(null);
    const { records, foreignKeys } = readAreaLayout(area);
    const problems: string[] = [];
    const untouchable = new Set<string>();
    let checkAgainAt: number | null = null;
    const later = (at: number) => { checkAgainAt = Math.min(checkAgainAt ?? at, at); };

    let featuredArrived = false;
    for (const [recordKey, { ref }] of records) {
      const outcome = await this.applyIncoming(area, recordKey, ref);
      if (ref.kind === 'featured' && outcome.status === 'complete') featuredArrived = true;
      if (outcome.status === 'incomplete') {
        const since = this.incompleteSince.get(recordKey) ?? now;
        this.incompleteSince.set(recordKey, since);
        if (now < since + this.options.incompleteGraceMs) {
          untouchable.add(recordKey);
          later(since + this.options.incompleteGraceMs);
        }
      } else this.incompleteSince.delete(recordKey);
      if (outcome.status === 'invalid') {
        untouchable.add(recordKey);
        problems.push(outcome.error);
      }
      if (outcome.status === 'unmanaged') untouchable.add(recordKey);
    }
    if (!write) {
      // Featured keys merge rather than replace: when this device knows issues the incoming list lacks,
      // the union goes back to the area (a write run that finds nothing different writes nothing).
      if (featuredArrived) this.markDirty();
      return { problems, plan: null, checkAgainAt, writeLater: false };
    }

    const listings = await this.deps.store.listDrafts();
    const optedOut = new Set(listings.filter((listing) => !listing.syncEnabled).map((listing) => listing.id));
    const drafts = new Map<string, EncodedRecord>();
    for (const listing of listings) {
      const issue = await this.deps.store.getIssue(listing.id);
      if (issue !== undefined) drafts.set(listing.id, await this.encodeCached(`d:${listing.id}`, issue, encodeDraft));
    }
    const values = await this.encodeValues();
    // Records this device neither writes nor removes still take room: foreign keys, records that are
    // half-arrived or invalid, drafts opted out here.
    const keptKeys = [...foreignKeys, ...[...records].filter(([recordKey, record]) => untouchable.has(recordKey)
      || (record.ref.kind === 'draft' && optedOut.has(record.ref.issueId))).flatMap(([, record]) => record.keys)];
    const candidates: DraftCandidate[] = listings.flatMap((listing) => {
      const record = drafts.get(listing.id);
      if (record === undefined || untouchable.has(record.key)) return [];
      return [{ issueId: listing.id, at: record.head.at, syncEnabled: listing.syncEnabled, ...recordCost(record) }];
    });
    const plan = planSyncBudget({ reserved: addCosts(costOfKeys(area, keptKeys), ...values.map(recordCost)), drafts: candidates });

    const toSet: Record<string, unknown> = {};
    const toRemove: string[] = [];
    const written: EncodedRecord[] = [];
    let writeLater = false;
    for (const record of [...values, ...plan.synced.flatMap((id) => drafts.get(id) ?? [])]) {
      if (untouchable.has(record.key)) continue;
      const present = records.get(record.key);
      if (present === undefined && this.knownSums.has(record.key)) {
        const since = this.missingSince.get(record.key) ?? now;
        this.missingSince.set(record.key, since);
        if (now < since + this.options.repairDelayMs) {
          later(since + this.options.repairDelayMs);
          writeLater = true;
          continue;
        }
      }
      this.missingSince.delete(record.key);
      toRemove.push(...staleChunkKeys(present?.keys ?? [], record));
      if (recordDiffers(area, record)) {
        Object.assign(toSet, record.items);
        written.push(record);
      } else this.knownSums.set(record.key, record.head.sum);
    }
    const synced = new Set(plan.synced);
    for (const [recordKey, { ref, keys }] of records) {
      if (ref.kind !== 'draft' || untouchable.has(recordKey) || optedOut.has(ref.issueId) || synced.has(ref.issueId)) continue;
      // No room for it here, or no longer a draft here: every device decides the same way.
      if (!drafts.has(ref.issueId) && (await this.deps.store.getIssue(ref.issueId)) === undefined) continue;
      toRemove.push(...keys);
      this.knownSums.delete(recordKey);
    }
    if (toRemove.length > 0) await this.deps.area.remove(toRemove);
    if (written.length > 0) await this.deps.area.set(toSet);
    for (const record of written) this.knownSums.set(record.key, record.head.sum);
    const localOnly = plan.localOnly.map((entry) => entry.issueId);
    return { problems, plan: { full: plan.full, localOnly }, checkAgainAt, writeLater };
  }

  private async applyIncoming(area: Record<string, unknown>, recordKey: string, ref: SyncRecordRef) {
    const head = area[recordKey];
    const sum = typeof head === 'object' && head !== null && 'sum' in head ? head.sum : undefined;
    if (sum !== undefined && this.knownSums.get(recordKey) === sum) return { status: 'seen' as const };
    let result: DecodeResult<unknown>;
    if (ref.kind === 'draft') {
      const decoded = await decodeDraft(area, ref.issueId);
      if (decoded.status === 'complete') await this.deps.store.putIssue(decoded.value);
      result = decoded;
    } else {
      const source = ref.kind === 'settings' ? this.deps.settings : this.deps.featured;
      if (source === undefined) return { status: 'unmanaged' as const };
      const decoded = ref.kind === 'settings' ? await decodeSettings(area) : await decodeFeaturedKeys(area);
      if (decoded.status === 'complete') await (source as SyncedValueSource<unknown>).apply(decoded.value, decoded.head.at);
      result = decoded;
    }
    if (result.status === 'complete') {
      await this.deps.observeClock?.(result.head.at);
      this.knownSums.set(recordKey, result.head.sum);
    }
    return result;
  }

  private async encodeValues(): Promise<EncodedRecord[]> {
    const records: EncodedRecord[] = [];
    const settings = await this.deps.settings?.read();
    if (settings) records.push(await this.encodeCached('s', settings, ({ value, at }) => encodeSettings(value, at)));
    const featured = await this.deps.featured?.read();
    if (featured) records.push(await this.encodeCached('f', featured.value, async (list) => (await fitFeaturedKeys(list)).record));
    return records;
  }

  /** Compressing is the costly part; most runs find most records unchanged. */
  private async encodeCached<T>(name: string, value: T, encode: (value: T) => Promise<EncodedRecord>): Promise<EncodedRecord> {
    const json = JSON.stringify(value);
    const cached = this.encodings.get(name);
    if (cached?.json === json) return cached.record;
    const record = await encode(value);
    this.encodings.set(name, { json, record });
    return record;
  }

  private update(change: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...change };
    this.notify();
  }

  private notify(): void {
    const status = this.getStatus();
    for (const listener of this.listeners) listener(status);
  }
}
