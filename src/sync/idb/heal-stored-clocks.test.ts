import { afterEach, describe, expect, it } from 'vitest';
import { hasFutureClock } from '../../core/clock-trust.ts';
import { formatHlc } from '../../core/hlc.ts';
import { makeIssue } from '../../core/test-factories.ts';
import type { RoundupDatabase } from '../../storage/db.ts';
import { getIssue, putIssue } from '../../storage/issues-repo.ts';
import { openTestDb } from '../../storage/open-test-db.ts';
import { healStoredClocks } from './heal-stored-clocks.ts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 20);
let db: RoundupDatabase;
afterEach(() => db.close());

describe('healStoredClocks', () => {
  it('re-stamps the clocks of this device\u2019s issues that run more than a day ahead, at the first start, and leaves the rest', async () => {
    db = await openTestDb();
    await putIssue(db, makeIssue({ id: 'poisoned', tagline: 'Evil', clocks: { tagline: 'zzzzzzzzz:zzzy:evil', title: formatHlc({ ms: NOW - DAY, counter: 0, deviceId: 'a' }) } }));
    await putIssue(db, makeIssue({ id: 'healthy', clocks: { title: formatHlc({ ms: NOW, counter: 0, deviceId: 'a' }) } }));
    const stamps: string[] = [];
    const stamp = async () => { const at = formatHlc({ ms: NOW, counter: stamps.length + 1, deviceId: 'me' }); stamps.push(at); return at; };
    expect(await healStoredClocks({ db: async () => db, now: () => NOW, stamp })).toBe(1);
    expect(await getIssue(db, 'poisoned')).toMatchObject({ tagline: 'Evil', clocks: { tagline: stamps[0] } });
    expect(hasFutureClock(await getIssue(db, 'poisoned') as never, NOW)).toBe(false);
    expect(stamps).toHaveLength(1);
  });

  it('scans again only when the wall clock was set back by more than a day since the latest start', async () => {
    db = await openTestDb();
    const stamp = async () => formatHlc({ ms: NOW - 3 * DAY, counter: 0, deviceId: 'me' });
    expect(await healStoredClocks({ db: async () => db, now: () => NOW, stamp })).toBe(0);
    // Edits made while the wall clock was three days fast, then the clock is put right.
    await putIssue(db, makeIssue({ id: 'fast', clocks: { title: formatHlc({ ms: NOW, counter: 0, deviceId: 'me' }) } }));
    expect(await healStoredClocks({ db: async () => db, now: () => NOW + 60_000, stamp })).toBe(0);
    expect(await healStoredClocks({ db: async () => db, now: () => NOW - 3 * DAY, stamp })).toBe(1);
  });
});
