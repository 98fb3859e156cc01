/**
 * Mirrors drafts between IndexedDB (the source of truth) and `storage.sync` (README.md, "Sync
 * across your devices"). Every run reconciles whole states, so nothing depends on seeing every
 * event (a service worker may sleep through some):
 * 1. read the area; apply every complete record not yet seen: drafts merge into the store,
 *    settings and featured keys go to their sources. Half-arrived records wait.
 * 2. encode what this device holds, choose what fits (core/sync-budget.ts), and write what
 *    differs from the area: one `remove` (records dropped, stale chunks), then one `set`.
 *
 * Everything in the area is outside input. Clocks too far ahead are not believed (core/clock-trust.ts)
 * and this device's clock is moved past a record's believed clocks before the record is stored, so an
 * edit made next wins over it. One record that cannot be read or merged is set aside and reported in
 * the status (`notes`), and the run goes on with the others. Where this device holds the draft (or the
 * settings, or featured keys) such a record stood for, its own copy is the truth and is written over
 * it; only a record written by a newer Roundup is left alone.
 *
 * The area is never trusted to delete anything: a record that disappears (Chrome empties the
 * area when sync first starts) changes nothing locally and is written back after `repairDelayMs`,
 * giving another device's own writes time to arrive first. What the mirror knows about the records
 * it wrote and saw vanish is kept in `MirrorMemory` (mirror-memory.ts), which outlives the worker.
 * Local edits are debounced, so a burst of edits costs one write; quota and rate errors back off
 * exponentially.
 */
import type { FeaturedIssueKeys } from '../core/featured-keys.ts';
import { ZERO_HLC, isClockAhead, maxHlc } from '../core/hlc.ts';
import type { Hlc, Issue } from '../core/model.ts';
import { screenIncomingIssue } from '../core/receive-issue.ts';
import { afterSettling } from '../core/rejections.ts';
import { SETTINGS_BUDGET, fitFeaturedKeys, planSyncBudget, recordCost, type DraftCandidate } from '../core/sync-budget.ts';
import {
  SETTINGS_KEY, decodeDraft, decodeFeaturedKeys, decodeSettings, encodeDraft, encodeSettings, staleChunkKeys,
  type EncodedRecord, type SyncRecordRef, type SyncedSettings,
} from '../core/sync-codec.ts';
import { addCosts, costOfKeys, readAreaLayout, recordDiffers } from './area-records.ts';
import { NOTE_SHOWN_MS, readMirrorMemory, type MirrorMemory, type SyncNote, type SyncNoteKind } from './mirror-memory.ts';
import type { SyncState } from './status-view.ts';
import type { MirrorMemoryStore, MirroredIssueStore, SyncArea, SyncAreaChange, SyncScheduler, SyncedValueSource } from './ports.ts';
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

export type { SyncState } from './status-view.ts';

export interface SyncStatus {
  state: SyncState;
  lastSyncedAt: number | null;
  /** Drafts not in the area: opted out, or no room left for them. */
  localOnly: string[];
  /** Why the last run failed (the browser's words; build-status-view.ts says it plainly). */
  error?: string;
  /** Records from other devices set aside or partly applied, as last found (mirror-memory.ts). */
  notes: SyncNote[];
  /** The house style is kept on this device only: the settings record would be `bytes` with it (core/sync-budget.ts). */
  houseStyleLocalOnly?: { bytes: number };
}

export interface SyncMirrorDeps {
  area: SyncArea;
  store: MirroredIssueStore;
  scheduler: SyncScheduler;
  now: () => number;
  settings?: SyncedValueSource<SyncedSettings>;
  /** The featured keys of published issues (core/featured-keys.ts); written within core/sync-budget's FEATURED_BUDGET. */
  featured?: SyncedValueSource<FeaturedIssueKeys[]>;
  /**
   * Told the newest believed clock anywhere in every record from another device, before the record is
   * stored, so the device's hybrid logical clock moves past it (`receiveHlc`): an edit made after seeing
   * a change must win over it even when this device's wall clock is behind.
   */
  observeClock?: (at: Hlc) => Promise<void> | void;
  /** Where the mirror's memory outlives the worker; without one (tests), it lives as long as the mirror. */
  memory?: MirrorMemoryStore;
  /** Hears every failed run with the browser's own error, which the status line puts in plain words. */
  onError?: (error: unknown) => void;
  options?: Partial<SyncMirrorOptions>;
}

const JOB = 'roundup-sync';

type Incoming =
  | { status: 'seen' | 'unmanaged' | 'absent' }
  | { status: 'incomplete' }
  /** Applied; `known`: the same record needs no second look (nothing in it was held back). */
  | { status: 'complete'; known: boolean; sum: string }
  /** Set aside: not applied; `replaceable` unless a newer Roundup wrote it. */
  | { status: 'set-aside'; replaceable: boolean };

