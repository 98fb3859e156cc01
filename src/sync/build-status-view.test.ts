import { describe, expect, it } from 'vitest';
import { formatHlc } from '../core/hlc.ts';
import type { SyncStatus } from './mirror.ts';
import { buildSyncStatusView, plainSyncError } from './build-status-view.ts';

const at = formatHlc({ ms: 1, counter: 0, deviceId: 'here' });
const issues = [{ id: 'old', number: 3, title: 'Issue #3' }, { id: 'secret', number: 4, title: 'Issue #4' }];
const idle: SyncStatus = { state: 'idle', lastSyncedAt: 1_000, localOnly: [] };

describe('buildSyncStatusView', () => {
  it('names the issues kept local, and why', () => {
    const view = buildSyncStatusView({
      status: { state: 'full', lastSyncedAt: 1_000, localOnly: ['secret', 'old'] }, storedLastSyncedAt: null,
      choices: new Map([['secret', { sync: false, at }], ['old', { sync: true, at }]]), issues, choicesError: null,
    });
    expect(view).toEqual({
      state: 'full', lastSyncedAt: 1_000, error: null, optedOut: ['secret'],
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
    expect(mirrorError).toMatchObject({ state: 'error', error: 'Sync failed: offline. Roundup will try again in 60 seconds; your edits are safe on this device.' });
    const switchError = buildSyncStatusView({ status: idle, storedLastSyncedAt: null, choices: new Map(), issues, choicesError: 'switch refused' });
    expect(switchError).toMatchObject({ state: 'error', error: 'switch refused' });
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
    ['d:abc: written in format 2 by another version of Roundup; this one reads 1\nf: featured: expected an array of strings',
      /^Some synced data from another device could not be read.*\(d:abc: written in format 2.*; f: featured.*\)\. Is Roundup up to date/],
    ['sync failed: IndexedDB is closing; retrying in 60 s', /^Sync failed: IndexedDB is closing\. Roundup will try again in 60 seconds/],
  ])('%s', (message, expected) => {
    expect(plainSyncError(message)).toMatch(expected);
  });
});
