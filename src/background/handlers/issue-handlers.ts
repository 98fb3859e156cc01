/** Issues as a whole: list, open, create, choose the current draft, publish and reopen, duplicate, delete and restore. */
import { deleteIssue, publishIssue, restoreIssue, unpublishIssue } from '../../core/issue-ops.ts';
import { listRecentlyRemoved } from '../../core/recently-removed.ts';
import { listIssues, putIssueAsCurrentDraft } from '../../storage/issues-repo.ts';
import { issuesChanged } from '../changes.ts';
import { database } from '../database.ts';
import { createNextIssue, createNextIssueFrom } from '../drafts.ts';
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
    const copy = await createNextIssueFrom(await requireIssue(issueId));
    await issuesChanged();
    return copy;
  },
};
