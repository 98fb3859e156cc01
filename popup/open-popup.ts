/**
 * The popup's first act, started by its entry script while Preact and the views load: ask the background
 * for the state of the tab the popup is for. In Chrome the background read the page and storage at the
 * toolbar click (src/background/popup/early-reads.ts) and knows the tab, so the answer is usually ready;
 * elsewhere it reads them now.
 */
import type { PopupState } from '../src/messages.ts';
import { send } from '../src/ui/send.ts';

export function openPopupForActiveTab(): Promise<PopupState> {
  return send('popup/open', {});
}
