/**
 * A click on the toolbar button (or its shortcut) in Chrome. The manifest names no popup, so the click
 * arrives here: the page and storage are read at once (early-popup.ts) while the browser builds the popup, which
 * `action.openPopup` opens for the tab's window. `openPopup` shows the popup set for the tab, so the tab
 * gets it just for that call, and then none again, so the next click comes back here.
 */
import browser, { type Tabs } from './extension-api.ts';
import { POPUP_PAGE } from '../popup-page.ts';
import { startEarlyPopup } from './early-popup.ts';

export async function handleToolbarClick(tab: Tabs.Tab): Promise<void> {
  if (tab.id === undefined) return;
  startEarlyPopup({ id: tab.id, url: tab.url ?? '', title: tab.title ?? '' });
  await browser.action.setPopup({ tabId: tab.id, popup: POPUP_PAGE });
  // If the popup cannot open now, the tab keeps it set: the next click opens it the browser's own way.
  await browser.action.openPopup({ windowId: tab.windowId });
  await browser.action.setPopup({ tabId: tab.id, popup: '' });
}
