import { afterEach, describe, expect, it } from 'vitest';
import type { RoundupDatabase } from './db.ts';
import {
  ensureDeviceId, getClockState, getCurrentDraftId, getDeviceId, getLastSectionId, putClockState, putCurrentDraftId,
  putLastSectionId,
} from './meta-repo.ts';
import { openTestDb } from './open-test-db.ts';

let db: RoundupDatabase;
afterEach(() => db.close());

describe('meta repository', () => {
  it('creates the device id once, even when two pages ask at the same time', async () => {
    db = await openTestDb();
    expect(await getDeviceId(db)).toBeUndefined();
    const [first, second] = await Promise.all([ensureDeviceId(db, () => 'device-a'), ensureDeviceId(db, () => 'device-b')]);
    expect([first, second]).toEqual(['device-a', 'device-a']);
    expect(await ensureDeviceId(db, () => 'device-c')).toBe('device-a');
  });

  it('refuses a device id that clocks cannot carry', async () => {
    db = await openTestDb();
    await expect(ensureDeviceId(db, () => 'has:colon')).rejects.toThrow(/Not a usable device id/);
    expect(await getDeviceId(db)).toBeUndefined();
  });

  it('keeps the clock state', async () => {
    db = await openTestDb();
    await putClockState(db, { deviceId: 'device-a', ms: 1_700_000_000_000, counter: 2 });
    expect(await getClockState(db)).toEqual({ deviceId: 'device-a', ms: 1_700_000_000_000, counter: 2 });
  });

  it.each<[string, unknown]>([
    ['a negative counter', { deviceId: 'device-a', ms: 1, counter: -1 }],
    ['a missing device id', { ms: 1, counter: 0 }],
    ['a string', '1700000000000'],
  ])('reports a clock state with %s as corrupt', async (_name, stored) => {
    db = await openTestDb();
    await db.put('meta', stored, 'clock');
    await expect(getClockState(db)).rejects.toMatchObject({ name: 'StorageError', kind: 'corrupt', message: expect.stringMatching(/^Could not read the sync clock: the saved record is damaged \(clock/) });
  });

  it('remembers the last section per site', async () => {
    db = await openTestDb();
    await putLastSectionId(db, 'arxiv.org', 'papers');
    await putLastSectionId(db, 'github.com', 'code');
    expect(await getLastSectionId(db, 'arxiv.org')).toBe('papers');
    expect(await getLastSectionId(db, 'github.com')).toBe('code');
    expect(await getLastSectionId(db, 'example.com')).toBeUndefined();
  });

  it('remembers and forgets the current draft', async () => {
    db = await openTestDb();
    await putCurrentDraftId(db, 'issue-206');
    expect(await getCurrentDraftId(db)).toBe('issue-206');
    await putCurrentDraftId(db, null);
    expect(await getCurrentDraftId(db)).toBeUndefined();
  });
});
