import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../core/hlc.ts';
import { addItem, createIssue } from '../core/issue-ops.ts';
import { renderIssueAsText } from '../core/render-text.ts';
import { openRoundupDb, ROUNDUP_DB_NAME, ROUNDUP_DB_VERSION } from './db.ts';
import { getIssue, listIssues } from './issues-repo.ts';
import { getClockState, getCurrentDraftId, getDeviceId } from './meta-repo.ts';
import { getPopupForm, listPopupForms, prunePopupForms } from './pending-repo.ts';
import { getSettings } from './settings-repo.ts';
import { StorageError } from './storage-error.ts';

const at = formatHlc({ ms: 1_700_000_000_000, counter: 0, deviceId: 'laptop' });
const issue = addItem(
  createIssue({ id: 'issue-206', number: 206, title: 'Issue #206', sectionNames: ['Industry'], intro: '', outro: '',
    createdAt: '2026-11-01T09:00:00.000Z', at, makeId: () => 'section-1' }),
  { id: 'item-1', url: 'https://example.com/a', canonicalUrl: null, title: 'A', summary: 'S.', note: '', site: 'Example',
    authors: [], publishedAt: null, image: null, kind: 'article', capturedAt: '2026-11-02T10:00:00.000Z' },
  { sectionId: 'section-1', at },
);
const draft = (key: string, updatedAt: string) => ({ key, url: `https://example.com/${key}`, title: 'T', summary: '',
  note: '', sectionId: null, itemId: null, issueId: null, updatedAt });

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Version 1 as it shipped, in raw IndexedDB calls: a frozen copy, never to be edited with db.ts. */
async function createVersion1Database(factory: IDBFactory): Promise<IDBDatabase> {
  const req = factory.open(ROUNDUP_DB_NAME, 1);
  req.onupgradeneeded = () => {
    const db = req.result;
    const issues = db.createObjectStore('issues', { keyPath: 'id' });
    issues.createIndex('by-status', 'status');
    issues.createIndex('by-number', 'number');
    db.createObjectStore('settings');
    db.createObjectStore('pending', { keyPath: 'key' });
    db.createObjectStore('meta');
  };
  return request(req);
}

async function writeVersion1Data(db: IDBDatabase): Promise<void> {
  const tx = db.transaction(['issues', 'settings', 'pending', 'meta'], 'readwrite');
  tx.objectStore('issues').put(issue);
  tx.objectStore('settings').put({ newsletterName: 'Deep Learning Weekly', summaryLength: 280 }, 'settings');
  tx.objectStore('pending').put(draft('tab:1', '2026-11-01T08:00:00.000Z'));
  tx.objectStore('pending').put(draft('tab:2', '2026-11-03T08:00:00.000Z'));
  tx.objectStore('meta').put('laptop', 'deviceId');
  tx.objectStore('meta').put({ deviceId: 'laptop', ms: 1_700_000_000_000, counter: 3 }, 'clock');
  tx.objectStore('meta').put('issue-206', 'currentDraftId');
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onabort = () => reject(tx.error);
  });
}

