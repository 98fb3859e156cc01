/**
 * Issue 13: sync against an area holding what another device (broken, or an attacker) may write: clocks
 * from the far future, the largest clock there is, removals dated long ago, records that cannot be merged or
 * read. Each finding is a case through the real mirror, the real IndexedDB stores (fake-indexeddb), the
 * real device clock and an in-memory area with Chrome's quotas, on a fake clock; each checks that editing
 * and syncing go on, that nothing live is lost, and what the status line says to the editor.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { hasFutureClock } from '../core/clock-trust.ts';
import { MAX_CLOCK_SKEW_MS, MAX_HLC_COUNTER, MAX_HLC_MS, formatHlc, parseHlc } from '../core/hlc.ts';
import { addItem, addSection, createIssue, removeItem, restoreItem, updateIssueFields, updateItem } from '../core/issue-ops.ts';
import { liveItems } from '../core/live-parts.ts';
import { latestClockOf } from '../core/merge.ts';
import type { Hlc, Issue } from '../core/model.ts';
import { positionsForCount } from '../core/position.ts';
import { checksum, chunkKey, decodeDraft, draftKey, encodeDraft, encodeRecord } from '../core/sync-codec.ts';
import { makeItem } from '../core/test-factories.ts';
import { TOMBSTONE_LIFETIME_MS } from '../core/tombstones.ts';
import type { RoundupDatabase } from '../storage/db.ts';
import { getIssue, putIssue, updateIssue } from '../storage/issues-repo.ts';
import { putClockState } from '../storage/meta-repo.ts';
import { openTestDb } from '../storage/open-test-db.ts';
import { describeSyncStatus } from '../ui/sync-status-text.ts';
import { buildSyncStatusView } from './build-status-view.ts';
import { createDeviceClock, type DeviceClock } from './idb/device-clock.ts';
import { createSyncIssueStore } from './idb/issue-store.ts';
import { healStoredClocks } from './idb/heal-stored-clocks.ts';
import { createMirrorMemoryRepo } from './idb/mirror-memory-repo.ts';
import { ManualScheduler } from './manual-scheduler.ts';
import { MemorySyncArea, deliverSync } from './memory-sync-area.ts';
import { SyncMirror } from './mirror.ts';

const START = Date.UTC(2026, 10, 20, 9);
const DAY = 24 * 60 * 60 * 1000;
const EVIL = 'zzzzzzzzz:zzzy:evil';
const MAXIMUM = formatHlc({ ms: MAX_HLC_MS, counter: MAX_HLC_COUNTER, deviceId: 'x' });
const YEAR_2500 = formatHlc({ ms: Date.UTC(2500, 0, 1), counter: 0, deviceId: 'evil' });
const opened: RoundupDatabase[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

/** One browser profile: its IndexedDB, sync area, device clock and mirror, on the shared fake time. */
class Device {
  mirror!: SyncMirror;
  clock!: DeviceClock;
  readonly applied: Issue[] = [];

  private constructor(readonly name: string, readonly time: ManualScheduler, readonly db: RoundupDatabase, readonly area: MemorySyncArea) {}

  static async open(name: string, time: ManualScheduler): Promise<Device> {
    const db = await openTestDb();
    opened.push(db);
    const device = new Device(name, time, db, new MemorySyncArea(time.now));
    device.startWorker();
    return device;
  }

  /** What a worker start does: a new clock, store and mirror over the same database and area (nothing kept in memory). */
  startWorker(): void {
    this.mirror?.stop();
    const db = async () => this.db;
    this.clock = createDeviceClock(db, this.time.now);
    const store = createSyncIssueStore({ db, now: this.time.now, choices: async () => new Map(), onApplied: (issue) => this.applied.push(issue) });
    this.mirror = new SyncMirror({ area: this.area, store, scheduler: this.time.scope(this.name), now: this.time.now,
      observeClock: (at) => this.clock.receive(at), memory: createMirrorMemoryRepo(db) });
    this.mirror.start();
  }

