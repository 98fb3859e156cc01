/** The current draft: the one the popup files into. There is always one; a fresh profile gets issue #1. */
import { duplicateIssue } from '../core/duplicate-issue.ts';
import { createIssue } from '../core/issue-ops.ts';
import { formatIssueTitle } from '../core/issue-title.ts';
import { newId } from '../core/ids.ts';
import type { Hlc, Issue, Settings } from '../core/model.ts';
import { getCurrentDraft, nextIssueNumber, putIssueAsCurrentDraft } from '../storage/issues-repo.ts';
import { getSettings } from '../storage/settings-repo.ts';
import { nextClock } from '../sync/index.ts';
import { database } from './database.ts';

interface NextIssue {
  settings: Settings;
  id: string;
  number: number;
  /** Today's title pattern filled in: it usually carries the number, which is new. */
  title: string;
  createdAt: string;
  at: Hlc;
}

/** What a new issue, blank or copied, starts from: the next number, its title, the time and a clock stamp. */
async function nextIssue(): Promise<NextIssue> {
  const db = await database();
  const [{ settings }, number, at] = await Promise.all([getSettings(db), nextIssueNumber(db), nextClock()]);
  const createdAt = new Date().toISOString();
  const title = formatIssueTitle(settings.titlePattern, { name: settings.newsletterName, number, date: createdAt }, settings.dateFormat);
  return { settings, id: newId(), number, title, createdAt, at };
}

/** A new draft with the settings' sections, intro and outro, made the current one. */
export async function createNextIssue(): Promise<Issue> {
  const { settings, ...next } = await nextIssue();
  const issue = createIssue({ ...next, sectionNames: settings.defaultSections, intro: settings.introTemplate, outro: settings.outroTemplate });
  await putIssueAsCurrentDraft(await database(), issue);
  return issue;
}

/** A copy of `source` as the next issue, made the current draft. */
export async function createNextIssueFrom(source: Issue): Promise<Issue> {
  const { settings: _settings, ...next } = await nextIssue();
  const copy = duplicateIssue(source, next);
  await putIssueAsCurrentDraft(await database(), copy);
  return copy;
}

export async function ensureCurrentDraft(): Promise<Issue> {
  return (await getCurrentDraft(await database())) ?? createNextIssue();
}
