import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatHlc } from '../core/hlc.ts';
import { addItem, createIssue, publishIssue, renameSection } from '../core/issue-ops.ts';
import type { Issue } from '../core/model.ts';
import type { RoundupDatabase } from './db.ts';
import {
  deleteIssue, getCurrentDraft, getIssue, listIssues, nextIssueNumber, putIssue, putIssueAsCurrentDraft, updateIssue,
} from './issues-repo.ts';
import { getCurrentDraftId, putCurrentDraftId } from './meta-repo.ts';
import { openTestDb } from './open-test-db.ts';
import { StorageError } from './storage-error.ts';

const at = formatHlc({ ms: 1_700_000_000_000, counter: 0, deviceId: 'laptop' });

function makeIssue(number: number, status: 'draft' | 'published' = 'draft'): Issue {
  const issue = addItem(
    createIssue({ id: `issue-${number}`, number, title: `Issue #${number}`, sectionNames: ['Industry'], intro: '',
      outro: '', createdAt: '2026-11-01T09:00:00.000Z', at, makeId: () => `section-${number}` }),
    { id: `item-${number}`, url: 'https://example.com/a', canonicalUrl: null, title: 'A', summary: 'S.', note: '',
      site: 'Example', authors: [], publishedAt: null, image: null, kind: 'article', capturedAt: '2026-11-02T10:00:00.000Z' },
    { sectionId: `section-${number}`, at },
  );
  return status === 'published' ? publishIssue(issue, '2026-11-07T09:00:00.000Z', at) : issue;
}

/** Writes around the repository, as a bug or an older version might have. */
async function putRaw(db: RoundupDatabase, record: object): Promise<void> {
  await db.put('issues', record as Issue);
}

let db: RoundupDatabase;
const open = async () => (db = await openTestDb());
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

