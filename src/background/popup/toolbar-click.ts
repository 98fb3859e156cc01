/**
 * A click on the toolbar button (or its shortcut) in Chrome. The manifest names no popup, so the click
 * arrives here: the page and storage are read at once (early-reads.ts) while the browser builds the popup, which
 * `action.openPopup` opens for the tab's window. `openPopup` shows the popup set for the tab, so the tab
 * gets it just for that call, and then none again, so the next click comes back here.
 */
import browser, { type Tabs } from '../extension-api.ts';
import { POPUP_PAGE } from '../../popup-page.ts';
import { startReads } from './early-reads.ts';

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
  await browser.action.setPopup({ tabId, popup: POPUP_PAGE });
  try {
    await browser.action.openPopup({ windowId });
  } catch (refused) {
    if (windowId === undefined) throw refused;
    await browser.windows.update(windowId, { focused: true });
    await browser.action.openPopup({ windowId });
  }
  await browser.action.setPopup({ tabId, popup: '' });
}
