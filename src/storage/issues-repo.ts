/**
 * Issues as stored: every record read is validated into the core's Issue; a damaged record is
 * reported (list reads) or refused with a StorageError (single reads), never dropped or passed on.
 */
import type { Issue } from '../core/model.ts';
import { parseIssue } from '../core/schema.ts';
import type { RoundupDatabase } from './db.ts';
import { CURRENT_DRAFT_KEY } from './meta-repo.ts';
import { corruptRecordError, type Listed, type StorageProblem } from './record-problems.ts';
import { StorageError, storageErrorMessage } from './storage-error.ts';
import { refreshFeatured } from './featured-store.ts';
import { inTransaction } from './transaction.ts';

type Checked = { ok: true; value: Issue } | { ok: false; problem: StorageProblem };

function checkIssue(raw: unknown, key: string): Checked {
  const result = parseIssue(raw);
  return result.ok ? result : { ok: false, problem: { store: 'issues', key, message: result.error } };
}

function readIssue(raw: unknown, key: string, action: string): Issue | undefined {
  if (raw === undefined) return undefined;
  const checked = checkIssue(raw, key);
  if (!checked.ok) throw corruptRecordError(checked.problem, action);
  return checked.value;
}

/** Refuses to write what could not be read back: better one failed save than a lost issue later. */
function checkedForWrite(issue: Issue, action: string): Issue {
  const checked = checkIssue(issue, issue.id);
  if (!checked.ok) throw new StorageError('corrupt', `Could not ${action}: the issue is malformed (${checked.problem.message}).`);
  return checked.value;
}

