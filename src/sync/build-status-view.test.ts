import { describe, expect, it } from 'vitest';
import { formatHlc } from '../core/hlc.ts';
import type { SyncNote } from './mirror-memory.ts';
import type { SyncStatus } from './mirror.ts';
import { buildSyncStatusView, issueIdsNamedIn, plainSyncError } from './build-status-view.ts';

const at = formatHlc({ ms: 1, counter: 0, deviceId: 'here' });
const issues = [{ id: 'old', number: 3, title: 'Issue #3' }, { id: 'secret', number: 4, title: 'Issue #4' }];
const idle: SyncStatus = { state: 'idle', lastSyncedAt: 1_000, localOnly: [], notes: [] };

describe('buildSyncStatusView', () => {
  it('names the issues kept local, and why', () => {
    const view = buildSyncStatusView({
      status: { state: 'full', lastSyncedAt: 1_000, localOnly: ['secret', 'old'], notes: [] }, storedLastSyncedAt: null,
      choices: new Map([['secret', { sync: false, at }], ['old', { sync: true, at }]]), issues, choicesError: null,
    });
    expect(view).toEqual({
      state: 'full', lastSyncedAt: 1_000, error: null, notices: [], optedOut: ['secret'],
      localOnly: [{ issueId: 'secret', number: 4, title: 'Issue #4', reason: 'opted-out' }, { issueId: 'old', number: 3, title: 'Issue #3', reason: 'no-room' }],
    });
  });

  it('falls back on the stored time of the last sync after the worker restarted', () => {
    const view = buildSyncStatusView({ status: { ...idle, lastSyncedAt: null }, storedLastSyncedAt: 500, choices: new Map(), issues, choicesError: null });
    expect(view.lastSyncedAt).toBe(500);
  });

  it('reports the mirror\u2019s error first, else a switch that could not be written', () => {
    const mirrorError = buildSyncStatusView({ status: { ...idle, state: 'error', error: 'sync failed: offline; retrying in 60 s' },
      storedLastSyncedAt: null, choices: new Map(), issues, choicesError: 'switch refused' });
    expect(mirrorError).toMatchObject({ state: 'error', error: 'Sync stopped on a problem Roundup did not expect. Roundup will try again in 60 seconds; your edits are safe on this device.' });
    const switchError = buildSyncStatusView({ status: idle, storedLastSyncedAt: null, choices: new Map(), issues, choicesError: 'switch refused' });
    expect(switchError).toMatchObject({ state: 'error', error: 'switch refused' });
  });
});

describe('issueIdsNamedIn', () => {
  const note = (record: SyncNote['record']): SyncNote => ({ kind: 'unreadable', recordKey: 'k', record, count: 0, detail: null, seenAt: 1 });

  it('lists the issues kept local and those a note is about, once each, and no others', () => {
    const status: SyncStatus = { ...idle, localOnly: ['secret', 'old'],
      notes: [note({ kind: 'draft', issueId: 'arrived' }), note({ kind: 'draft', issueId: 'old' }), note({ kind: 'settings' }), note({ kind: 'featured' })] };
    expect(issueIdsNamedIn(status)).toEqual(['secret', 'old', 'arrived']);
    expect(issueIdsNamedIn(idle)).toEqual([]);
  });

  it('is enough to build the same view as from every stored issue', () => {
    const status: SyncStatus = { ...idle, state: 'full', localOnly: ['secret'], notes: [note({ kind: 'draft', issueId: 'old' })] };
    const everyIssue = [...issues, { id: 'unnamed', number: 9, title: 'Issue #9' }];
    const input = { status, storedLastSyncedAt: null, choices: new Map(), choicesError: null };
    const named = new Set(issueIdsNamedIn(status));
    expect(buildSyncStatusView({ ...input, issues: everyIssue.filter((issue) => named.has(issue.id)) }))
      .toEqual(buildSyncStatusView({ ...input, issues: everyIssue }));
  });
});

describe('plainSyncError', () => {
  it.each([
    ['the browser\u2019s sync storage refused the write: This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.; retrying in 60 s',
      /^Too many changes in a short time .*120 a minute.*try again in 60 seconds/],
    ['the browser\u2019s sync storage refused the write: This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.; retrying in 960 s',
      /^Too many changes this hour .*1,800 an hour.*try again in 16 minutes/],
    ['the browser\u2019s sync storage refused the write: QuotaExceededError: storage.sync API call exceeded its quota limitations.; retrying in 120 s',
      /^The browser’s sync storage refused the change \(it holds 100 KB at most\)\. Roundup will try again in 2 minutes/],
    ['sync failed: IndexedDB is closing; retrying in 60 s', /^Sync could not read or save this device’s data just now\. Roundup will try again in 60 seconds/],
    ['sync failed: TypeError: Cannot read properties of undefined (reading \'at\'); retrying in 60 s',
      /^Sync stopped on a problem Roundup did not expect\. Roundup will try again in 60 seconds; your edits are safe on this device\.$/],
  ])('%s', (message, expected) => {
    expect(plainSyncError(message)).toMatch(expected);
  });
});

describe('the notes of records from other devices', () => {
  const issuesById = [{ id: 'held', number: 206, title: 'Deep Learning Weekly #206' }];
  const note = (kind: SyncNote['kind'], record: SyncNote['record'], extra: Partial<SyncNote> = {}): SyncNote =>
    ({ kind, recordKey: 'd:x', record, count: 0, detail: null, seenAt: 1_000, ...extra });
  const held = { kind: 'draft', issueId: 'held' } as const;
  it.each([
    [note('unreadable', held), 'Issue #206 (Deep Learning Weekly #206) from another device could not be read, so it was set aside. This device’s copy is synced in its place.'],
    [note('unreadable', { kind: 'draft', issueId: 'elsewhere' }), 'An issue from another device could not be read, so it was set aside. It was left as it is.'],
    [note('newer-version', { kind: 'settings' }), 'The settings from another device was saved by a newer version of Roundup and was left as it is. Update Roundup on this device.'],
    [note('unmergeable', held, { detail: 'together with the copy on this device it would hold 1,004 sections, more than Roundup keeps in one issue (1,000); the copy on this device was kept as it is' }),
      'Issue #206 (Deep Learning Weekly #206) from another device could not be merged: together with the copy on this device it would hold 1,004 sections, '
      + 'more than Roundup keeps in one issue (1,000); the copy on this device was kept as it is. It was set aside; the rest of sync goes on.'],
    [note('future-clocks', held, { count: 3 }), 'Some edits in issue #206 (Deep Learning Weekly #206) from another device are dated more than a day ahead of this device’s clock, so they were not applied. Check the date and time on your devices.'],
    [note('stale-removals', held, { count: 20 }), 'Issue #206 (Deep Learning Weekly #206) from another device removed 20 items or sections more than 30 days ago by its clock; they were kept here. Check the date and time on your devices.'],
  ])('%o reads in plain words', (input, sentence) => {
    const view = buildSyncStatusView({ status: { ...idle, notes: [input] }, storedLastSyncedAt: null, choices: new Map(), issues: issuesById, choicesError: null });
    expect(view).toMatchObject({ state: 'idle', error: null, notices: [sentence] });
    expect(sentence).not.toMatch(/d:x|[0-9a-z]{9}:[0-9a-z]{4}|\.clocks|expected/);
  });
});
