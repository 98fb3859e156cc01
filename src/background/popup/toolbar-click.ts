/**
 * A click on the toolbar button (or its shortcut). The manifest names the popup, so the browser opens it
 * itself whenever Roundup's background is not listening yet: right after Roundup is installed or the
 * browser started, before this worker's first run, and always in Firefox (its `action.openPopup` must run
 * within the click's own handler, before any await). Once this worker runs in Chrome it takes the clicks
 * (takeToolbarClicks): a click then arrives here first, the page and storage are read at once
 * (early-reads.ts) while the browser builds the popup, and `action.openPopup` opens it for the tab's
 * window. `openPopup` shows the popup set for the tab, so the tab gets it just for that call, and then
 * none again, so the next click comes back here.
 */
import browser, { type Tabs } from '../extension-api.ts';
import { startReads } from './early-reads.ts';

/**
 * The popup's page as manifest.json names it, told which tab it is for (popup/open-popup.ts): the focus
 * may be in another window by the time it loads.
 */
function popupPageFor(tabId: number): string {
  return `${browser.runtime.getManifest().action?.default_popup ?? 'popup/index.html'}?tab=${tabId}`;
}

/** Whether this is Firefox, which opens its popup itself (see the file comment). */
export function inFirefox(): boolean {
  return typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
}

/** Chrome: the button's clicks come to `handleToolbarClick` from now on, not straight to the popup. */
export async function takeToolbarClicks(): Promise<void> {
  if (!inFirefox()) await browser.action.setPopup({ popup: '' });
}

export async function handleToolbarClick(tab: Tabs.Tab): Promise<void> {
  if (tab.id === undefined) return;
  startReads({ id: tab.id, url: tab.url ?? '', title: tab.title ?? '' });
  await openPopupOnTab(tab.id, tab.windowId);
}

/**
 * Opens the popup for `tabId` from the background (a toolbar click, a context-menu add). A window that
 * lost focus can refuse it: the window is focused and asked once more. If it still refuses, the tab keeps
 * its popup set, so the next click opens it the browser's own way.
 */
export async function openPopupOnTab(tabId: number, windowId: number | undefined): Promise<void> {
  await browser.action.setPopup({ tabId, popup: popupPageFor(tabId) });
  try {
    await browser.action.openPopup({ windowId });
  } catch (refused) {
    if (windowId === undefined) throw refused;
    await browser.windows.update(windowId, { focused: true });
    await browser.action.openPopup({ windowId });
  }
  await browser.action.setPopup({ tabId, popup: '' });
}
