import { afterEach, describe, expect, it } from 'vitest';
import type { PopupForm, RoundupDatabase } from './db.ts';
import { openTestDb } from './open-test-db.ts';
import {
  deletePopupForm, getPopupForm, listPopupForms, pendingKeyForTab, prunePopupForms, putPopupForm,
} from './pending-repo.ts';

let db: RoundupDatabase;
afterEach(() => db.close());

function draft(tabId: number, overrides: Partial<PopupForm> = {}): PopupForm {
  return { key: pendingKeyForTab(tabId), url: `https://example.com/${tabId}`, title: 'A title', summary: 'Edited summary.',
    note: '', sectionId: 'section-1', itemId: null, issueId: 'issue-206', updatedAt: '2026-11-02T10:00:00.000Z', ...overrides };
}

describe('pending drafts', () => {
  it('keeps a draft per tab and reads it back', async () => {
    db = await openTestDb();
    await putPopupForm(db, draft(1));
    await putPopupForm(db, draft(2, { itemId: 'item-9' }));
    expect(await getPopupForm(db, 'tab:1')).toEqual(draft(1));
    expect(await getPopupForm(db, 'tab:2')).toEqual(draft(2, { itemId: 'item-9' }));
    expect(await getPopupForm(db, 'tab:3')).toBeUndefined();
  });

  it.each<[string, string | undefined, boolean]>([
    ['the same page', 'https://example.com/1', true],
    ['no page given', undefined, true],
    ['another page (the tab navigated, or its id was reused)', 'https://example.com/other', false],
  ])('returns the draft for %s', async (_name, url, found) => {
    db = await openTestDb();
    await putPopupForm(db, draft(1));
    expect(await getPopupForm(db, 'tab:1', url)).toEqual(found ? draft(1) : undefined);
  });

  it('replaces and deletes', async () => {
    db = await openTestDb();
    await putPopupForm(db, draft(1));
    await putPopupForm(db, draft(1, { title: 'Better title' }));
    expect((await getPopupForm(db, 'tab:1'))?.title).toBe('Better title');
    await deletePopupForm(db, 'tab:1');
    expect(await getPopupForm(db, 'tab:1')).toBeUndefined();
  });

  it('lists valid drafts and reports damaged ones, which stay stored', async () => {
    db = await openTestDb();
    await putPopupForm(db, draft(1));
    await db.put('pending', { ...draft(2), updatedAt: 'yesterday' });
    expect(await listPopupForms(db)).toEqual({
      values: [draft(1)],
      problems: [{ store: 'pending', key: 'tab:2', message: expect.stringMatching(/^pending\.updatedAt/) }],
    });
    await expect(getPopupForm(db, 'tab:2')).rejects.toMatchObject({ kind: 'corrupt' });
    expect(await db.count('pending')).toBe(2);
  });

  it('refuses to keep a malformed draft', async () => {
    db = await openTestDb();
    await expect(putPopupForm(db, draft(1, { sectionId: '' }))).rejects.toMatchObject({ kind: 'corrupt' });
    expect(await db.count('pending')).toBe(0);
  });

  it('prunes drafts last edited before a date, and only those', async () => {
    db = await openTestDb();
    await putPopupForm(db, draft(1, { updatedAt: '2026-10-01T00:00:00.000Z' }));
    await putPopupForm(db, draft(2, { updatedAt: '2026-10-31T23:59:59.000Z' }));
    await putPopupForm(db, draft(3, { updatedAt: '2026-11-01T00:00:00.000Z' }));
    expect(await prunePopupForms(db, '2026-11-01T00:00:00.000Z')).toBe(2);
    expect((await listPopupForms(db)).values.map((pending) => pending.key)).toEqual(['tab:3']);
  });
});
