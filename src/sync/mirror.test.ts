import { describe, expect, it } from 'vitest';
import { createClock, formatHlc, tickHlc, type ClockState } from '../core/hlc.ts';
import { addItem, createIssue, publishIssue, updateIssueFields, updateItem } from '../core/issue-ops.ts';
import { latestClockOf, mergeIssues, normalizeIssue } from '../core/merge.ts';
import { DEFAULT_SETTINGS, type Hlc, type Issue, type Settings } from '../core/model.ts';
import { chunkKey, decodeDraft, draftKey, encodeDraft, SETTINGS_KEY, SYNC_QUOTA } from '../core/sync-codec.ts';
import { makeItem } from '../core/test-factories.ts';
import { ManualScheduler } from './manual-scheduler.ts';
import { MemorySyncArea, deliverSync } from './memory-sync-area.ts';
import { SyncMirror, type SyncStatus } from './mirror.ts';
import { emptyMirrorMemory } from './mirror-memory.ts';
import type { MirrorMemoryStore, MirroredIssueStore, SyncArea, SyncedValueSource } from './ports.ts';
import { noise } from './test-noise.ts';

const START = Date.UTC(2026, 10, 20);

class MemoryIssueStore implements MirroredIssueStore {
  readonly issues = new Map<string, Issue>();
  readonly optedOut = new Set<string>();

  async listMirroredIssues() {
    return [...this.issues.values()].filter((issue) => issue.status === 'draft')
      .map((issue) => ({ id: issue.id, syncEnabled: !this.optedOut.has(issue.id) }));
  }

  async getIssue(id: string) {
    return this.issues.get(id);
  }

  async putIssue(issue: Issue) {
    const stored = this.issues.get(issue.id);
    const merged = stored === undefined ? normalizeIssue(issue) : mergeIssues(stored, issue);
    this.issues.set(issue.id, merged);
    return { issue: merged, keptLive: 0 };
  }
}

class MemoryValue<T> implements SyncedValueSource<T> {
  constructor(public current: { value: T; at: Hlc } | undefined) {}
  async read() {
    return this.current;
  }
  async apply(value: T, at: Hlc) {
    if (this.current === undefined || at > this.current.at) this.current = { value, at };
  }
}

/** One browser profile: its own area (unless shared), store, clock and mirror, on the shared fake time. */
class Device {
  readonly store = new MemoryIssueStore();
  readonly settings = new MemoryValue<Settings>(undefined);
  readonly mirror: SyncMirror;
  readonly statuses: SyncStatus[] = [];
  readonly observedClocks: Hlc[] = [];
  private clock: ClockState;
  private nextId = 0;

  constructor(readonly name: string, readonly time: ManualScheduler, readonly area: MemorySyncArea | SyncArea = new MemorySyncArea(time.now)) {
    this.clock = createClock(name);
    this.mirror = new SyncMirror({ area, store: this.store, scheduler: time.scope(name), now: time.now, settings: this.settings,
      observeClock: (at) => { this.observedClocks.push(at); } });
    this.mirror.subscribe((status) => this.statuses.push(status));
  }

  tick(): Hlc {
    const next = tickHlc(this.clock, this.time.now());
    this.clock = next.state;
    return next.hlc;
  }

  newDraft(itemCount = 2, summary = (index: number) => `Summary ${index}.`): Issue {
    const id = `${this.name}-issue-${++this.nextId}`;
    let issue = createIssue({ id, number: this.nextId, title: `Issue ${id}`, sectionNames: ['News'], intro: '', outro: '',
      createdAt: '2026-11-20T00:00:00.000Z', at: this.tick(), makeId: () => `${id}-section` });
    for (let index = 0; index < itemCount; index++) {
      const { sectionId: _s, position: _p, clocks: _c, ...fields } = makeItem({ id: `${id}-item-${index}`, summary: summary(index) });
      issue = addItem(issue, fields, { sectionId: `${id}-section`, at: this.tick() });
    }
    this.store.issues.set(id, issue);
    this.mirror.markDirty();
    return issue;
  }