describe('issues repository', () => {
  it('stores and reads back an issue unchanged', async () => {
    await open();
    await putIssue(db, makeIssue(206));
    expect(await getIssue(db, 'issue-206')).toEqual(makeIssue(206));
    expect(await getIssue(db, 'missing')).toBeUndefined();
  });

  it('lists drafts first, then by number, newest first, leaving out tombstoned issues', async () => {
    await open();
    for (const issue of [makeIssue(204, 'published'), makeIssue(207), makeIssue(206, 'published'), makeIssue(208),
      { ...makeIssue(209), deleted: at }]) await putIssue(db, issue);
    const { values, problems } = await listIssues(db);
    expect(values.map((issue) => [issue.number, issue.status])).toEqual([
      [208, 'draft'], [207, 'draft'], [206, 'published'], [204, 'published'],
    ]);
    expect(problems).toEqual([]);
  });

  it('skips and reports damaged records without deleting them or failing the list', async () => {
    await open();
    await putIssue(db, makeIssue(206));
    await putRaw(db, { ...makeIssue(205), id: 'damaged', number: 'five' });
    const { values, problems } = await listIssues(db);
    expect(values.map((issue) => issue.id)).toEqual(['issue-206']);
    expect(problems).toEqual([{ store: 'issues', key: 'damaged', message: expect.stringMatching(/^issue\.number: expected a number/) }]);
    expect(await db.count('issues')).toBe(2);
    await expect(getIssue(db, 'damaged')).rejects.toMatchObject({ kind: 'corrupt', message: expect.stringMatching(/damaged \(issue\.number/) });
  });

  it('refuses to write an issue it could not read back', async () => {
    await open();
    const invalid = { ...makeIssue(206), items: [{ ...makeIssue(206).items[0], sectionId: 'nowhere' }] } as Issue;
    await expect(putIssue(db, invalid)).rejects.toMatchObject({ kind: 'corrupt', message: expect.stringMatching(/sectionId/) });
    expect(await db.count('issues')).toBe(0);
  });

  it('numbers the next issue after the highest stored, published ones included', async () => {
    await open();
    expect(await nextIssueNumber(db)).toBe(1);
    await putIssue(db, makeIssue(206, 'published'));
    await putIssue(db, makeIssue(12));
    expect(await nextIssueNumber(db)).toBe(207);
  });
});

describe('current draft', () => {
  it.each<[string, Issue[], string | null, string | undefined]>([
    ['the chosen draft', [makeIssue(206), makeIssue(207)], 'issue-206', 'issue-206'],
    ['the newest draft when none was chosen', [makeIssue(206), makeIssue(207)], null, 'issue-207'],
    ['the newest draft when the chosen one was published', [makeIssue(206, 'published'), makeIssue(205)], 'issue-206', 'issue-205'],
    ['the newest draft when the chosen one is gone', [makeIssue(205)], 'issue-999', 'issue-205'],
    ['nothing when there is no draft', [makeIssue(206, 'published')], null, undefined],
  ])('is %s', async (_name, issues, chosen, expected) => {
    await open();
    for (const issue of issues) await putIssue(db, issue);
    await putCurrentDraftId(db, chosen);
    expect((await getCurrentDraft(db))?.id).toBe(expected);
  });

  it('is the newest sound draft when the chosen one is damaged, which stays stored as it was for listIssues to report', async () => {
    await open();
    await putIssue(db, makeIssue(205));
    const damaged = { ...makeIssue(207), items: 'not a list' };
    await db.put('issues', damaged as never);
    await putCurrentDraftId(db, 'issue-207');
    expect((await getCurrentDraft(db))?.id).toBe('issue-205');
    expect(await db.get('issues', 'issue-207')).toEqual(damaged);
    expect((await listIssues(db)).problems).toMatchObject([{ store: 'issues', key: 'issue-207' }]);
  });

  it('is saved together with the issue', async () => {
    await open();
    await putIssueAsCurrentDraft(db, makeIssue(207));
    expect(await getCurrentDraftId(db)).toBe('issue-207');
    expect(await getCurrentDraft(db)).toEqual(makeIssue(207));
  });

  it('is forgotten when its issue is deleted', async () => {
    await open();
    await putIssueAsCurrentDraft(db, makeIssue(207));
    await deleteIssue(db, 'issue-207');
    expect(await getIssue(db, 'issue-207')).toBeUndefined();
    expect(await getCurrentDraftId(db)).toBeUndefined();
  });
});

describe('atomic writes', () => {
  it('updates an issue by applying an edit to what is stored', async () => {
    await open();
    await putIssue(db, makeIssue(206));
    const later = formatHlc({ ms: 1_700_000_000_001, counter: 0, deviceId: 'laptop' });
    const updated = await updateIssue(db, 'issue-206', (issue) => renameSection(issue, 'section-206', 'News', later));
    expect(updated.sections[0]?.name).toBe('News');
    expect(await getIssue(db, 'issue-206')).toEqual(updated);
  });

  it('reports an update of a missing issue as not-found', async () => {
    await open();
    await expect(updateIssue(db, 'nope', (issue) => issue)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('keeps the stored issue when the edit throws, and lets the edit error through', async () => {
    await open();
    await putIssue(db, makeIssue(206));
    const failing = updateIssue(db, 'issue-206', (issue) => renameSection(issue, 'no-such-section', 'X', at));
    await expect(failing).rejects.toThrow(/No section with id no-such-section/);
    await expect(failing).rejects.not.toBeInstanceOf(StorageError);
    expect(await getIssue(db, 'issue-206')).toEqual(makeIssue(206));
  });

  it('rolls back the issue when the second store of the transaction runs out of room', async () => {
    await open();
    await putIssueAsCurrentDraft(db, makeIssue(206));
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'meta') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const failing = putIssueAsCurrentDraft(db, makeIssue(207));
    await expect(failing).rejects.toBeInstanceOf(StorageError);
    await expect(failing).rejects.toMatchObject({ kind: 'quota', message: expect.stringMatching(/^Could not save issue #207 as the current draft: the browser has no room left/) });
    vi.restoreAllMocks();
    expect(await getIssue(db, 'issue-207')).toBeUndefined();
    expect(await getCurrentDraftId(db)).toBe('issue-206');
  });

  it('keeps a deleted issue when the transaction aborts after the issue was deleted', async () => {
    await open();
    await putIssueAsCurrentDraft(db, makeIssue(206));
    const remove = IDBObjectStore.prototype.delete;
    vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name !== 'meta') return remove.apply(this, args);
      this.transaction.abort();
      throw new DOMException('The transaction was aborted.', 'AbortError');
    });
    await expect(deleteIssue(db, 'issue-206')).rejects.toMatchObject({ kind: 'unavailable' });
    vi.restoreAllMocks();
    expect(await getIssue(db, 'issue-206')).toEqual(makeIssue(206));
  });
});
