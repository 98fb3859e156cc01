/** The current draft: the one the popup files into. There is always one; a fresh profile gets issue #1. */
import { createIssue } from '../core/issue-ops.ts';
import { formatIssueTitle } from '../core/issue-title.ts';
import { newId } from '../core/ids.ts';
import type { Issue } from '../core/model.ts';
import { getCurrentDraft, nextIssueNumber, putIssueAsCurrentDraft } from '../storage/issues-repo.ts';
import { getSettings } from '../storage/settings-repo.ts';
import { nextClock } from '../sync/index.ts';
import { database } from './database.ts';

export async function createNextIssue(): Promise<Issue> {
  const db = await database();
  const [{ settings }, number, at] = await Promise.all([getSettings(db), nextIssueNumber(db), nextClock()]);
  const createdAt = new Date().toISOString();
  const issue = createIssue({
    id: newId(), number, createdAt, at,
    title: formatIssueTitle(settings.titlePattern, { name: settings.newsletterName, number, date: createdAt }, settings.dateFormat),
    sectionNames: settings.defaultSections, intro: settings.introTemplate, outro: settings.outroTemplate,
  });
  await putIssueAsCurrentDraft(db, issue);
  return issue;
}

export async function ensureCurrentDraft(): Promise<Issue> {
  return (await getCurrentDraft(await database())) ?? createNextIssue();
}