  edit(id: string, change: (issue: Issue, at: Hlc) => Issue): void {
    const issue = this.store.issues.get(id);
    if (issue === undefined) throw new Error(`no issue ${id} on ${this.name}`);
    this.store.issues.set(id, change(issue, this.tick()));
    this.mirror.markDirty();
  }

  issue(id: string): Issue | undefined {
    return this.store.issues.get(id);
  }
}

async function settle(time: ManualScheduler, ms: number, ...devices: Device[]): Promise<void> {
  await time.advance(ms);
  for (const device of devices) await device.mirror.whenIdle();
}

const json = (issue: Issue | undefined) => JSON.stringify(issue === undefined ? null : normalizeIssue(issue));

describe('SyncMirror: writing', () => {
  it('writes a draft on start, readable by the codec', async () => {
    const time = new ManualScheduler(START);
    const device = new Device('a', time);
    const issue = device.newDraft();
    device.mirror.start();
    await settle(time, 1_000, device);
    const area = (device.area as MemorySyncArea).snapshot();
    expect(await decodeDraft(area, issue.id)).toMatchObject({ status: 'complete', value: normalizeIssue(issue) });
    expect((device.area as MemorySyncArea).calls.set).toBe(1);
    expect(device.mirror.getStatus()).toMatchObject({ state: 'idle', localOnly: [] });
    // The second run is the echo of its own write: read, found nothing new, wrote nothing.
    expect(device.statuses.map((status) => [status.state, status.lastSyncedAt])).toEqual([
      ['syncing', null], ['idle', START], ['syncing', START], ['idle', START + 500]]);
  });

  it.each([
    ['50 edits 100 ms apart', 1, 100],
    ['50 edits a second apart', 3, 1_000],
  ])('coalesces a burst: %s costs at most %i set calls', async (_name, maxSets, gapMs) => {
    const time = new ManualScheduler(START);
    const device = new Device('a', time);
    const { id } = device.newDraft();
    device.mirror.start();
    await settle(time, 5_000, device);
    const area = device.area as MemorySyncArea;
    const setsBefore = area.calls.set;
    for (let edit = 0; edit < 50; edit++) {
      device.edit(id, (issue, at) => updateIssueFields(issue, { intro: `Draft ${edit}` }, at));
      await settle(time, gapMs, device);
    }
    await settle(time, 30_000, device);
    expect(area.calls.set - setsBefore).toBeGreaterThanOrEqual(1);
    expect(area.calls.set - setsBefore).toBeLessThanOrEqual(maxSets);
    expect(await decodeDraft(area.snapshot(), id)).toMatchObject({ status: 'complete', value: { intro: 'Draft 49' } });
  });

  it('removes chunks a smaller version no longer needs', async () => {
    const time = new ManualScheduler(START);
    const device = new Device('a', time);
    const { id } = device.newDraft(12, (index) => noise(1_200, index + 1));
    device.mirror.start();
    await settle(time, 1_000, device);
    const area = device.area as MemorySyncArea;
    expect(area.snapshot()).toHaveProperty(chunkKey(draftKey(id), 1));
    device.edit(id, (issue, at) => issue.items.reduce((next, item) => updateItem(next, item.id, { summary: 'Short.' }, at), issue));
    await settle(time, 10_000, device);
    expect(Object.keys(area.snapshot()).filter((key) => key.startsWith(draftKey(id)))).toEqual([draftKey(id), chunkKey(draftKey(id), 0)]);
  });

  it('keeps the newest drafts synced when the area is full, says so, and stays within quota', async () => {
    const time = new ManualScheduler(START);
    const device = new Device('a', time);
    const ids = Array.from({ length: 6 }, (_, draft) => device.newDraft(20, (index) => noise(1_000, draft * 100 + index + 1)).id);
    device.mirror.start();
    await settle(time, 1_000, device);
    const area = device.area as MemorySyncArea;
    const status = device.mirror.getStatus();
    expect(status.state).toBe('full');
    expect(status.localOnly.length).toBeGreaterThan(0);
    const synced = ids.filter((id) => area.snapshot()[draftKey(id)] !== undefined);
    // Drafts were created in order, so the synced ones are the newest: a suffix of the list.
    expect(synced).toEqual(ids.slice(ids.length - synced.length));
    expect(status.localOnly).toEqual(ids.slice(0, ids.length - synced.length).reverse());
    expect(area.bytesInUse()).toBeLessThanOrEqual(SYNC_QUOTA.totalBytes);
  });

  it('never writes an opted-out draft, and leaves alone a copy already in the area', async () => {
    const time = new ManualScheduler(START);
    const device = new Device('a', time);
    device.newDraft();
    const secret = device.newDraft();
    device.store.optedOut.add(secret.id);
    const area = device.area as MemorySyncArea;
    const old = await encodeDraft(secret);
    area.receive(old.items);
    device.edit(secret.id, (issue, at) => updateIssueFields(issue, { intro: 'private' }, at));
    device.mirror.start();
    await settle(time, 1_000, device);
    expect(device.mirror.getStatus().localOnly).toEqual([secret.id]);
    expect(area.snapshot()[draftKey(secret.id)]).toEqual(old.head);
  });

  it('drops a draft from the area once it is no longer a draft here, and never touches foreign keys', async () => {
    const time = new ManualScheduler(START);
    const device = new Device('a', time);
    const { id } = device.newDraft();
    const area = device.area as MemorySyncArea;
    area.receive({ 'other-extension-key': { big: 'x'.repeat(5_000) } });
    device.mirror.start();
    await settle(time, 1_000, device);
    device.edit(id, (issue, at) => publishIssue(issue, '2026-11-21T09:00:00.000Z', at));
    await settle(time, 10_000, device);
    expect(Object.keys(area.snapshot())).toEqual(['other-extension-key']);
    expect(device.issue(id)?.status).toBe('published');
  });
});

