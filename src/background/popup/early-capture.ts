/**
 * The page is read at the toolbar click, not when the popup's first script asks: in Chrome the click
 * reaches the background first (toolbar-click.ts), and the browser takes longer to show the popup than
 * the capture takes, so `popup/open` usually finds the page read. Only the capture starts here, kept by
 * tab; storage is read when the popup asks (popup-state.ts). Firefox shows its popup without telling the
 * background: there `popup/open` finds nothing here and reads the page itself.
 */
import { captureTab, type TabCapture } from '../capture-tab.ts';
import type { PopupTab } from './popup-state.ts';

/** A capture older than this is not used: the popup it was started for never asked for it. */
export const EARLY_CAPTURE_FRESH_MS = 5_000;

const started = new Map<number, { url: string; at: number; capture: Promise<TabCapture | undefined> }>();

export function startCapture(tab: PopupTab, now = Date.now()): void {
  // Chrome grants activeTab to the page's renderer a moment after the click reaches the background, so
  // the first injection is now and then refused ("Cannot access contents of the page"): once more then.
  const read = () => captureTab(tab.id, tab.url, tab.title);
  const capture = read()
    .then((first) => (first.problem === null ? first : read()))
    .then((page) => (page.problem === null ? page : undefined)); // popup/open reads a refusing page again, for its reason
  started.set(tab.id, { url: tab.url, at: now, capture });
}

/** The capture started at the click on this tab and page, at most once (a reopened popup reads afresh). */
export function takeCapture(tab: PopupTab, now = Date.now()): Promise<TabCapture | undefined> | undefined {
  const entry = started.get(tab.id);
  started.delete(tab.id);
  if (entry === undefined || entry.url !== tab.url || now - entry.at > EARLY_CAPTURE_FRESH_MS) return undefined;
  return entry.capture;
}
