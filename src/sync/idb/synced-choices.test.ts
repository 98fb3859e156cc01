import { afterEach, describe, expect, it } from 'vitest';
import { formatHlc } from '../../core/hlc.ts';
import type { Hlc } from '../../core/model.ts';
import { TOMBSTONE_LIFETIME_MS } from '../../core/tombstones.ts';
import type { RoundupDatabase } from '../../storage/db.ts';
import { openTestDb } from '../../storage/open-test-db.ts';
import { getSyncChoices, updateSyncChoices } from './choices-repo.ts';
import { MemorySyncArea } from '../memory-sync-area.ts';
import type { SyncArea } from '../ports.ts';
import { choiceKey, parseChoiceKey, SyncedChoices } from './synced-choices.ts';

const NOW = Date.UTC(2026, 10, 20);
const clock = (ms: number, deviceId = 'here') => formatHlc({ ms, counter: 0, deviceId });

let db: RoundupDatabase;

async function setUp(area: SyncArea = new MemorySyncArea(() => NOW)) {
  db = await openTestDb();
  const opened = db;
  let ms = NOW;
  const observed: Hlc[] = [];
  const changes: number[] = [];
  const choices = new SyncedChoices({
    area, db: async () => opened, stamp: async () => clock(ms++), now: () => NOW,
    observeClock: async (at) => { observed.push(at); }, onChange: () => changes.push(changes.length),
  });
  return { area, choices, observed, changes };
}

describe('choice keys', () => {
  it.each([
    ['o:issue-1', 'issue-1'],
    [choiceKey('a:b c'), 'a:b c'],
    ['o:a%3Ab', 'a:b'],
    ['o:a:b', null], // not how choiceKey spells it: one issue never has two keys
    ['d:issue-1', null],
    ['o:%E0%A4%A', null],
  ])('%s names the switch of %s', (key, issueId) => {
    expect(parseChoiceKey(key)).toBe(issueId);
  });
});