describe('SyncMirror: errors and back-off', () => {
  it('backs off on a rate-limit error, then succeeds once the minute has passed', async () => {
    const time = new ManualScheduler(START);
    const area = new MemorySyncArea(time.now);
    const device = new Device('a', time, area);
    const { id } = device.newDraft();
    // Something else spent this minute's writes.
    for (let write = 0; write < SYNC_QUOTA.writesPerMinute; write++) await area.set({ filler: write });
    device.mirror.start();
    await settle(time, 0, device);
    expect(device.mirror.getStatus()).toMatchObject({ state: 'error', error: expect.stringMatching(/MAX_WRITE_OPERATIONS_PER_MINUTE.*retrying in 60 s/) });
    expect(time.dueAt('a/roundup-sync')).toBe(START + 60_000);
    device.edit(id, (issue, at) => updateIssueFields(issue, { intro: 'edited while waiting' }, at));
    await settle(time, 59_999, device);
    expect(area.snapshot()).not.toHaveProperty(draftKey(id));
    await settle(time, 1, device);
    expect(device.mirror.getStatus().state).toBe('idle');
    expect(await decodeDraft(area.snapshot(), id)).toMatchObject({ status: 'complete', value: { intro: 'edited while waiting' } });
  });

  it('retries with a longer wait each time the quota refuses', async () => {
    const time = new ManualScheduler(START);
    let failures = 3;
    const inner = new MemorySyncArea(time.now);
    const refusing: SyncArea = {
      get: (keys) => inner.get(keys),
      remove: (keys) => inner.remove(keys),
      onChanged: (listener) => inner.onChanged(listener),
      set: async (items) => {
        if (failures-- > 0) throw Object.assign(new Error('QuotaExceededError: storage.sync API call exceeded its quota limitations.'), { name: 'QuotaExceededError' });
        return inner.set(items);
      },
    };
    const device = new Device('a', time, refusing);
    device.newDraft();
    device.mirror.start();
    const retries: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      await settle(time, 0, device);
      retries.push(time.dueAt('a/roundup-sync') ?? -1);
      await time.advance((time.dueAt('a/roundup-sync') ?? time.now()) - time.now());
    }
    expect(retries.slice(0, 3).map((at, index) => at - (index === 0 ? START : retries[index - 1] ?? 0))).toEqual([60_000, 120_000, 240_000]);
    await settle(time, 0, device);
    expect(device.mirror.getStatus().state).toBe('idle');
    expect(Object.keys(inner.snapshot())).toHaveLength(2);
  });
});

