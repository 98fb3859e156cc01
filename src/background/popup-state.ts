/**
 * The popup's first answer (`popup/open`): the tab's capture, what the editor typed for it earlier, the
 * current draft's outline, the item already filed for the page, and the section to offer. In Chrome it
 * is built at the toolbar click (early-popup.ts), else when the popup asks.
 */
import { liveItems, liveSections } from '../core/live-parts.ts';
import { DEFAULT_SETTINGS, type Issue } from '../core/model.ts';
import type { DraftOutline, PopupState } from '../messages.ts';
import { getLastSectionId } from '../storage/meta-repo.ts';
import { captureTab, type TabCapture } from './capture-tab.ts';
import { database } from './database.ts';
import { findItemForPage } from './find-item-for-page.ts';
import { summarize } from './handlers/edit-issue.ts';
import { readPopupContext, type PopupContext } from './popup-context.ts';

/** Any site's last-used section is remembered under the site; this key remembers the last one overall. */
export const ANY_SITE = '*';

export interface PopupTab {
  id: number;
  url: string;
  title: string;
}

/** Reads already under way; whatever is missing is read here. */
export interface StartedReads {
  /** The page, or undefined if it could not be read (it is then read again). */
  capture?: Promise<TabCapture | undefined>;
  context?: Promise<PopupContext>;
}

export async function buildPopupState({ id: tabId, url, title }: PopupTab, started: StartedReads = {}): Promise<PopupState> {
  // The capture (the slow part: it runs in the page) uses the default summary length; an editor who
  // changed the length gets a second capture.
  const readPage = async () => (await started.capture) ?? captureTab(tabId, url, title, DEFAULT_SETTINGS.summaryLength);
  const [first, { summaryLength, draft, pending }] = await Promise.all([readPage(), started.context ?? readPopupContext(tabId, url)]);
  const tab = first.problem === null && summaryLength !== DEFAULT_SETTINGS.summaryLength
    ? await captureTab(tabId, url, title, summaryLength) : first;
  const { capture } = tab;
  const existing = findItemForPage(draft, capture.url, capture.canonicalUrl);
  const added = pending?.itemId ? liveItems(draft).find((item) => item.id === pending.itemId) : undefined;
  const pendingFields = pending
    ? { title: pending.title, summary: pending.summary, note: pending.note, sectionId: pending.sectionId, itemId: pending.itemId }
    : null;
  return {
    tab: { id: tabId, url }, capture, captureProblem: tab.problem, pending: pendingFields, draft: outline(draft),
    existingItem: existing, addedItem: added ?? null,
    defaultSectionId: pending?.sectionId ?? existing?.sectionId ?? await defaultSectionFor(draft, capture.site),
  };
}

async function defaultSectionFor(issue: Issue, site: string): Promise<string | null> {
  const db = await database();
  const live = new Set(liveSections(issue).map((section) => section.id));
  const remembered = await Promise.all([site, ANY_SITE].map((key) => getLastSectionId(db, key)));
  return remembered.find((id) => id !== undefined && live.has(id)) ?? liveSections(issue)[0]?.id ?? null;
}

function outline(issue: Issue): DraftOutline {
  return { ...summarize(issue), sections: liveSections(issue).map(({ id, name }) => ({ id, name })) };
}
