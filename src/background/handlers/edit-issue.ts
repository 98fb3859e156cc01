/**
 * The background's way to change a stored issue: stamp the edit with the device clock, apply a pure
 * issue-ops edit and write it back in one transaction, so a failed write changes nothing stored.
 * Every write then tells changes.ts, which refreshes the badge and wakes the sync mirror.
 */
import { liveItems } from '../../core/live-parts.ts';
import type { Issue } from '../../core/model.ts';
import type { IssueSummary } from '../../messages.ts';
import { getIssue, updateIssue } from '../../storage/issues-repo.ts';
import { StorageError } from '../../storage/storage-error.ts';
import { issuesChanged } from '../changes.ts';
import { nextClock } from '../../sync/index.ts';
import { database } from '../database.ts';

export async function edit(issueId: string, change: (issue: Issue, at: string) => Issue): Promise<Issue> {
  const at = await nextClock();
  const issue = await updateIssue(await database(), issueId, (current) => change(current, at));
  await issuesChanged(issueId);
  return issue;
}

export async function requireIssue(issueId: string): Promise<Issue> {
  const issue = await getIssue(await database(), issueId);
  if (!issue) throw new StorageError('not-found', 'That issue no longer exists. Reopen Roundup to see the current draft.');
  return issue;
}

export function summarize(issue: Issue): IssueSummary {
  const { id, number, title, status, createdAt, publishedAt } = issue;
  return { id, number, title, status, createdAt, publishedAt, itemCount: liveItems(issue).length };
}