describe('openRoundupDb', () => {
  it('creates every store and index of the current version in a new database', async () => {
    const db = await openRoundupDb({ factory: new IDBFactory() });
    expect(db.version).toBe(ROUNDUP_DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['featured', 'issues', 'meta', 'pending', 'settings']);
    const tx = db.transaction(['issues', 'pending', 'featured']);
    expect([...tx.objectStore('featured').indexNames]).toEqual(['by-key']);
    expect([...tx.objectStore('issues').indexNames].sort()).toEqual(['by-number', 'by-status']);
    expect([...tx.objectStore('pending').indexNames]).toEqual(['by-updated']);
    db.close();
  });

  it('upgrades a version 1 database without losing anything', async () => {
    const factory = new IDBFactory();
    const v1 = await createVersion1Database(factory);
    await writeVersion1Data(v1);
    v1.close();

    const db = await openRoundupDb({ factory });
    expect(db.version).toBe(ROUNDUP_DB_VERSION);
    expect(await getIssue(db, 'issue-206')).toEqual(issue);
    expect(await listIssues(db)).toEqual({ values: [issue], problems: [] });
    expect((await getSettings(db)).settings).toMatchObject({ newsletterName: 'Deep Learning Weekly', summaryLength: 280 });
    expect(await getDeviceId(db)).toBe('laptop');
    expect(await getClockState(db)).toEqual({ deviceId: 'laptop', ms: 1_700_000_000_000, counter: 3 });
    expect(await getCurrentDraftId(db)).toBe('issue-206');
    expect((await listPopupForms(db)).values.map((pending) => pending.key)).toEqual(['tab:1', 'tab:2']);

    // The version 2 index covers the records written by version 1.
    expect(await db.getAllKeysFromIndex('pending', 'by-updated')).toEqual(['tab:1', 'tab:2']);
    expect(await prunePopupForms(db, '2026-11-02T00:00:00.000Z')).toBe(1);
    expect(await getPopupForm(db, 'tab:2')).toEqual(draft('tab:2', '2026-11-03T08:00:00.000Z'));
    db.close();
  });

  it('escapes the item titles of a version 2 database once, so they export as before (version 3 reads them as Markdown)', async () => {
    const factory = new IDBFactory();
    const v1 = await createVersion1Database(factory);
    const plainTitles = { ...issue, items: [{ ...issue.items[0]!, title: '2*3*4 = 24, `x` and [y](https://example.com/)' }] };
    const tx = v1.transaction(['issues', 'pending'], 'readwrite');
    tx.objectStore('issues').put(plainTitles);
    tx.objectStore('issues').put({ id: 'damaged', items: 'not an array' });
    tx.objectStore('pending').put({ ...draft('tab:1', '2026-11-01T08:00:00.000Z'), title: 'A *typed* title' });
    await new Promise((done) => { tx.oncomplete = done; });
    v1.close();

    const db = await openRoundupDb({ factory });
    const stored = await getIssue(db, 'issue-206');
    expect(stored?.items[0]?.title).toBe('2\\*3\\*4 = 24, \\`x\\` and \\[y\\](https://example.com/)');
    expect(stored?.items[0]?.clocks).toEqual(issue.items[0]?.clocks);
    expect(renderIssueAsText(stored!)).toContain('\n2*3*4 = 24, `x` and [y](https://example.com/)\nhttps://example.com/a\n');
    expect((await getPopupForm(db, 'tab:1'))?.title).toBe('A \\*typed\\* title');
    expect(await db.get('issues', 'damaged')).toEqual({ id: 'damaged', items: 'not an array' });
    db.close();
    // Opening again does not escape a second time.
    const again = await openRoundupDb({ factory });
    expect((await getIssue(again, 'issue-206'))?.items[0]?.title).toBe(stored?.items[0]?.title);
    again.close();
  });

  it('lets a newer version open by closing its connection when asked', async () => {
    const factory = new IDBFactory();
    const db = await openRoundupDb({ factory });
    const newer = await request(factory.open(ROUNDUP_DB_NAME, ROUNDUP_DB_VERSION + 1));
    expect(newer.version).toBe(ROUNDUP_DB_VERSION + 1);
    expect(() => db.transaction('issues')).toThrow();
    newer.close();
  });

  it('refuses a database written by a newer version, in plain words', async () => {
    const factory = new IDBFactory();
    (await request(factory.open(ROUNDUP_DB_NAME, ROUNDUP_DB_VERSION + 1))).close();
    const opening = openRoundupDb({ factory });
    await expect(opening).rejects.toBeInstanceOf(StorageError);
    await expect(opening).rejects.toMatchObject({ kind: 'unavailable', message: expect.stringMatching(/newer version of Roundup/) });
  });

  it('reports storage that cannot be opened at all as unavailable', async () => {
    const broken = { open: () => { throw new DOMException('storage is disabled', 'SecurityError'); } } as unknown as IDBFactory;
    await expect(openRoundupDb({ factory: broken })).rejects.toMatchObject({ name: 'StorageError', kind: 'unavailable' });
  });
});
