/**
 * The popup's state is read at the toolbar click, not when the popup's first script asks for it. In
 * Chrome the click reaches the background first (toolbar-click.ts), which starts reading the page and
 * storage here and then opens the popup; the browser takes longer to show the popup than both reads
 * take, so `popup/open` usually finds them done. Firefox shows its popup without telling the
 * background: there `popup/open` reads both itself, as it does whenever nothing here fits.
 */
import { DEFAULT_SETTINGS } from '../core/model.ts';
import { quietWriteStamp, writtenSince } from '../storage/write-epoch.ts';
import { captureTab, type TabCapture } from './capture-tab.ts';
import { readPopupContext, type PopupContext } from './popup-context.ts';

/** Reads older than this are not used: the popup they were made for never asked for them. */
export const EARLY_POPUP_FRESH_MS = 5_000;

export interface ClickedTab {
  id: number;
  url: string;
  title: string;
}

interface EarlyPopup {
  tab: ClickedTab;
  startedAt: number;
  capture: Promise<TabCapture>;
  /** Storage as read at the click; `stamp` tells whether anything was written since (write-epoch.ts). */
  context: { stamp: number; read: Promise<PopupContext> } | undefined;
}

/** The reads started for the popup being opened; a later click replaces them. */
let early: EarlyPopup | undefined;

export function startEarlyPopup(tab: ClickedTab): void {
  // While a write runs, a read now could miss it: storage is then read when the popup asks.
  const stamp = quietWriteStamp();
  const context = stamp === undefined ? undefined : { stamp, read: readPopupContext(tab.id, tab.url) };
  context?.read.catch(() => undefined); // reported by popup/open if it is used; dropped if not
  // Chrome grants activeTab to the page's renderer a moment after the click reaches the background, so
  // the first injection is now and then refused ("Cannot access contents of the page"): once more then.
  const read = () => captureTab(tab.id, tab.url, tab.title, DEFAULT_SETTINGS.summaryLength);
  early = {
    tab, startedAt: Date.now(), context,
    capture: read().then((first) => first.problem === null ? first : read()),
  };
}

export interface TakenEarly {
  tab: ClickedTab;
  /** The page as read at the click; undefined if it could not be read then (popup/open tries again). */
  capture: Promise<TabCapture | undefined>;
  /** Storage as read at the click; undefined if anything was written since. */
  context: Promise<PopupContext> | undefined;
}

/**
 * What was read at the last click, for the popup that click opened, at most once (a reopened popup
 * reads afresh); nothing once it is older than a popup takes to ask.
 */
export function takeEarlyPopup(now = Date.now()): TakenEarly | undefined {
  const taken = early;
  early = undefined;
  if (taken === undefined || now - taken.startedAt > EARLY_POPUP_FRESH_MS) return undefined;
  return {
    tab: taken.tab,
    capture: taken.capture.then((read) => read.problem === null ? read : undefined),
    context: taken.context && !writtenSince(taken.context.stamp) ? taken.context.read : undefined,
  };
}
