import { afterEach, describe, expect, it, vi } from 'vitest';
import { planImport } from '../core/import-plan.ts';
import { DEFAULT_SETTINGS, type Issue } from '../core/model.ts';
import { makeIssue, makeItem } from '../core/test-factories.ts';
import type { RoundupDatabase } from './db.ts';
import { importInOneTransaction, readStoredForImport } from './import-writer.ts';
import { getIssue, putIssue } from './issues-repo.ts';
import { openTestDb } from './open-test-db.ts';
import { getSettings, putSettings } from './settings-repo.ts';

let db: RoundupDatabase;
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

const theirSettings = { ...DEFAULT_SETTINGS, newsletterName: 'Deep Learning Weekly' };
const backup = (issues: Issue[]) => ({ kind: 'backup' as const, backup: { exportedAt: '2026-11-02T10:00:00.000Z', settings: theirSettings, issues } });

describe('import writer', () => {
  it('reads every issue, reports damaged records by id, and reads the settings', async () => {
    db = await openTestDb();
    await putIssue(db, makeIssue({ id: 'good' }));
    await db.put('issues', { id: 'bad', number: 'five' } as unknown as Issue);
    await putSettings(db, theirSettings);
    const stored = await readStoredForImport(db);
    expect(stored.issues.map((issue) => issue.id)).toEqual(['good']);
    expect([...stored.damagedIds]).toEqual(['bad']);
    expect(stored.settings).toEqual(theirSettings);
  });

  it('writes the planned issues and, when asked, the settings, in one go', async () => {
    db = await openTestDb();
    const file = backup([makeIssue({ id: 'one' }), makeIssue({ id: 'two', number: 2 })]);
    const count = await importInOneTransaction(db, (stored) => {
      const plan = planImport(file, stored);
      return { writes: { issues: plan.writes, settings: plan.fileSettings }, result: plan.writes.length };
    });
    expect(count).toBe(2);
    expect(await getIssue(db, 'two')).toEqual(makeIssue({ id: 'two', number: 2 }));
    expect((await getSettings(db)).settings).toEqual(theirSettings);
  });

  it('writes nothing when one issue is malformed', async () => {
    db = await openTestDb();
    const broken = makeIssue({ id: 'broken', items: [makeItem({ sectionId: 'nowhere' })] });
    const importing = importInOneTransaction(db, () => ({ writes: { issues: [makeIssue({ id: 'fine' }), broken], settings: theirSettings }, result: null }));
    await expect(importing).rejects.toMatchObject({ kind: 'corrupt', message: expect.stringMatching(/issue #1 would not be a valid issue\. Nothing was imported\./) });
    expect(await db.count('issues')).toBe(0);
    expect((await getSettings(db)).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('rolls everything back when the disk is full halfway', async () => {
    db = await openTestDb();
    await putIssue(db, makeIssue({ id: 'kept', title: 'Before' }));
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'settings') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const importing = importInOneTransaction(db, () => ({ writes: { issues: [makeIssue({ id: 'kept', title: 'After' })], settings: theirSettings }, result: null }));
    await expect(importing).rejects.toMatchObject({ kind: 'quota' });
    vi.restoreAllMocks();
    expect((await getIssue(db, 'kept'))?.title).toBe('Before');
  });
});
