/**
 * The popup's first act, started by its entry script before the first render: ask the background for
 * the state of the tab the popup is for. Opened by the background after a click, the popup's address
 * names that tab (src/background/popup/toolbar-click.ts), whose page and storage were read at the click,
 * so the answer is usually ready. Opened by the browser itself (Firefox, or Chrome before Roundup's
 * background first ran), it is for the active tab of its own window, read now.
 */
import type { PopupState } from '../src/messages.ts';
import { extensionApi } from '../src/ui/extension-api.ts';
import { send } from '../src/ui/send.ts';

/** The tab named in the popup's address, if any. */
function namedTab(search: string): number | undefined {
  const named = Number(new URLSearchParams(search).get('tab') ?? NaN);
  return Number.isSafeInteger(named) && named >= 0 ? named : undefined;
}

export async function openPopupForActiveTab(): Promise<PopupState> {
  const named = namedTab(location.search);
  const tabId = named ?? (await extensionApi().tabs.query({ active: true, currentWindow: true }))[0]?.id;
  return send('popup/open', tabId === undefined ? {} : { tabId });
}
