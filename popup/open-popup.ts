/**
 * The popup's first act, started by its entry script before Preact and the views have loaded: ask the
 * background to read the active tab (it injects capture.js and reads storage meanwhile). Reading the
 * page is the slow part, so it starts while the rest of the popup loads.
 *
 * It uses the browser's own API rather than webextension-polyfill, which loads with the views: Chrome's
 * `chrome` returns promises under Manifest V3, and Firefox has `browser`.
 */
import type { Browser } from 'webextension-polyfill';
import type { PopupState } from '../src/messages.ts';
import { send } from '../src/ui/send.ts';

export interface OpenedPopup {
  tab: { id: number; url: string };
  state: PopupState;
}

export interface Opening {
  /** Settles once the request has left the popup (or could not be made). */
  sent: Promise<void>;
  opened: Promise<OpenedPopup>;
}

type Tabs = Pick<Browser['tabs'], 'query'>;
const tabs = ((globalThis as { browser?: { tabs: Tabs } }).browser ?? (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome).tabs;

export function openPopupForActiveTab(): Opening {
  let markSent = () => {};
  const sent = new Promise<void>((resolve) => { markSent = resolve; });
  const opened = (async () => {
    try {
      const [active] = await tabs.query({ active: true, currentWindow: true });
      if (active?.id === undefined) throw new Error('Roundup could not tell which tab is open.');
      const tab = { id: active.id, url: active.url ?? '' };
      const answer = send('popup/open', { tabId: tab.id, url: tab.url, title: active.title ?? '' });
      markSent();
      return { tab, state: await answer };
    } finally {
      markSent();
    }
  })();
  return { sent, opened };
}
