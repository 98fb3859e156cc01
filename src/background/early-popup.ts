/**
 * The popup's first answer is built at the toolbar click, not when the popup's first script asks for
 * it. In Chrome the click reaches the background first (toolbar-click.ts), which reads the page and
 * storage here and then opens the popup; the browser takes longer to show the popup than the reads
 * take, so `popup/open` usually finds its answer ready. Firefox shows its popup without telling the
 * background: there `popup/open` builds the answer itself, as it does whenever nothing here fits.
 */
import { DEFAULT_SETTINGS } from '../core/model.ts';
import type { PopupState } from '../messages.ts';
import { quietWriteStamp, writtenSince } from '../storage/write-epoch.ts';
import { captureTab, type TabCapture } from './capture-tab.ts';
import { buildPopupState, type PopupTab } from './popup-state.ts';

/** An answer older than this is not used: the popup it was built for never asked for it. */
export const EARLY_POPUP_FRESH_MS = 5_000;

interface EarlyPopup {
  tab: PopupTab;
  startedAt: number;
  /** The page; undefined if it could not be read. */
  capture: Promise<TabCapture | undefined>;
  /** The whole answer; `stamp` tells whether anything was written since its storage reads (write-epoch.ts). */
  state: { stamp: number; built: Promise<PopupState> } | undefined;
}

/** What was started for the popup being opened; a later click replaces it. */
let early: EarlyPopup | undefined;

export function startEarlyPopup(tab: PopupTab): void {
  // Chrome grants activeTab to the page's renderer a moment after the click reaches the background, so
  // the first injection is now and then refused ("Cannot access contents of the page"): once more then.
  const read = () => captureTab(tab.id, tab.url, tab.title, DEFAULT_SETTINGS.summaryLength);
  const capture = read()
    .then((first) => first.problem === null ? first : read())
    .then((page) => page.problem === null ? page : undefined);
  // While a write runs, a read now could miss it: the answer is then built when the popup asks.
  const stamp = quietWriteStamp();
  const state = stamp === undefined ? undefined : { stamp, built: buildPopupState(tab, { capture }) };
  state?.built.catch(() => undefined); // reported by popup/open if it is used; dropped if not
  early = { tab, startedAt: Date.now(), capture, state };
}

export interface TakenEarly {
  tab: PopupTab;
  /** The page as read at the click; undefined if it could not be read then (popup/open tries again). */
  capture: Promise<TabCapture | undefined>;
  /**
   * The answer built at the click. Undefined if anything was written since its reads; it resolves to
   * undefined if the page could not be read (popup/open reads it again, later).
   */
  state: Promise<PopupState | undefined> | undefined;
}

/**
 * What was started at the last click, for the popup that click opened, at most once (a reopened popup
 * reads afresh); nothing once it is older than a popup takes to ask.
 */
export function takeEarlyPopup(now = Date.now()): TakenEarly | undefined {
  const taken = early;
  early = undefined;
  if (taken === undefined || now - taken.startedAt > EARLY_POPUP_FRESH_MS) return undefined;
  const current = taken.state && !writtenSince(taken.state.stamp) ? taken.state.built : undefined;
  return {
    tab: taken.tab, capture: taken.capture,
    // A page that could not be read is tried again when the popup asks; a busy one is still being read.
    state: current?.then((state) => (state.captureProblem === null || state.lateCapture ? state : undefined), () => undefined),
  };
}
