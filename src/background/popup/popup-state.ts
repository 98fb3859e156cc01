/**
 * The popup's first answer (`popup/open`), built when the popup asks: the tab's capture as item fields,
 * what the editor typed for it earlier, the current draft's outline, the item already filed for the page,
 * and the section to offer. In Chrome the page and storage were read at the click (early-reads.ts); what
 * is missing is read here.
 *
 * A page whose main thread is busy (a heavy script) answers the injected capture only when it is done,
 * which can take most of a minute. After CAPTURE_PATIENCE_MS the popup gets the tab's title and address
 * instead, with the reason, and the capture is kept (late-captures.ts) for `popup/late-capture`.
 */
import { itemFieldsFromCapture } from '../../core/capture-fields.ts';
import { liveItems, liveSections } from '../../core/live-parts.ts';
import type { Issue } from '../../core/model.ts';
import type { DraftOutline, PopupState } from '../../messages.ts';
import { captureTab, type TabCapture } from '../capture-tab.ts';
import { findItemForPage } from '../find-item-for-page.ts';
import { summarize } from '../handlers/edit-issue.ts';
import { sectionToOffer } from '../last-section.ts';
import { captureFromTabOnly } from '../tab-fallback.ts';
import { keepLateCapture } from './late-captures.ts';
import { readPopupContext, type PopupContext } from './popup-context.ts';

/** How long the popup waits for the page before it shows the tab's title and address. */
export const CAPTURE_PATIENCE_MS = 2_000;

export const BUSY_PAGE_PROBLEM = 'This page is busy and has not answered yet: its title and address are filled in, '
  + 'and the rest follows when the page answers. What you type is kept.';

export interface PopupTab {
  id: number;
  url: string;
  title: string;
}

async function readPage({ id, url, title }: PopupTab, early: Promise<TabCapture | undefined> | undefined): Promise<TabCapture> {
  return (await early) ?? captureTab(id, url, title);
}

function patience(ms: number): Promise<null> {
  return new Promise((done) => setTimeout(() => done(null), ms));
}

/** Reads already under way. */
export interface StartedReads {
  /** The page, read at the toolbar click (early-reads.ts); undefined inside if it could not be read then. */
  early?: Promise<TabCapture | undefined>;
  /** Storage, read at the toolbar click when nothing was written since. */
  context?: Promise<PopupContext>;
  /** Arrived after the popup opened (`popup/late-capture`): used as it is, however long it took. */
  late?: Promise<TabCapture>;
}

/** The answer for `tab`. The page is read now unless a capture is under way, and waited for CAPTURE_PATIENCE_MS. */
export async function buildPopupState(tab: PopupTab, started: StartedReads = {}): Promise<PopupState> {
  const { id: tabId, url, title } = tab;
  const context = started.context ?? readPopupContext(tabId, url);
  const page = started.late ?? readPage(tab, started.early);
  const inTime = started.late ? await started.late : await Promise.race([page, patience(CAPTURE_PATIENCE_MS)]);
  const { settings, draft, pending } = await context;
  if (inTime === null) keepLateCapture(tabId, url, page);
  const { capture, problem } = inTime ?? { capture: captureFromTabOnly(url, title), problem: BUSY_PAGE_PROBLEM };
  const { fields, notes } = itemFieldsFromCapture(capture, { pageUrl: url || capture.url, ...settings });
  const existing = findItemForPage(draft, fields.url, fields.canonicalUrl);
  const added = pending?.itemId ? liveItems(draft).find((item) => item.id === pending.itemId) : undefined;
  const pendingFields = pending
    ? { title: pending.title, summary: pending.summary, note: pending.note, sectionId: pending.sectionId, itemId: pending.itemId }
    : null;
  return {
    tab: { id: tabId, url }, fields, captureNotes: notes, captureProblem: problem, lateCapture: inTime === null,
    pending: pendingFields, draft: outline(draft), existingItem: existing, addedItem: added ?? null,
    defaultSectionId: pending?.sectionId ?? existing?.sectionId ?? (await sectionToOffer(draft, fields.site))?.id ?? null,
    menuAdded: null,
  };
}

function outline(issue: Issue): DraftOutline {
  return { ...summarize(issue), sections: liveSections(issue).map(({ id, name }) => ({ id, name })) };
}
