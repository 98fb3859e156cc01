import { afterEach, describe, expect, it } from 'vitest';
import { formatHlc } from '../../core/hlc.ts';
import { addItem, createIssue, removeItem, updateIssueFields, updateItem } from '../../core/issue-ops.ts';
import { normalizeIssue } from '../../core/merge.ts';
import type { Issue } from '../../core/model.ts';
import { TOMBSTONE_COLLECT_AGE_MS } from '../../core/tombstones.ts';
import type { RoundupDatabase } from '../../storage/db.ts';
import { getIssue, putIssue } from '../../storage/issues-repo.ts';
import { mergeIssueIntoStore } from './merge-into-store.ts';
import { openTestDb } from '../../storage/open-test-db.ts';

const NOW = Date.UTC(2026, 10, 20);
const clock = (ms: number, deviceId = 'laptop') => formatHlc({ ms, counter: 0, deviceId });

function draft(editedAt = NOW - 60_000): Issue {
  const at = clock(editedAt);
  return addItem(
    createIssue({ id: 'issue-1', number: 1, title: 'Issue #1', sectionNames: ['News'], intro: '', outro: '',
      createdAt: '2026-11-19T09:00:00.000Z', at, makeId: () => 'section-1' }),
    { id: 'item-1', url: 'https://example.com/a', canonicalUrl: null, title: 'A', summary: 'S.', note: '', site: 'Example',
      authors: [], publishedAt: null, image: null, kind: 'article', capturedAt: '2026-11-19T10:00:00.000Z' },
    { sectionId: 'section-1', at },
  );
}

let db: RoundupDatabase;
afterEach(() => db.close());

describe('mergeIssueIntoStore', () => {
  it('stores an issue this device did not have', async () => {
    db = await openTestDb();
    const outcome = await mergeIssueIntoStore(db, draft(), NOW);
    expect(outcome).toEqual({ issue: normalizeIssue(draft()), changed: true, behind: false, keptLive: 0 });
    expect(await getIssue(db, 'issue-1')).toEqual(normalizeIssue(draft()));
  });

  it('keeps the edits of both devices, and says the sender lacked this one\u2019s', async () => {
    db = await openTestDb();
    await putIssue(db, updateIssueFields(draft(), { intro: 'Intro written here' }, clock(NOW - 1_000, 'desktop')));
    const incoming = updateItem(draft(), 'item-1', { title: 'Title written there' }, clock(NOW - 2_000, 'laptop'));
    const outcome = await mergeIssueIntoStore(db, incoming, NOW);
    expect(outcome).toMatchObject({ changed: true, behind: true, issue: { intro: 'Intro written here', items: [{ title: 'Title written there' }] } });
    expect(await getIssue(db, 'issue-1')).toEqual(outcome.issue);
  });

  it('changes nothing for a copy it already holds, in whatever order that copy lists things', async () => {
    db = await openTestDb();
    await putIssue(db, draft());
    const reordered = { ...draft(), items: [...draft().items].reverse(), sections: [...draft().sections].reverse() };
    expect(await mergeIssueIntoStore(db, reordered, NOW)).toMatchObject({ changed: false, behind: false });
  });

  it('takes a newer copy whole without calling the sender behind', async () => {
    db = await openTestDb();
    await putIssue(db, draft());
    const newer = updateIssueFields(draft(), { title: 'Renamed' }, clock(NOW));
    expect(await mergeIssueIntoStore(db, newer, NOW)).toMatchObject({ changed: true, behind: false, issue: { title: 'Renamed' } });
  });

  it('collects tombstones older than 30 days on the way', async () => {
    db = await openTestDb();
    const removedLongAgo = removeItem(draft(NOW - TOMBSTONE_COLLECT_AGE_MS - 60_000), 'item-1', clock(NOW - TOMBSTONE_COLLECT_AGE_MS - 1));
    const outcome = await mergeIssueIntoStore(db, removedLongAgo, NOW);
    expect(outcome.issue.items).toEqual([]);
    expect((await getIssue(db, 'issue-1'))?.items).toEqual([]);
  });

  it('refuses to merge into a damaged record, and leaves it as it was', async () => {
    db = await openTestDb();
    const damaged = { ...draft(), items: [{ id: 'broken' }] };
    await db.put('issues', damaged as unknown as Issue);
    await expect(mergeIssueIntoStore(db, draft(), NOW)).rejects.toMatchObject({ name: 'StorageError', kind: 'corrupt' });
    expect(await db.get('issues', 'issue-1')).toEqual(damaged);
  });
});
