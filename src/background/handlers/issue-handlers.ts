/** Issues as a whole: list, open, create, choose the current draft, publish and reopen, duplicate, delete and restore. */
import { duplicateIssue } from '../../core/duplicate-issue.ts';
import { newId } from '../../core/ids.ts';
import { deleteIssue, publishIssue, restoreIssue, unpublishIssue } from '../../core/issue-ops.ts';
import { listRecentlyRemoved } from '../../core/recently-removed.ts';
import { formatIssueTitle } from '../../core/issue-title.ts';
import { listIssues, nextIssueNumber, putIssueAsCurrentDraft } from '../../storage/issues-repo.ts';
import { getSettings } from '../../storage/settings-repo.ts';
import { issuesChanged } from '../changes.ts';
import { nextClock } from '../../sync/index.ts';
import { database } from '../database.ts';
import { createNextIssue } from '../drafts.ts';
import { edit, requireIssue, summarize } from './edit-issue.ts';
import type { HandlersFor } from './handler-types.ts';

type IssueMessages = 'issue/create' | 'issue/set-current' | 'issue/get' | 'issue/list' | 'issue/publish' | 'issue/duplicate'
  | 'issue/unpublish' | 'issue/delete' | 'issue/restore' | 'removed/list';

export const issueHandlers: HandlersFor<IssueMessages> = {
  async 'issue/create'() {
    const issue = await createNextIssue();
    await issuesChanged();
    return issue;
  },

  async 'issue/set-current'({ issueId }) {
    const issue = await requireIssue(issueId);
    if (issue.deleted !== undefined) throw new Error(`Issue #${issue.number} was removed; restore it to file into it.`);
    if (issue.status !== 'draft') throw new Error(`Issue #${issue.number} is published; pick a draft to file into.`);
    await putIssueAsCurrentDraft(await database(), issue);
    await issuesChanged();
    return issue;
  },

  'issue/get': ({ issueId }) => requireIssue(issueId),

  async 'issue/list'() {
    return (await listIssues(await database())).values.map(summarize);
  },

  // Publishing twice keeps the first date: the archive says when readers got it.
  'issue/publish': ({ issueId }) => edit(issueId, (issue, at) =>
    (issue.status === 'published' ? issue : publishIssue(issue, new Date().toISOString(), at))),

  'issue/unpublish': ({ issueId }) => edit(issueId, (issue, at) => unpublishIssue(issue, at)),
  'issue/delete': ({ issueId }) => edit(issueId, (issue, at) => deleteIssue(issue, at)),
  'issue/restore': ({ issueId }) => edit(issueId, (issue, at) => restoreIssue(issue, at)),

  async 'removed/list'() {
    return listRecentlyRemoved((await listIssues(await database(), { includeRemoved: true })).values, Date.now());
  },

  async 'issue/duplicate'({ issueId }) {
    const source = await requireIssue(issueId);
    const db = await database();
    const [{ settings }, number, at] = await Promise.all([getSettings(db), nextIssueNumber(db), nextClock()]);
    const createdAt = new Date().toISOString();
    // The title follows today's pattern: it usually carries the number, which is new.
    const title = formatIssueTitle(settings.titlePattern, { name: settings.newsletterName, number, date: createdAt }, settings.dateFormat);
    const copy = duplicateIssue(source, { id: newId(), number, title, createdAt, at });
    await putIssueAsCurrentDraft(db, copy);
    await issuesChanged();
    return copy;
  },
};
