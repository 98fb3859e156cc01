// The request for the tab's state leaves first; Preact and the views load while it is answered.
import { openPopupForActiveTab } from './open-popup.ts';
import { ignoreRejection } from '../src/core/rejections.ts';

const opened = openPopupForActiveTab();
ignoreRejection(opened, 'shown by the popup once mounted (use-popup.ts), not as an unhandled rejection');
import('./mount-popup.tsx').then(({ mountPopup }) => mountPopup(opened), (error: unknown) => {
  document.body.textContent = `Roundup could not load its popup: ${error instanceof Error ? error.message : String(error)}`;
});
