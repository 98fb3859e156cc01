/**
 * The popup's first act, started by its entry script before Preact and the views have loaded: ask the
 * background to read the active tab (it injects capture.js and reads storage meanwhile). Reading the
 * page is the slow part, so it starts while the rest of the popup loads.
 *
 * It uses the browser's own API rather than webextension-polyfill, which loads with the views: Chrome's
 * `chrome` returns promises under Manifest V3, and Firefox has `browser`.
 */
import type { Browser } from 'webextension-polyfill';
import type { Envelope, MessageArgs, MessageName, MessageResult, PopupState, Reply } from '../src/messages.ts';

export interface OpenedPopup {
  tab: { id: number; url: string };
  state: PopupState;
}

export interface Opening {
  /** Settles once the request has left the popup (or could not be made). */
  sent: Promise<void>;
  opened: Promise<OpenedPopup>;
}

type Api = Pick<Browser, 'tabs' | 'runtime'>;
const api = (globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;

/** src/ui/send.ts without the polyfill: the same envelope, and errors crossing as errors. */
async function request<N extends MessageName>(name: N, args: MessageArgs<N>): Promise<MessageResult<N>> {
  const envelope: Envelope<N> = { roundup: 1, name, args };
  const reply = (await api.runtime.sendMessage(envelope)) as Reply<MessageResult<N>> | undefined;
  if (!reply) throw new Error('Roundup’s background did not answer. Try again.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

export function openPopupForActiveTab(): Opening {
  let markSent = () => {};
  const sent = new Promise<void>((resolve) => { markSent = resolve; });
  const opened = (async () => {
    try {
      const [active] = await api.tabs.query({ active: true, currentWindow: true });
      if (active?.id === undefined) throw new Error('Roundup could not tell which tab is open.');
      const tab = { id: active.id, url: active.url ?? '' };
      const answer = request('popup/open', { tabId: tab.id, url: tab.url, title: active.title ?? '' });
      markSent();
      return { tab, state: await answer };
    } finally {
      markSent();
    }
  })();
  return { sent, opened };
}
