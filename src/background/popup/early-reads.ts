/**
 * The popup's reads start at the toolbar click, not when the popup's first script asks: in Chrome the
 * click reaches the background first (toolbar-click.ts), and the browser takes longer to show the popup
 * than the reads take, so `popup/open` usually finds the page and storage read. Kept with the clicked
 * tab, for the popup that click opened (the focused window may already be another one by then). Storage
 * read here is used only if nothing was written since (transaction.ts counts the writes). When the
 * browser opened the popup itself (Firefox, or Chrome before this worker first ran) `popup/open` finds
 * nothing here and reads both itself.
 *
 * Measured (bench/popup.ts, same run): with these reads the popup was ready 2.0× as late as an empty
 * page; reading only when the popup asks, 3.4×.
 */
import { ignoreRejection } from '../../core/rejections.ts';
import { quietWriteStamp, writtenSince } from '../../storage/transaction.ts';
import { captureTab, type TabCapture } from '../capture-tab.ts';
import { readPopupContext, type PopupContext } from './popup-context.ts';
import type { PopupTab } from './popup-state.ts';

/** Reads older than this are not used: the popup they were started for never asked for them. */
export const EARLY_READS_FRESH_MS = 5_000;

export interface EarlyReads {
  /** The tab that was clicked: the popup is for it. */
  tab: PopupTab;
  /** The page; undefined inside if it could not be read at the click (popup/open reads it again, for its reason). */
  capture: Promise<TabCapture | undefined>;
  /** Storage as read at the click; undefined if a write ran since. */
  context?: Promise<PopupContext>;
}

/** The last click's reads; a later click replaces them. */
let started: { tab: PopupTab; at: number; capture: EarlyReads['capture']; context?: { stamp: number; read: Promise<PopupContext> } } | undefined;

export function startReads(tab: PopupTab, now = Date.now()): void {
  // Chrome grants activeTab to the page's renderer a moment after the click reaches the background, so
  // the first injection is now and then refused ("Cannot access contents of the page"): once more then.
  const read = () => captureTab(tab.id, tab.url, tab.title);
  const capture = read()
    .then((first) => (first.problem === null ? first : read()))
    .then((page) => (page.problem === null ? page : undefined));
  // While a write runs, a read now could miss it: storage is then read when the popup asks.
  const stamp = quietWriteStamp();
  const context = stamp === undefined ? undefined : { stamp, read: readPopupContext(tab.id, tab.url) };
  if (context) ignoreRejection(context.read, 'reported by popup/open if the popup uses this read; a later click replaces it otherwise');
  started = { tab, at: now, capture, context };
}

/** The reads started at the last click, at most once (a reopened popup reads afresh), while fresh. */
export function takeReads(now = Date.now()): EarlyReads | undefined {
  const entry = started;
  started = undefined;
  if (entry === undefined || now - entry.at > EARLY_READS_FRESH_MS) return undefined;
  const fresh = entry.context && !writtenSince(entry.context.stamp) ? entry.context.read : undefined;
  return { tab: entry.tab, capture: entry.capture, context: fresh };
}