  /** A new draft with `items` items, as the background makes one. */
  async newDraft(id: string, items = 2, number = 206): Promise<Issue> {
    let issue = createIssue({ id, number, title: `Deep Learning Weekly #${number}`, sectionNames: ['Industry'], intro: '', outro: '',
      createdAt: new Date(START).toISOString(), at: await this.clock.next(), makeId: () => `${id}-s` });
    for (let index = 0; index < items; index++) {
      const { sectionId: _s, position: _p, clocks: _c, ...fields } = makeItem({ id: `${id}-item-${index}`, title: `Item ${index}` });
      issue = addItem(issue, fields, { sectionId: `${id}-s`, at: await this.clock.next() });
    }
    await putIssue(this.db, issue);
    this.mirror.markDirty();
    return issue;
  }

  /** An edit as the background makes it (handlers/edit-issue.ts): a clock, then one transaction. */
  async edit(id: string, change: (issue: Issue, at: Hlc) => Issue): Promise<Issue> {
    const at = await this.clock.next();
    const issue = await updateIssue(this.db, id, (current) => change(current, at));
    this.mirror.markDirty();
    return issue;
  }

  async issue(id: string): Promise<Issue> {
    const issue = await getIssue(this.db, id);
    if (issue === undefined) throw new Error(`no issue ${id} on ${this.name}`);
    return issue;
  }

  /** The status line as the popup, the editor page and the settings page show it. */
  async statusLine(): Promise<string[]> {
    const issues = [...(await this.db.getAll('issues'))];
    const view = buildSyncStatusView({ status: this.mirror.getStatus(), storedLastSyncedAt: null, choices: new Map(), issues, choicesError: null });
    const { headline, details, notices } = describeSyncStatus(view, this.time.now());
    return [headline, ...details, ...notices];
  }

  async settle(ms = 10_000): Promise<void> {
    await this.time.advance(ms);
    await this.mirror.whenIdle();
  }
}

/** Another device's record of `issue`, as the browser would deliver it into `to`'s area. */
async function arrives(to: Device, issue: Issue): Promise<void> {
  to.area.receive((await encodeDraft(issue)).items);
  await to.settle();
}

/** Nothing in the status line the editor could not read: no clock, record key, schema path or browser word. */
function expectPlainWords(lines: readonly string[]): void {
  for (const line of lines) {
    expect(line).not.toMatch(/[0-9a-z]{9}:[0-9a-z]{4}|\bd:|issue\.|\.clocks|expected|exhausted|QUOTA|Error/);
  }
}

/** The device can still make an edit that wins over everything it holds, and it syncs out. */
async function expectEditingGoesOn(device: Device, id: string): Promise<void> {
  const edited = await device.edit(id, (issue, at) => updateIssueFields(issue, { tagline: `Edited on ${device.name} at ${at}` }, at));
  expect(edited.clocks.tagline).toBe(latestClockOf(edited));
  expect(hasFutureClock(edited, device.time.now())).toBe(false);
  await device.settle();
  const synced = await decodeDraft(device.area.snapshot(), id);
  expect(synced).toMatchObject({ status: 'complete', value: { tagline: edited.tagline } });
  if (synced.status === 'complete') expect(parseHlc(synced.head.at)?.ms).toBeLessThanOrEqual(device.time.now() + MAX_CLOCK_SKEW_MS);
}

