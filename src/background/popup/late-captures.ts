/**
 * Captures that had not arrived when the popup opened (a busy page, popup-state.ts), kept for the popup
 * that asks for them with `popup/late-capture`. One per tab; a new click on the tab replaces it.
 */
import type { TabCapture } from '../capture-tab.ts';

/** A page that answers later than this is not waited for: the popup keeps the tab's title and address. */
export const LATE_CAPTURE_LIMIT_MS = 120_000;

const late = new Map<number, { url: string; capture: Promise<TabCapture> }>();

export function keepLateCapture(tabId: number, url: string, capture: Promise<TabCapture>): void {
  const entry = { url, capture };
  late.set(tabId, entry);
  // Forgotten once it arrived and had time to be asked for, or when the page never answers.
  const forget = () => { if (late.get(tabId) === entry) late.delete(tabId); };
  capture.then(() => setTimeout(forget, LATE_CAPTURE_LIMIT_MS), forget);
  setTimeout(forget, LATE_CAPTURE_LIMIT_MS);
}

/** The capture still coming for this tab and page, if any. */
export function lateCaptureFor(tabId: number, url: string): Promise<TabCapture> | undefined {
  const entry = late.get(tabId);
  return entry?.url === url ? entry.capture : undefined;
}