describe('SyncMirror: forgetting a record', () => {
  it('hands a failed save to its caller and still forgets the next record', async () => {
    const time = new ManualScheduler(START);
    let saves = 0;
    let saved: unknown;
    const memory: MirrorMemoryStore = {
      load: async () => ({ ...emptyMirrorMemory(), knownSums: { 'd:one': 'sum-one', 'd:two': 'sum-two' } }),
      save: async (value) => {
        if (saves++ === 0) throw new Error('the disk is full');
        saved = value;
      },
    };
    const mirror = new SyncMirror({ area: new MemorySyncArea(time.now), store: new MemoryIssueStore(), scheduler: time.scope('a'), now: time.now, memory });
    const failed = mirror.forget('d:one');
    const next = mirror.forget('d:two');
    await expect(failed).rejects.toThrow('the disk is full');
    await next;
    await expect(mirror.whenIdle()).resolves.toBeUndefined();
    // The memory is kept in the worker too: the second save carries both records forgotten.
    expect(saved).toEqual(emptyMirrorMemory());
  });
});

describe('SyncMirror: two devices', () => {
  it('share edits both ways through one area', async () => {
    const time = new ManualScheduler(START);
    const a = new Device('a', time);
    const b = new Device('b', time, a.area);
    const { id } = a.newDraft();
    a.mirror.start();
    b.mirror.start();
    await settle(time, 5_000, a, b);
    expect(json(b.issue(id))).toBe(json(a.issue(id)));
    expect(b.observedClocks).toEqual([latestClockOf(a.issue(id) as Issue)]);
    b.edit(id, (issue, at) => updateIssueFields(issue, { title: 'Edited on b' }, at));
    await settle(time, 10_000, a, b);
    expect(a.issue(id)?.title).toBe('Edited on b');
  });

  it('merge concurrent edits made on separate areas, losing none', async () => {
    const time = new ManualScheduler(START);
    const a = new Device('a', time);
    const b = new Device('b', time);
    const { id } = a.newDraft();
    a.mirror.start();
    b.mirror.start();
    await settle(time, 5_000, a, b);
    deliverSync(a.area as MemorySyncArea, b.area as MemorySyncArea);
    await settle(time, 5_000, a, b);
    a.edit(id, (issue, at) => updateIssueFields(issue, { intro: 'Intro from a' }, at));
    b.edit(id, (issue, at) => updateIssueFields(issue, { outro: 'Outro from b' }, at));
    const bDraft = b.newDraft();
    await settle(time, 10_000, a, b);
    deliverSync(b.area as MemorySyncArea, a.area as MemorySyncArea, (key) => key.startsWith(draftKey(id)) || key.startsWith(draftKey(bDraft.id)));
    await settle(time, 10_000, a, b);
    deliverSync(a.area as MemorySyncArea, b.area as MemorySyncArea);
    await settle(time, 10_000, a, b);
    expect(a.issue(id)).toMatchObject({ intro: 'Intro from a', outro: 'Outro from b' });
    expect(json(b.issue(id))).toBe(json(a.issue(id)));
    expect(json(a.issue(bDraft.id))).toBe(json(b.issue(bDraft.id)));
  });

  it('waits for a half-arrived draft, then applies it when the rest arrives', async () => {
    const time = new ManualScheduler(START);
    const a = new Device('a', time);
    const b = new Device('b', time);
    const { id } = a.newDraft(12, (index) => noise(1_200, index + 1));
    a.mirror.start();
    b.mirror.start();
    await settle(time, 5_000, a, b);
    const head = draftKey(id);
    deliverSync(a.area as MemorySyncArea, b.area as MemorySyncArea, (key) => key === head || key === chunkKey(head, 0));
    await settle(time, 5_000, a, b);
    expect(b.issue(id)).toBeUndefined();
    expect(b.mirror.getStatus().state).toBe('idle');
    expect((b.area as MemorySyncArea).snapshot()[head]).toEqual((a.area as MemorySyncArea).snapshot()[head]);
    deliverSync(a.area as MemorySyncArea, b.area as MemorySyncArea);
    await settle(time, 5_000, a, b);
    expect(json(b.issue(id))).toBe(json(a.issue(id)));
  });

  it('overwrites a half-arrived copy with its own only after the grace period', async () => {
    const time = new ManualScheduler(START);
    const a = new Device('a', time);
    const b = new Device('b', time);
    const { id } = a.newDraft(12, (index) => noise(1_200, index + 1));
    b.store.issues.set(id, a.issue(id) as Issue);
    a.edit(id, (issue, at) => updateIssueFields(issue, { intro: 'newer on a' }, at));
    a.mirror.start();
    await settle(time, 5_000, a);
    const head = draftKey(id);
    deliverSync(a.area as MemorySyncArea, b.area as MemorySyncArea, (key) => key === head);
    b.mirror.start();
    await settle(time, 30_000, b);
    expect((b.area as MemorySyncArea).snapshot()[head]).toEqual((a.area as MemorySyncArea).snapshot()[head]);
    expect(b.issue(id)?.intro).toBe('');
    await settle(time, 40_000, b);
    expect(await decodeDraft((b.area as MemorySyncArea).snapshot(), id)).toMatchObject({ status: 'complete', value: { intro: '' } });
  });

  it('reports a record written by a newer Roundup and touches neither the store nor those keys', async () => {
    const time = new ManualScheduler(START);
    const b = new Device('b', time);
    const area = b.area as MemorySyncArea;
    const future = { v: 2, n: 1, sum: '00000000', at: formatHlc({ ms: START, counter: 0, deviceId: 'z' }) };
    area.receive({ [draftKey('from-the-future')]: future, [chunkKey(draftKey('from-the-future'), 0)]: 'AAAA' });
    b.newDraft();
    b.mirror.start();
    await settle(time, 5_000, b);
    expect(b.mirror.getStatus()).toMatchObject({ state: 'idle', notes: [expect.objectContaining({ kind: 'newer-version', recordKey: draftKey('from-the-future') })] });
    expect(b.issue('from-the-future')).toBeUndefined();
    expect(area.snapshot()[draftKey('from-the-future')]).toEqual(future);
  });

  it('deletes nothing when the area is emptied, and writes its drafts back after the repair delay', async () => {
    const time = new ManualScheduler(START);
    const a = new Device('a', time);
    const { id } = a.newDraft();
    a.mirror.start();
    await settle(time, 5_000, a);
    const area = a.area as MemorySyncArea;
    area.receive({}, Object.keys(area.snapshot()));
    await settle(time, 30_000, a);
    expect(a.issue(id)).toBeDefined();
    expect(area.snapshot()).toEqual({});
    await settle(time, 31_000, a);
    expect(await decodeDraft(area.snapshot(), id)).toMatchObject({ status: 'complete', value: normalizeIssue(a.issue(id) as Issue) });
  });

  it('syncs settings, the newest winning', async () => {
    const time = new ManualScheduler(START);
    const a = new Device('a', time);
    const b = new Device('b', time, a.area);
    a.settings.current = { value: { ...DEFAULT_SETTINGS, newsletterName: 'Old' }, at: formatHlc({ ms: START, counter: 0, deviceId: 'a' }) };
    b.settings.current = { value: { ...DEFAULT_SETTINGS, newsletterName: 'New' }, at: formatHlc({ ms: START + 1, counter: 0, deviceId: 'b' }) };
    a.mirror.start();
    await settle(time, 5_000, a);
    b.mirror.start();
    await settle(time, 10_000, a, b);
    expect(a.settings.current?.value.newsletterName).toBe('New');
    expect((a.area as MemorySyncArea).snapshot()[SETTINGS_KEY]).toMatchObject({ at: b.settings.current.at });
  });
});