/** Drafts first (what the editor works on), then the newest issues. */
export function compareIssuesForList(a: Issue, b: Issue): number {
  if (a.status !== b.status) return a.status === 'draft' ? -1 : 1;
  return b.number - a.number || b.createdAt.localeCompare(a.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export async function getIssue(db: RoundupDatabase, id: string): Promise<Issue | undefined> {
  const action = 'read the issue';
  return readIssue(await inTransaction(db, ['issues'], 'readonly', action, (tx) => tx.store.get(id)), id, action);
}

/**
 * Every issue that is not deleted (with `includeRemoved`, the tombstoned ones too), drafts first then by
 * number, newest first; damaged ones in `problems`.
 */
export async function listIssues(db: RoundupDatabase, { includeRemoved = false } = {}): Promise<Listed<Issue>> {
  const [keys, records] = await inTransaction(db, ['issues'], 'readonly', 'list the issues',
    (tx) => Promise.all([tx.store.getAllKeys(), tx.store.getAll()]));
  const listed: Listed<Issue> = { values: [], problems: [] };
  records.forEach((raw: unknown, i) => {
    const checked = checkIssue(raw, keys[i] ?? '?');
    if (!checked.ok) listed.problems.push(checked.problem);
    else if (includeRemoved || checked.value.deleted === undefined) listed.values.push(checked.value);
  });
  listed.values.sort(compareIssuesForList);
  return listed;
}

export async function putIssue(db: RoundupDatabase, issue: Issue): Promise<void> {
  const action = `save issue #${issue.number}`;
  const checked = checkedForWrite(issue, action);
  await inTransaction(db, ['issues', 'featured'], 'readwrite', action, async (tx) => {
    await tx.objectStore('issues').put(checked);
    await refreshFeatured(tx, checked.id, checked);
  });
}

/** Saves the issue and makes it the draft new captures go into, both or neither. */
export async function putIssueAsCurrentDraft(db: RoundupDatabase, issue: Issue): Promise<void> {
  const action = `save issue #${issue.number} as the current draft`;
  const checked = checkedForWrite(issue, action);
  await inTransaction(db, ['issues', 'meta', 'featured'], 'readwrite', action, async (tx) => {
    await tx.objectStore('issues').put(checked);
    await refreshFeatured(tx, checked.id, checked);
    await tx.objectStore('meta').put(checked.id, CURRENT_DRAFT_KEY);
  });
}

/**
 * Read, change and write back in one transaction, so two edits of the same issue (popup and editor
 * page) cannot overwrite each other. `change` must be synchronous: the issue-ops functions are.
 */
export async function updateIssue(db: RoundupDatabase, id: string, change: (issue: Issue) => Issue): Promise<Issue> {
  const action = 'save the issue';
  return inTransaction(db, ['issues', 'featured'], 'readwrite', action, async (tx) => {
    const current = readIssue(await tx.objectStore('issues').get(id), id, action);
    if (current === undefined) throw new StorageError('not-found', storageErrorMessage('not-found', `update issue ${id}`));
    const next = change(current);
    if (next === current) return current;
    if (next.id !== id) throw new Error(`An issue update must keep the id ${id}, got ${next.id}`);
    const checked = checkedForWrite(next, `save issue #${next.number}`);
    await tx.objectStore('issues').put(checked);
    await refreshFeatured(tx, id, checked);
    return next;
  });
}

/** Removes the record for good (sync keeps its own tombstones); forgets it as the current draft. */
export async function deleteIssue(db: RoundupDatabase, id: string): Promise<void> {
  await inTransaction(db, ['issues', 'meta', 'featured'], 'readwrite', 'delete the issue', async (tx) => {
    await tx.objectStore('issues').delete(id);
    await refreshFeatured(tx, id, undefined);
    if ((await tx.objectStore('meta').get(CURRENT_DRAFT_KEY)) === id) await tx.objectStore('meta').delete(CURRENT_DRAFT_KEY);
  });
}

/**
 * The draft new captures go into: the one the editor chose; else (none chosen, or it was published, removed
 * or is damaged) the newest draft; undefined when there is no draft at all. The one way every part of
 * Roundup finds it (popup, menus, badge). A damaged record is passed over here, never changed: listIssues
 * reports it where the editor sees it (the popup's details, the editor page). The other drafts are read
 * only when the chosen one does not do: a draft may hold a thousand items.
 */
export async function getCurrentDraft(db: RoundupDatabase): Promise<Issue | undefined> {
  return inTransaction(db, ['issues', 'meta'], 'readonly', 'read the current draft', async (tx) => {
    const chosenId: unknown = await tx.objectStore('meta').get(CURRENT_DRAFT_KEY);
    const chosen = typeof chosenId === 'string' ? checkIssue(await tx.objectStore('issues').get(chosenId), chosenId) : undefined;
    if (chosen?.ok && chosen.value.status === 'draft' && chosen.value.deleted === undefined) return chosen.value;
    const drafts: unknown[] = await tx.objectStore('issues').index('by-status').getAll('draft');
    const valid = drafts.map((raw) => checkIssue(raw, '?')).flatMap((checked) => (checked.ok ? [checked.value] : []));
    return valid.filter((issue) => issue.deleted === undefined).sort(compareIssuesForList)[0];
  });
}

/** One more than the highest number stored on this device, published and tombstoned issues included. */
export async function nextIssueNumber(db: RoundupDatabase): Promise<number> {
  const highest = await inTransaction(db, ['issues'], 'readonly', 'find the next issue number',
    async (tx) => (await tx.store.index('by-number').openKeyCursor(null, 'prev'))?.key);
  return (highest ?? 0) + 1;
}

/** The drafts that are not deleted, as listIssues orders them; read by the status index, so a long archive costs nothing. */
export async function listDrafts(db: RoundupDatabase): Promise<Listed<Issue>> {
  const [keys, records] = await inTransaction(db, ['issues'], 'readonly', 'list the drafts',
    (tx) => Promise.all([tx.store.index('by-status').getAllKeys('draft'), tx.store.index('by-status').getAll('draft')]));
  const listed: Listed<Issue> = { values: [], problems: [] };
  records.forEach((raw: unknown, i) => {
    const checked = checkIssue(raw, keys[i] ?? '?');
    if (!checked.ok) listed.problems.push(checked.problem);
    else if (checked.value.deleted === undefined) listed.values.push(checked.value);
  });
  listed.values.sort(compareIssuesForList);
  return listed;
}

/** The readable, not deleted issues among `ids`, by id (one keyed read each); the others are absent. */
export async function getLiveIssuesById(db: RoundupDatabase, ids: Iterable<string>): Promise<Map<string, Issue>> {
  const wanted = [...new Set(ids)];
  const records = await inTransaction(db, ['issues'], 'readonly', 'read the issues',
    (tx) => Promise.all(wanted.map((id) => tx.store.get(id))));
  const found = new Map<string, Issue>();
  records.forEach((raw: unknown, i) => {
    if (raw === undefined) return;
    const checked = checkIssue(raw, wanted[i] ?? '?');
    if (checked.ok && checked.value.deleted === undefined) found.set(checked.value.id, checked.value);
  });
  return found;
}