describe('hostile sync (issue 13)', () => {
  it('1. a tagline stamped zzzzzzzzz:zzzy:evil neither wedges this device\u2019s clock nor spreads to the next', async () => {
    const time = new ManualScheduler(START);
    const [a, b] = [await Device.open('a', time), await Device.open('b', time)];
    const draft = await b.newDraft('held');
    await b.settle();
    await arrives(b, { ...draft, tagline: 'Evil', clocks: { ...draft.clocks, tagline: EVIL } });
    await arrives(b, { ...(await a.newDraft('new', 2, 207)), tagline: 'Evil too', clocks: { tagline: EVIL } });
    expect((await b.issue('held')).tagline).not.toBe('Evil');
    expect((await b.issue('new')).tagline).toBe('Evil too');
    for (let edit = 0; edit < 5; edit++) await expectEditingGoesOn(b, 'held');
    await expectEditingGoesOn(b, 'new');
    const lines = await b.statusLine();
    expect(lines[0]).toBe('Saved for sync just now; 2 problems with data from another device');
    expect(lines).toContain('Some edits in issue #206 (Deep Learning Weekly #206) from another device are dated more than a day ahead of this '
      + 'device\u2019s clock, so they were not applied. Check the date and time on your devices.');
    expectPlainWords(lines);
    // What b writes next carries no such clock, so the device it reaches is not wedged either.
    deliverSync(b.area, a.area);
    await a.settle();
    await expectEditingGoesOn(a, 'held');
  });

  it('1. a device poisoned before the fix (exhausted clock state, a zzzz clock in a stored issue) heals on its next start', async () => {
    const time = new ManualScheduler(START);
    const b = await Device.open('b', time);
    const draft = await b.newDraft('held');
    await putIssue(b.db, { ...draft, clocks: { ...draft.clocks, tagline: EVIL } });
    await putClockState(b.db, { deviceId: parseHlc(latestClockOf(draft))?.deviceId ?? 'b', ms: MAX_HLC_MS, counter: MAX_HLC_COUNTER });
    await time.advance(1_000);
    b.startWorker();
    expect(await healStoredClocks({ db: async () => b.db, now: time.now, stamp: () => b.clock.next() })).toBe(1);
    expect(hasFutureClock(await b.issue('held'), time.now())).toBe(false);
    await expectEditingGoesOn(b, 'held');
  });

  it('2. the largest clock there is stops no sync run: local edits keep leaving the device', async () => {
    const time = new ManualScheduler(START);
    const b = await Device.open('b', time);
    const draft = await b.newDraft('held');
    await b.settle();
    await arrives(b, { ...draft, title: 'Max', clocks: { ...draft.clocks, title: MAXIMUM, deleted: MAXIMUM }, deleted: MAXIMUM });
    expect(b.mirror.getStatus().state).toBe('idle');
    expect((await b.issue('held')).deleted).toBeUndefined();
    await expectEditingGoesOn(b, 'held');
    await expectEditingGoesOn(b, 'held');
    expectPlainWords(await b.statusLine());
  });

  it('3. a record whose merge would break a limit is set aside; the other records of the run are applied and local edits go out', async () => {
    const time = new ManualScheduler(START);
    const [a, b] = [await Device.open('a', time), await Device.open('b', time)];
    const held = await b.newDraft('held');
    await b.settle();
    // 600 sections there and 600 other sections here: each copy valid, together over the limit of 1,000.
    const many = (prefix: string) => positionsForCount(600).map((position, index) => ({ id: `${prefix}${index}`, name: '', position, clocks: {} }));
    await updateIssue(b.db, 'held', (issue) => ({ ...issue, sections: [...issue.sections, ...many('here')] }));
    const other = await a.newDraft('other');
    const tooBig = { ...held, sections: [...held.sections, ...many('there')] };
    // 199 clocks under made-up names: merged with the issue's own, they used to break the limit of 200.
    const junk = { ...other, clocks: { ...other.clocks, ...Object.fromEntries(Array.from({ length: 199 }, (_, i) => [`junk${i}`, latestClockOf(other)])) } };
    b.area.receive({ ...(await encodeDraft(tooBig)).items, ...(await encodeDraft(junk)).items });
    await b.settle();
    expect(b.mirror.getStatus().state).toBe('idle');
    expect((await b.issue('other')).items).toHaveLength(2);
    expect((await b.issue('held')).sections).toHaveLength(601);
    const lines = await b.statusLine();
    expect(lines).toContain('Issue #206 (Deep Learning Weekly #206) from another device could not be merged: together with the copy on this device it '
      + 'would hold 1,201 sections, more than Roundup keeps in one issue (1,000); the copy on this device was kept as it is. It was set aside; the rest of sync goes on.');
    expectPlainWords(lines);
    // This device's copy is the truth for its own draft: it goes out over the one set aside.
    await expectEditingGoesOn(b, 'held');
    expect((await decodeDraft(b.area.snapshot(), 'held')).status).toBe('complete');
  });

  it('4. a title stamped in the year 2500 never reverts the editor\u2019s fix, however often it is sent again', async () => {
    const time = new ManualScheduler(START);
    const b = await Device.open('b', time);
    const draft = await b.newDraft('held');
    await b.settle();
    // An ordinary head clock: only the title's clock is from the future.
    const bad = { ...draft, title: 'Bad title', clocks: { ...draft.clocks, title: YEAR_2500 } };
    const record = await encodeDraft(bad);
    const ordinaryHead = { ...record.items, [draftKey('held')]: { ...record.head, at: latestClockOf(draft) } };
    b.area.receive(ordinaryHead);
    await b.settle();
    await b.edit('held', (issue, at) => updateIssueFields(issue, { title: 'Fixed by the editor' }, at));
    await b.settle();
    for (let resend = 0; resend < 3; resend++) {
      b.area.receive(ordinaryHead);
      await b.settle(60_000);
      expect((await b.issue('held')).title).toBe('Fixed by the editor');
    }
    expect((await decodeDraft(b.area.snapshot(), 'held'))).toMatchObject({ status: 'complete', value: { title: 'Fixed by the editor' } });
    expect(await b.statusLine()).toContain('Some edits in issue #206 (Fixed by the editor) from another device are dated more than a day ahead of '
      + 'this device\u2019s clock, so they were not applied. Check the date and time on your devices.');
  });

  it('5. removals dated 40 days ago (a device whose clock is a month slow) wipe nothing; a recent removal stays restorable for the lifetime', async () => {
    const time = new ManualScheduler(START);
    const b = await Device.open('b', time);
    // Items as an imported file leaves them: no clocks, older than any removal.
    const imported = await b.newDraft('held', 20);
    const unclocked = { ...imported, items: imported.items.map((item) => ({ ...item, clocks: {} })) };
    await putIssue(b.db, unclocked);
    await b.settle();
    const slow = formatHlc({ ms: START - 40 * DAY, counter: 0, deviceId: 'slow' });
    await arrives(b, { ...unclocked, items: unclocked.items.map((item) => ({ ...item, deleted: slow, clocks: { deleted: slow } })) });
    expect(liveItems(await b.issue('held'))).toHaveLength(20);
    const lines = await b.statusLine();
    expect(lines).toContain('Issue #206 (Deep Learning Weekly #206) from another device removed 20 items or sections more than 30 days ago by its clock; '
      + 'they were kept here. Check the date and time on your devices.');
    expectPlainWords(lines);

    // A removal within the lifetime, from a device whose clock runs a little ahead, is applied, and undone.
    const fast = formatHlc({ ms: START + 3_600_000, counter: 0, deviceId: 'fast' });
    const removed = removeItem(await b.issue('held'), 'held-item-0', fast);
    await arrives(b, removed);
    expect(liveItems(await b.issue('held'))).toHaveLength(19);
    // Still restorable a whole lifetime later, and the restore wins over the removal.
    await time.advance(TOMBSTONE_LIFETIME_MS - DAY);
    await b.settle();
    const restored = await b.edit('held', (issue, at) => restoreItem(issue, 'held-item-0', at));
    expect(liveItems(restored)).toHaveLength(20);
    await b.settle();
    const synced = await decodeDraft(b.area.snapshot(), 'held');
    expect(synced.status === 'complete' && liveItems(synced.value).length).toBe(20);
  });

  it('7. a restore after a removal stamped ahead of this device\u2019s clock wins, with no clock in any message', async () => {
    const time = new ManualScheduler(START);
    const b = await Device.open('b', time);
    await b.newDraft('held');
    await b.settle();
    // As the finding had it: an ordinary head clock, only the removal stamped 20 hours ahead.
    const fast = formatHlc({ ms: START + 20 * 3_600_000, counter: 0, deviceId: 'fast' });
    const record = await encodeDraft(removeItem(await b.issue('held'), 'held-item-1', fast));
    const ordinaryHead = { ...record.items, [draftKey('held')]: { ...record.head, at: latestClockOf(await b.issue('held')) } };
    b.area.receive(ordinaryHead);
    await b.settle();
    expect(liveItems(await b.issue('held')).map((item) => item.id)).toEqual(['held-item-0']);
    const restored = await b.edit('held', (issue, at) => restoreItem(issue, 'held-item-1', at));
    expect(liveItems(restored).map((item) => item.id)).toEqual(['held-item-0', 'held-item-1']);
    // The restore is newer than the removal it undid: the same removal sent again changes nothing.
    await b.settle();
    b.area.receive(ordinaryHead);
    await b.settle();
    expect(liveItems(await b.issue('held')).map((item) => item.id)).toEqual(['held-item-0', 'held-item-1']);
    expect(() => restoreItem(restored, 'gone', formatHlc({ ms: START, counter: 0, deviceId: 'b' })))
      .toThrow('That item is no longer part of issue #206, so it cannot be restored.');
  });

  it('8. the mirror\u2019s memory outlives the worker: a vanished draft is written back a repair delay after it vanished, not at the next start', async () => {
    const time = new ManualScheduler(START);
    const b = await Device.open('b', time);
    await b.newDraft('held');
    await b.settle();
    const keys = Object.keys(b.area.snapshot());
    b.area.receive({}, keys);
    await b.settle(20_000);
    expect(b.area.snapshot()).toEqual({});
    b.startWorker();
    await b.settle(5_000);
    expect(b.area.snapshot()).toEqual({});
    // 60 s after it vanished (25 s have passed), across the restart.
    await b.settle(36_000);
    expect((await decodeDraft(b.area.snapshot(), 'held')).status).toBe('complete');
    // Its own echo is not applied again after a restart: nothing changes in the store.
    b.startWorker();
    await b.settle();
    expect(b.applied).toEqual([]);
  });

  it('9. an unreadable record under a draft\u2019s key is overwritten with this device\u2019s copy, and the draft keeps syncing', async () => {
    const time = new ManualScheduler(START);
    const b = await Device.open('b', time);
    await b.newDraft('held');
    await b.settle();
    const broken = await encodeRecord(draftKey('held'), [1, 'not a packed issue'], latestClockOf(await b.issue('held')));
    b.area.receive(broken.items);
    await b.settle();
    expect((await decodeDraft(b.area.snapshot(), 'held')).status).toBe('complete');
    const lines = await b.statusLine();
    expect(lines).toContain('Issue #206 (Deep Learning Weekly #206) from another device could not be read, so it was set aside. This device\u2019s copy is synced in its place.');
    expectPlainWords(lines);
    await expectEditingGoesOn(b, 'held');
    // A garbled chunk (its checksum matches what it holds) is the same case.
    b.area.receive({ [chunkKey(draftKey('held'), 0)]: 'AAAA', [draftKey('held')]: { v: 1, n: 1, sum: checksum('AAAA'), at: latestClockOf(await b.issue('held')) } });
    await b.settle();
    expect((await decodeDraft(b.area.snapshot(), 'held')).status).toBe('complete');
    await expectEditingGoesOn(b, 'held');
  });

  it('sections added on both sides meanwhile still merge (the limit case is only where it is exceeded)', async () => {
    const time = new ManualScheduler(START);
    const [a, b] = [await Device.open('a', time), await Device.open('b', time)];
    await b.newDraft('held');
    await b.settle();
    deliverSync(b.area, a.area);
    await a.settle();
    await a.edit('held', (issue, at) => addSection(issue, { id: 'from-a', name: 'From A', at }));
    await b.edit('held', (issue, at) => updateItem(issue, 'held-item-0', { title: 'From B' }, at));
    await a.settle();
    await b.settle();
    deliverSync(a.area, b.area);
    await b.settle();
    expect((await b.issue('held')).sections.map((section) => section.id)).toContain('from-a');
    expect((await b.issue('held')).items[0]?.title).toBe('From B');
    expect(await b.statusLine()).toEqual(['Saved for sync just now']);
  });
});
