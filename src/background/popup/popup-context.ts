/**
 * What the popup's form needs from storage besides the capture: the settings that shape the item, the
 * current draft and the tab's pending edits, read side by side with the page (popup-state.ts).
 */
import type { Issue } from '../../core/model.ts';
import type { PopupForm } from '../../storage/db.ts';
import { getPopupForm, pendingKeyForTab } from '../../storage/pending-repo.ts';
import { getSettings } from '../../storage/settings-repo.ts';
import { database } from '../database.ts';
import { ensureCurrentDraft } from '../drafts.ts';

export interface PopupContext {
  /** The settings itemFieldsFromCapture takes. */
  settings: { summaryLength: number; keepTrackingParameters: boolean };
  draft: Issue;
  pending: PopupForm | undefined;
}

export async function readPopupContext(tabId: number, url: string): Promise<PopupContext> {
  const db = await database();
  const [{ settings }, draft, pending] = await Promise.all([
    getSettings(db), ensureCurrentDraft(), getPopupForm(db, pendingKeyForTab(tabId), url),
  ]);
  const { summaryLength, keepTrackingParameters } = settings;
  return { settings: { summaryLength, keepTrackingParameters }, draft, pending };
}
