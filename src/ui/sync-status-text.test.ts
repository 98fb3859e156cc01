import { describe, expect, it } from 'vitest';
import type { SyncStatusView } from '../sync/status-view.ts';
import { describeIssueSync, describeSyncedAgo, describeSyncStatus } from './sync-status-text.ts';

const NOW = Date.UTC(2026, 10, 20, 12);
const MINUTE = 60_000;

function view(overrides: Partial<SyncStatusView> = {}): SyncStatusView {
  return { state: 'idle', lastSyncedAt: NOW - 5 * MINUTE, error: null, notices: [], localOnly: [], optedOut: [], ...overrides };
}

describe('describeSyncedAgo', () => {
  it.each([
    [0, 'just now'],
    [59_999, 'just now'],
    [MINUTE, '1 minute ago'],
    [59 * MINUTE, '59 minutes ago'],
    [60 * MINUTE, '1 hour ago'],
    [23 * 60 * MINUTE, '23 hours ago'],
    [-5_000, 'just now'],
  ])('%i ms ago reads "%s"', (elapsed, expected) => {
    expect(describeSyncedAgo(NOW - elapsed, NOW)).toBe(expected);
  });

  it('gives the date after a day', () => {
    expect(describeSyncedAgo(NOW - 3 * 24 * 60 * MINUTE, NOW)).toMatch(/^on .*2026/);
  });
});

describe('describeSyncStatus', () => {
  it.each([
    ['synced', view(), { headline: 'Saved for sync 5 minutes ago', tone: 'ok', details: [], notices: [] }],
    ['never synced', view({ lastSyncedAt: null }), { headline: 'Not synced yet', tone: 'busy', details: [], notices: [] }],
    ['syncing', view({ state: 'syncing' }), { headline: 'Syncing\u2026', tone: 'busy', details: [], notices: [] }],
    ['an error', view({ state: 'error', error: 'Too many changes.' }), { headline: 'Sync problem', tone: 'error', details: ['Too many changes.'], notices: [] }],
    ['full', view({ state: 'full', localOnly: [{ issueId: 'a', number: 3, title: 'Weekly #3', reason: 'no-room' }, { issueId: 'b', number: 2, title: 'Weekly #2', reason: 'no-room' }] }), {
      headline: 'Sync full: 2 issues local only', tone: 'warning',
      details: ['Kept on this device only: #3 Weekly #3, #2 Weekly #2. The browser\u2019s sync holds 100 KB; the most recently edited drafts go first.'],
      notices: [],
    }],
    ['synced, with a record of another device set aside', view({ notices: ['An issue from another device could not be read, so it was set aside. It was left as it is.'] }), {
      headline: 'Saved for sync 5 minutes ago; 1 problem with data from another device', tone: 'warning', details: [],
      notices: ['An issue from another device could not be read, so it was set aside. It was left as it is.'],
    }],
    ['switched off', view({ optedOut: ['a'], localOnly: [{ issueId: 'a', number: 3, title: 'Weekly #3', reason: 'opted-out' }] }), {
      headline: 'Saved for sync 5 minutes ago', tone: 'ok', details: ['1 issue not synced: switched off.'], notices: [],
    }],
  ])('%s', (_name, input, expected) => {
    expect(describeSyncStatus(input, NOW)).toEqual(expected);
  });
});

describe('describeIssueSync', () => {
  it.each([
    ['a synced issue', view(), { enabled: true, note: null }],
    ['a switched-off issue', view({ optedOut: ['a'] }), { enabled: false, note: 'Changes to this issue stay on each device that has it.' }],
    ['an issue with no room', view({ state: 'full', localOnly: [{ issueId: 'a', number: 1, title: '', reason: 'no-room' }] }),
      { enabled: true, note: expect.stringMatching(/^Not synced for now: no room left/) }],
  ])('%s', (_name, input, expected) => {
    expect(describeIssueSync(input, 'a')).toEqual(expected);
  });
});
