/**
 * The popup's first answer (`popup/open`): the tab's capture as item fields, what the editor typed for it
 * earlier, the current draft's outline, the item already filed for the page, and the section to offer.
 * In Chrome it is built at the toolbar click (early-popup.ts), else when the popup asks.
 *
 * A page whose main thread is busy (a heavy script) answers the injected capture only when it is done,
 * which can take most of a minute. After CAPTURE_PATIENCE_MS the popup gets the tab's title and address
 * instead, with the reason, and the capture is kept (late-captures.ts) for `popup/late-capture`.
 */
import { itemFieldsFromCapture } from '../core/capture-fields.ts';
import { liveItems, liveSections } from '../core/live-parts.ts';
import { DEFAULT_SETTINGS, type Issue } from '../core/model.ts';
import type { DraftOutline, PopupState } from '../messages.ts';
import { getLastSectionId } from '../storage/meta-repo.ts';
import { captureTab, type TabCapture } from './capture-tab.ts';
import { database } from './database.ts';
import { findItemForPage } from './find-item-for-page.ts';
import { summarize } from './handlers/edit-issue.ts';
import { keepLateCapture } from './late-captures.ts';
import { readPopupContext, type PopupContext } from './popup-context.ts';
import { captureFromTabOnly } from './tab-fallback.ts';

/** Any site's last-used section is remembered under the site; this key remembers the last one overall. */
export const ANY_SITE = '*';

/** How long the popup waits for the page before it shows the tab's title and address. */
export const CAPTURE_PATIENCE_MS = 2_000;

export const BUSY_PAGE_PROBLEM = 'This page is busy and has not answered yet: its title and address are filled in, '
  + 'and the rest follows when the page answers. What you type is kept.';

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
  /** The page as finally read (a late capture): used as it is, however long it takes. */
  page?: Promise<TabCapture>;
}

/** The capture with the editor's summary length: read at the default length first, again if they changed it. */
async function readPage({ id, url, title }: PopupTab, started: StartedReads, context: Promise<PopupContext>): Promise<TabCapture> {
  if (started.page) return started.page;
  const first = (await started.capture) ?? await captureTab(id, url, title, DEFAULT_SETTINGS.summaryLength);
  const { summaryLength } = await context;
  return first.problem === null && summaryLength !== DEFAULT_SETTINGS.summaryLength ? captureTab(id, url, title, summaryLength) : first;
}

function patience(ms: number): Promise<null> {
  return new Promise((done) => setTimeout(() => done(null), ms));
}

export async function buildPopupState(tab: PopupTab, started: StartedReads = {}): Promise<PopupState> {
  const { id: tabId, url, title } = tab;
  const context = started.context ?? readPopupContext(tabId, url);
  const page = readPage(tab, started, context);
  const inTime = started.page ? await page : await Promise.race([page, patience(CAPTURE_PATIENCE_MS)]);
  const { keepTrackingParameters, draft, pending } = await context;
  if (inTime === null) keepLateCapture(tabId, url, page);
  const { capture, problem } = inTime ?? { capture: captureFromTabOnly(url, title), problem: BUSY_PAGE_PROBLEM };
  const { fields, notes } = itemFieldsFromCapture(capture, { pageUrl: url || capture.url, keepTrackingParameters });
  const existing = findItemForPage(draft, fields.url, fields.canonicalUrl);
  const added = pending?.itemId ? liveItems(draft).find((item) => item.id === pending.itemId) : undefined;
  const pendingFields = pending
    ? { title: pending.title, summary: pending.summary, note: pending.note, sectionId: pending.sectionId, itemId: pending.itemId }
    : null;
  return {
    tab: { id: tabId, url }, fields, captureNotes: notes, captureProblem: problem, lateCapture: inTime === null,
    pending: pendingFields, draft: outline(draft), existingItem: existing, addedItem: added ?? null,
    defaultSectionId: pending?.sectionId ?? existing?.sectionId ?? await defaultSectionFor(draft, fields.site),
    menuAdded: null,
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
