// Reading the page starts before Preact and the views load, and takes longer than loading them. They
// load once the request is on its way: loading them first would hold up the answer to the tab query.
import { openPopupForActiveTab } from './open-popup.ts';

const { sent, opened } = openPopupForActiveTab();
sent.then(() => import('./mount-popup.tsx')).then(({ mountPopup }) => mountPopup(opened), (error: unknown) => {
  document.body.textContent = `Roundup could not load its popup: ${error instanceof Error ? error.message : String(error)}`;
});
