import { afterEach, describe, expect, it } from 'vitest';
import { formatHlc } from '../../core/hlc.ts';
import { createIssue, publishIssue, updateIssueFields } from '../../core/issue-ops.ts';
import type { Issue } from '../../core/model.ts';
import type { RoundupDatabase } from '../../storage/db.ts';
import { putIssue } from '../../storage/issues-repo.ts';
import { openTestDb } from '../../storage/open-test-db.ts';
import type { SyncChoices } from './choices-repo.ts';
import { createSyncIssueStore, OWED_MS, RECENT_CHANGE_MS } from './issue-store.ts';

const NOW = Date.UTC(2026, 10, 20);
const DAY = 24 * 60 * 60 * 1000;
const clock = (ms: number, deviceId = 'laptop') => formatHlc({ ms, counter: 0, deviceId });

function issue(id: string, changes: (draft: Issue) => Issue = (draft) => draft): Issue {
  return changes(createIssue({ id, number: 1, title: id, sectionNames: ['News'], intro: '', outro: '',
    createdAt: '2026-10-01T09:00:00.000Z', at: clock(NOW - 60 * DAY), makeId: () => `${id}-section` }));
}

const published = (daysAgo: number) => (draft: Issue) => publishIssue(draft, '2026-11-01T09:00:00.000Z', clock(NOW - daysAgo * DAY));
const deleted = (daysAgo: number) => (draft: Issue): Issue => ({ ...draft, deleted: clock(NOW - daysAgo * DAY) });

let db: RoundupDatabase;
afterEach(() => db.close());

async function storeWith(issues: Issue[], options: { choices?: SyncChoices; now?: () => number; applied?: Issue[] } = {}) {
  db = await openTestDb();
  for (const stored of issues) await putIssue(db, stored);
  return createSyncIssueStore({
    db: async () => db, now: options.now ?? (() => NOW), choices: async () => options.choices ?? new Map(),
    onApplied: (applied) => options.applied?.push(applied),
  });
}

describe('the store of mirrored issues', () => {
  it.each([
    ['a draft', issue('x'), true],
    ['an issue published yesterday', issue('x', published(1)), true],
    ['an issue published just within the week', issue('x', published(RECENT_CHANGE_MS / DAY - 0.01)), true],
    ['an issue published two weeks ago', issue('x', published(14)), false],
    ['a draft deleted yesterday', issue('x', deleted(1)), true],
    ['a draft deleted two weeks ago', issue('x', deleted(14)), false],
  ])('mirrors %s: %s', async (_name, stored, mirrored) => {
    const store = await storeWith([stored]);
    expect(await store.listMirroredIssues()).toEqual(mirrored ? [{ id: 'x', syncEnabled: true }] : []);
  });

  it('lists a switched-off draft as not syncing', async () => {
    const store = await storeWith([issue('x'), issue('y')], { choices: new Map([['y', { sync: false, at: clock(NOW) }], ['x', { sync: true, at: clock(NOW) }]]) });
    expect(await store.listMirroredIssues()).toEqual([{ id: 'x', syncEnabled: true }, { id: 'y', syncEnabled: false }]);
  });

  it('leaves a damaged record out instead of failing the whole list', async () => {
    const store = await storeWith([issue('x')]);
    await db.put('issues', { id: 'broken', status: 'draft', clocks: {} } as unknown as Issue);
    expect(await store.listMirroredIssues()).toEqual([{ id: 'x', syncEnabled: true }]);
  });

  it('merges what arrives and tells only when something changed', async () => {
    const applied: Issue[] = [];
    const store = await storeWith([issue('x')], { applied });
    const edited = updateIssueFields(issue('x'), { intro: 'From the laptop' }, clock(NOW - 1_000));
    expect(await store.putIssue(edited)).toMatchObject({ issue: { intro: 'From the laptop' }, keptLive: 0 });
    expect(await store.putIssue(edited)).toMatchObject({ issue: { intro: 'From the laptop' }, keptLive: 0 });
    expect(applied.map((change) => change.intro)).toEqual(['From the laptop']);
    expect(await store.getIssue('x')).toMatchObject({ intro: 'From the laptop' });
  });

  it('owes a device that is behind on an old published issue its newer copy, until that device removes the record', async () => {
    let now = NOW;
    const store = await storeWith([issue('x', published(30))], { now: () => now });
    expect(await store.listMirroredIssues()).toEqual([]);
    // A device that was offline for a month still holds it as a draft, and writes that draft.
    await store.putIssue(issue('x'));
    expect(await store.listMirroredIssues()).toEqual([{ id: 'x', syncEnabled: true }]);
    await store.forgetOwed('x');
    expect(await store.listMirroredIssues()).toEqual([]);

    await store.putIssue(issue('x'));
    now += OWED_MS + 1;
    expect(await store.listMirroredIssues()).toEqual([]);
  });

  it('keeps what it owes across a worker restart (a new store over the same database)', async () => {
    let now = NOW;
    const store = await storeWith([issue('x', published(30))], { now: () => now });
    await store.putIssue(issue('x'));
    const restarted = createSyncIssueStore({ db: async () => db, now: () => now, choices: async () => new Map() });
    expect(await restarted.listMirroredIssues()).toEqual([{ id: 'x', syncEnabled: true }]);
    now += OWED_MS + 1;
    expect(await restarted.listMirroredIssues()).toEqual([]);
  });

  it('owes nothing to a device that sends what this one already holds', async () => {
    const store = await storeWith([issue('x', published(30))]);
    await store.putIssue(issue('x', published(30)));
    expect(await store.listMirroredIssues()).toEqual([]);
  });
});