describe('the shared "sync this issue" switches', () => {
  afterEach(() => db.close());

  it('saves a flip here and writes it to the area at once', async () => {
    const { area, choices, changes } = await setUp();
    await choices.set('issue-1', false);
    expect(await getSyncChoices(db)).toEqual(new Map([['issue-1', { sync: false, at: clock(NOW) }]]));
    expect((area as MemorySyncArea).snapshot()).toEqual({ 'o:issue-1': { sync: false, at: clock(NOW) } });
    expect(changes).toHaveLength(1);
  });

  it('hands a failed flip to its caller and still saves the next one', async () => {
    const { area } = await setUp();
    const opened = db;
    let stamps = 0;
    const choices = new SyncedChoices({
      area, db: async () => opened, now: () => NOW, observeClock: async () => {}, onChange: () => {},
      stamp: async () => {
        if (stamps++ === 0) throw new Error('the clock is unreadable');
        return clock(NOW);
      },
    });
    const failed = choices.set('issue-1', false);
    const next = choices.set('issue-2', false);
    await expect(failed).rejects.toThrow('the clock is unreadable');
    await next;
    expect(await getSyncChoices(db)).toEqual(new Map([['issue-2', { sync: false, at: clock(NOW) }]]));
    expect((area as MemorySyncArea).snapshot()).toEqual({ 'o:issue-2': { sync: false, at: clock(NOW) } });
  });

  it('takes a newer switch from the area, moves the clock past it, and leaves the area alone', async () => {
    const { area, choices, observed, changes } = await setUp();
    await choices.set('issue-1', false);
    const theirs = { sync: true, at: clock(NOW + 5_000, 'there') };
    (area as MemorySyncArea).receive({ 'o:issue-1': theirs });
    const writes = (area as MemorySyncArea).calls.set;
    await choices.reconcile();
    expect((await getSyncChoices(db)).get('issue-1')).toEqual(theirs);
    expect(observed).toEqual([theirs.at]);
    expect(changes).toHaveLength(2);
    expect((area as MemorySyncArea).calls.set).toBe(writes);
  });

  it('keeps its own newer switch and writes it over an older one', async () => {
    const { area, choices, observed } = await setUp();
    await choices.set('issue-1', false);
    (area as MemorySyncArea).receive({ 'o:issue-1': { sync: true, at: clock(NOW - 5_000, 'there') } });
    await choices.reconcile();
    expect((await getSyncChoices(db)).get('issue-1')?.sync).toBe(false);
    expect((area as MemorySyncArea).snapshot()['o:issue-1']).toEqual({ sync: false, at: clock(NOW) });
    // Every believed clock is observed before anything is stored, taken or not: observing an older one is harmless.
    expect(observed).toEqual([clock(NOW - 5_000, 'there')]);
  });

  it('takes no switch stamped more than a day ahead, writes its own over it, and says so in plain words', async () => {
    const { area, choices, observed } = await setUp();
    await choices.set('issue-1', false);
    (area as MemorySyncArea).receive({ 'o:issue-1': { sync: true, at: 'zzzzzzzzz:zzzz:evil' }, 'o:issue-2': { sync: false, at: clock(NOW + 2 * 86_400_000, 'fast') } });
    await choices.reconcile();
    expect((await getSyncChoices(db)).get('issue-1')?.sync).toBe(false);
    expect((await getSyncChoices(db)).has('issue-2')).toBe(false);
    expect((area as MemorySyncArea).snapshot()['o:issue-1']).toEqual({ sync: false, at: clock(NOW) });
    expect(observed).toEqual([]);
    expect(choices.notices).toEqual(['2 \u201cSync this issue\u201d switches from another device are dated more than a day ahead of this device\u2019s clock, '
      + 'so they were not applied. Check the date and time on your devices.']);
  });

  it('writes its switches back to an emptied area in one write', async () => {
    const { area, choices } = await setUp();
    await choices.set('issue-1', false);
    await choices.set('issue-2', true);
    const memory = area as MemorySyncArea;
    memory.receive({}, Object.keys(memory.snapshot()));
    const writes = memory.calls.set;
    await choices.reconcile();
    expect(Object.keys(memory.snapshot()).sort()).toEqual(['o:issue-1', 'o:issue-2']);
    expect(memory.calls.set).toBe(writes + 1);
  });

  it('forgets a switch turned back on more than 30 days ago, here and in the area; an off switch stays', async () => {
    const { area, choices } = await setUp();
    const old = clock(NOW - TOMBSTONE_LIFETIME_MS - 1);
    await updateSyncChoices(db, () => new Map([['on-long-ago', { sync: true, at: old }], ['off-long-ago', { sync: false, at: old }]]));
    (area as MemorySyncArea).receive({ 'o:on-long-ago': { sync: true, at: old }, 'o:also-on-long-ago': { sync: true, at: old } });
    await choices.reconcile();
    expect([...(await getSyncChoices(db)).keys()]).toEqual(['off-long-ago']);
    expect((area as MemorySyncArea).snapshot()).toEqual({ 'o:off-long-ago': { sync: false, at: old } });
  });

  it('ignores values it cannot read and keys that are not switches', async () => {
    const { area, choices } = await setUp();
    (area as MemorySyncArea).receive({ 'o:issue-1': { sync: 'no', at: 'yesterday' }, 'other-extension': { sync: false, at: clock(NOW) } });
    await choices.reconcile();
    expect(await getSyncChoices(db)).toEqual(new Map());
    expect((area as MemorySyncArea).snapshot()['o:issue-1']).toEqual({ sync: 'no', at: 'yesterday' });
  });

  it('keeps the switch here and says why when the area refuses it', async () => {
    const inner = new MemorySyncArea(() => NOW);
    const refusing: SyncArea = { get: (keys) => inner.get(keys), remove: (keys) => inner.remove(keys), onChanged: (listener) => inner.onChanged(listener),
      set: async () => { throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.'); } };
    const { choices } = await setUp(refusing);
    await choices.set('issue-1', false);
    expect((await getSyncChoices(db)).get('issue-1')?.sync).toBe(false);
    expect(choices.error).toBe('The browser\u2019s sync storage refused the \u201cSync this issue\u201d switch. It is saved on this device, and Roundup will try again at the next change.');
  });
});