interface ReconcileResult {
  /** Null when the run only read. */
  plan: { full: boolean; localOnly: string[] } | null;
  /** When a half-arrived or vanished record should be looked at again. */
  checkAgainAt: number | null;
  /** A vanished record waits until `checkAgainAt` to be written back. */
  writeLater: boolean;
}

export class SyncMirror {
  private readonly options: SyncMirrorOptions;
  private status: SyncStatus = { state: 'idle', lastSyncedAt: null, localOnly: [], notes: [] };
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private queue: Promise<void> = Promise.resolve();
  private stopListening: (() => void) | null = null;
  private firstEditAt: number | null = null;
  private writeDueAt: number | null = null;
  private readDueAt: number | null = null;
  private backoff = { attempt: 0, until: 0 };
  private lastPlan: { full: boolean; localOnly: string[] } = { full: false, localOnly: [] };
  private houseStyleLocalOnly: { bytes: number } | null = null;
  /** Loaded at the first run; see mirror-memory.ts. */
  private memory: MirrorMemory | null = null;
  private savedMemory = '';
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
    return { ...this.status, localOnly: [...this.status.localOnly], notes: [...this.status.notes] };
  }

  /**
   * Forgets what it knew of a record (its "sync this issue" switch was turned back on): a record it once
   * wrote is then missing because it was taken out, not because the area lost it, and is written at once.
   */
  forget(recordKey: string): Promise<void> {
    const run = this.queue.then(async () => {
      const memory = await this.loadMemory();
      delete memory.knownSums[recordKey];
      delete memory.missingSince[recordKey];
      await this.saveMemory();
    });
    this.queue = afterSettling(run, 'forget() returns the run: its caller gets the failure');
    this.writeDueAt = this.deps.now();
    this.reschedule();
    return run;
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
      const { plan, checkAgainAt, writeLater } = await this.reconcileOnce(write);
      this.backoff = { attempt: 0, until: 0 };
      if (plan !== null) this.lastPlan = plan;
      const notes = [...(this.memory?.notes ?? [])];
      this.status = {
        state: this.lastPlan.full ? 'full' : 'idle', lastSyncedAt: this.deps.now(), localOnly: [...this.lastPlan.localOnly], notes,
        ...(this.houseStyleLocalOnly ? { houseStyleLocalOnly: { ...this.houseStyleLocalOnly } } : {}),
      };
      this.notify();
      if (checkAgainAt !== null) {
        if (writeLater) this.writeDueAt = Math.min(this.writeDueAt ?? checkAgainAt, checkAgainAt);
        this.wantRead(checkAgainAt);
      }
    } catch (error) {
      this.deps.onError?.(error);
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
    const memory = await this.loadMemory();
    memory.notes = memory.notes.filter((note) => note.seenAt > now - NOTE_SHOWN_MS);
    const area = await this.deps.area.get(null);
    const { records, foreignKeys } = readAreaLayout(area);
    const untouchable = new Set<string>();
    /** Set aside, but this device's own copy (when it has one) is written over them. */
    const replaceable = new Set<string>();
    let checkAgainAt: number | null = null;
    const later = (at: number) => { checkAgainAt = Math.min(checkAgainAt ?? at, at); };

    let featuredArrived = false;
    for (const [recordKey, { ref }] of records) {
      const outcome = await this.applyIncoming(area, recordKey, ref, memory, now);
      if (ref.kind === 'featured' && outcome.status === 'complete') featuredArrived = true;
      if (outcome.status === 'incomplete') {
        const since = memory.incompleteSince[recordKey] ?? now;
        memory.incompleteSince[recordKey] = since;
        if (now < since + this.options.incompleteGraceMs) {
          untouchable.add(recordKey);
          later(since + this.options.incompleteGraceMs);
        }
      } else delete memory.incompleteSince[recordKey];
      if (outcome.status === 'complete' && outcome.known) memory.knownSums[recordKey] = outcome.sum;
      if (outcome.status === 'set-aside') (outcome.replaceable ? replaceable : untouchable).add(recordKey);
      if (outcome.status === 'unmanaged') untouchable.add(recordKey);
    }
    for (const recordKey of Object.keys(memory.incompleteSince)) if (!records.has(recordKey)) delete memory.incompleteSince[recordKey];
    // A record this device wrote or applied has vanished (the area was emptied): noted now, written back
    // `repairDelayMs` later by a write run, which this asks for, however often the worker restarts meanwhile.
    let repairLater = false;
    for (const recordKey of Object.keys(memory.knownSums)) {
      if (records.has(recordKey)) continue;
      const since = memory.missingSince[recordKey] ?? now;
      memory.missingSince[recordKey] = since;
      if (write) continue; // the write run below writes it back, or waits
      later(Math.max(now, since + this.options.repairDelayMs));
      repairLater = true;
    }
    // Kept before anything is written: a worker stopped mid-run must not forget what it set aside.
    await this.saveMemory();
    if (!write) {
      // Featured keys merge rather than replace: when this device knows issues the incoming list lacks,
      // the union goes back to the area (a write run that finds nothing different writes nothing).
      if (featuredArrived) this.markDirty();
      return { plan: null, checkAgainAt, writeLater: repairLater };
    }

    const listings = await this.deps.store.listMirroredIssues();
    const optedOut = new Set(listings.filter((listing) => !listing.syncEnabled).map((listing) => listing.id));
    const drafts = new Map<string, EncodedRecord>();
    for (const listing of listings) {
      const issue = await this.deps.store.getIssue(listing.id);
      if (issue !== undefined) drafts.set(listing.id, await this.encodeCached(`d:${listing.id}`, issue, encodeDraft));
    }
    const values = await this.encodeValues();
    // A record set aside stays where this device has nothing to write in its place.
    const ours = new Set([...values.map((record) => record.key), ...listings.filter((listing) => listing.syncEnabled)
      .flatMap((listing) => drafts.get(listing.id)?.key ?? [])]);
    for (const recordKey of replaceable) if (!ours.has(recordKey)) untouchable.add(recordKey);
    // Records this device neither writes nor removes still take room: foreign keys, records that are
    // half-arrived or set aside, drafts opted out here.
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
      // The settings in the area are the same edit as this device's (a clock names one device's one edit) but for
      // the house style, which one side keeps to itself: neither has anything newer to write.
      if (record.key === SETTINGS_KEY && isKnownEdit(area, record, memory)) continue;
      if (present === undefined && memory.knownSums[record.key] !== undefined) {
        const since = memory.missingSince[record.key] ?? now;
        memory.missingSince[record.key] = since;
        if (now < since + this.options.repairDelayMs) {
          later(since + this.options.repairDelayMs);
          writeLater = true;
          continue;
        }
      }
      delete memory.missingSince[record.key];
      toRemove.push(...staleChunkKeys(present?.keys ?? [], record));
      if (recordDiffers(area, record)) {
        Object.assign(toSet, record.items);
        written.push(record);
      } else memory.knownSums[record.key] = record.head.sum;
    }
    // What vanished and is no longer this device's to write (switched off, no room, no longer a draft) is forgotten.
    const writing = new Set([...values, ...plan.synced.flatMap((id) => drafts.get(id) ?? [])].map((record) => record.key));
    for (const recordKey of Object.keys(memory.missingSince)) {
      if (writing.has(recordKey) || records.has(recordKey)) continue;
      delete memory.missingSince[recordKey];
      delete memory.knownSums[recordKey];
    }
    const synced = new Set(plan.synced);
    for (const [recordKey, { ref, keys }] of records) {
      if (ref.kind !== 'draft' || untouchable.has(recordKey) || optedOut.has(ref.issueId) || synced.has(ref.issueId)) continue;
      // No room for it here, or no longer a draft here: every device decides the same way.
      if (!drafts.has(ref.issueId) && (await this.deps.store.getIssue(ref.issueId)) === undefined) continue;
      toRemove.push(...keys);
      delete memory.knownSums[recordKey];
    }
    if (toRemove.length > 0) await this.deps.area.remove(toRemove);
    if (written.length > 0) await this.deps.area.set(toSet);
    for (const record of written) memory.knownSums[record.key] = record.head.sum;
    await this.saveMemory();
    const localOnly = plan.localOnly.map((entry) => entry.issueId);
    return { plan: { full: plan.full, localOnly }, checkAgainAt, writeLater };
  }

  /** Reads one record and, when it is complete and not yet seen, applies it; never throws for one record's sake. */
  private async applyIncoming(area: Record<string, unknown>, recordKey: string, ref: SyncRecordRef, memory: MirrorMemory,
    now: number): Promise<Incoming> {
    const head = area[recordKey];
    const sum = typeof head === 'object' && head !== null && 'sum' in head ? head.sum : undefined;
    if (sum !== undefined && memory.knownSums[recordKey] === sum) return { status: 'seen' };
    const note = (kind: SyncNoteKind, count = 0, detail: string | null = null) =>
      memory.notes.push({ kind, recordKey, record: ref, count, detail, seenAt: now });
    if (ref.kind !== 'draft' && (ref.kind === 'settings' ? this.deps.settings : this.deps.featured) === undefined) return { status: 'unmanaged' };
    const decoded = ref.kind === 'draft' ? await decodeDraft(area, ref.issueId)
      : ref.kind === 'settings' ? await decodeSettings(area) : await decodeFeaturedKeys(area);
    if (decoded.status === 'absent' || decoded.status === 'incomplete') return { status: decoded.status };
    // A record found again replaces what was noted about its key before.
    memory.notes = memory.notes.filter((old) => old.recordKey !== recordKey);
    if (decoded.status === 'invalid') {
      note(decoded.newerVersion ? 'newer-version' : 'unreadable');
      return { status: 'set-aside', replaceable: decoded.newerVersion !== true };
    }
    let ignored: number;
    try {
      if (ref.kind === 'draft') {
        const screened = screenIncomingIssue(decoded.value as Issue, now);
        ignored = screened.ignored;
        await this.observe(screened.latest);
        const { keptLive } = await this.deps.store.putIssue(screened.issue);
        if (keptLive > 0) note('stale-removals', keptLive);
      } else if (ref.kind === 'settings') {
        const believed = !isClockAhead(decoded.head.at, now);
        ignored = believed ? 0 : 1;
        if (believed) await this.observe(decoded.head.at);
        // A value stamped too far ahead counts as older than any: taken only when this device has none.
        const refused = await (this.deps.settings as SyncedValueSource<SyncedSettings>).apply(decoded.value as SyncedSettings, believed ? decoded.head.at : ZERO_HLC);
        if (typeof refused === 'string') note('partly-refused', 0, refused);
      } else {
        const list = decoded.value as FeaturedIssueKeys[];
        const screened = list.map((record) => (isClockAhead(record.at, now) ? { ...record, at: ZERO_HLC } : record));
        ignored = list.filter((record, index) => screened[index] !== record).length;
        await this.observe(screened.reduce<Hlc>((latest, record) => maxHlc(latest, record.at), ZERO_HLC));
        await (this.deps.featured as SyncedValueSource<FeaturedIssueKeys[]>).apply(screened, decoded.head.at);
      }
    } catch (error) {
      // The store refused the merge (it would break a limit, or the stored copy is damaged): this record
      // is set aside and the run goes on; the stored copy is unchanged.
      const reason = (error as { plainReason?: unknown } | null)?.plainReason;
      note('unmergeable', 0, typeof reason === 'string' ? reason : null);
      return { status: 'set-aside', replaceable: true };
    }
    if (ignored > 0) note('future-clocks', ignored);
    // A record with clocks held back is looked at again next time: one just over the line may be believed then.
    return { status: 'complete', known: ignored === 0, sum: decoded.head.sum };
  }

  private async observe(at: Hlc): Promise<void> {
    if (at !== ZERO_HLC) await this.deps.observeClock?.(at);
  }

  private async loadMemory(): Promise<MirrorMemory> {
    if (this.memory === null) {
      const loaded = readMirrorMemory(await this.deps.memory?.load());
      this.memory ??= loaded;
      this.savedMemory = JSON.stringify(this.memory);
    }
    return this.memory;
  }

  private async saveMemory(): Promise<void> {
    const json = JSON.stringify(this.memory);
    if (this.memory === null || json === this.savedMemory) return;
    await this.deps.memory?.save(JSON.parse(json));
    this.savedMemory = json;
  }

  private async encodeValues(): Promise<EncodedRecord[]> {
    const records: EncodedRecord[] = [];
    const settings = await this.deps.settings?.read();
    this.houseStyleLocalOnly = null;
    if (settings) {
      const whole = await this.encodeCached('s', settings, ({ value, at }) => encodeSettings(value, at));
      if (whole.bytes <= SETTINGS_BUDGET.maxBytes || settings.value.houseStyle === undefined) records.push(whole);
      else {
        // Too big with the editor's templates: the rest of the settings still syncs, and the status says so.
        const { houseStyle: _kept, ...rest } = settings.value;
        records.push(await this.encodeCached('s-without-style', { value: rest, at: settings.at }, ({ value, at }) => encodeSettings(value, at)));
        this.houseStyleLocalOnly = { bytes: whole.bytes };
      }
    }
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

/** The area holds a complete record this device has read (its checksum is known), stamped with the same clock as `record`. */
function isKnownEdit(area: Record<string, unknown>, record: EncodedRecord, memory: MirrorMemory): boolean {
  const head = area[record.key];
  if (typeof head !== 'object' || head === null) return false;
  const { at, sum } = head as { at?: unknown; sum?: unknown };
  return at === record.head.at && typeof sum === 'string' && memory.knownSums[record.key] === sum;
}
