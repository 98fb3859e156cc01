/**
 * What the popup's form needs from storage besides the capture: the summary length, the current draft
 * and the tab's pending edits. It is on the way to the form, and a draft may hold a thousand items, so
 * the draft is read once.
 */
import type { Issue } from '../core/model.ts';
import type { PopupForm, RoundupDatabase } from '../storage/db.ts';
import { getIssue, listIssues } from '../storage/issues-repo.ts';
import { getCurrentDraftId } from '../storage/meta-repo.ts';
import { getPopupForm, pendingKeyForTab } from '../storage/pending-repo.ts';
import { getSettings } from '../storage/settings-repo.ts';
import { database } from './database.ts';
import { createNextIssue } from './drafts.ts';

export interface PopupContext {
  summaryLength: number;
  keepTrackingParameters: boolean;
  draft: Issue;
  pending: PopupForm | undefined;
}

export async function readPopupContext(tabId: number, url: string): Promise<PopupContext> {
  const db = await database();
  const [{ settings }, draft, pending] = await Promise.all([
    getSettings(db), readCurrentDraft(db), getPopupForm(db, pendingKeyForTab(tabId), url),
  ]);
  return { summaryLength: settings.summaryLength, keepTrackingParameters: settings.keepTrackingParameters, draft, pending };
}

/** The chosen draft, read alone: the other drafts are read only when there is none to file into. */
async function readCurrentDraft(db: RoundupDatabase): Promise<Issue> {
  const id = await getCurrentDraftId(db);
  const chosen = id === undefined ? undefined : await getIssue(db, id).catch(() => undefined);
  if (chosen?.status === 'draft' && chosen.deleted === undefined) return chosen;
  // None chosen yet, or it was published, removed or damaged (popup/details reports the damage).
  const [newest] = (await listIssues(db)).values.filter((issue) => issue.status === 'draft');
  return newest ?? createNextIssue();
}
