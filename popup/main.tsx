// The popup's one script (vite.config.ts keeps it in one file): the request for the tab's state leaves
// before the first render, which shows "Reading the page…" until it is answered.
import { openPopupForActiveTab } from './open-popup.ts';
import { ignoreRejection } from '../src/core/rejections.ts';
import { mountPopup } from './mount-popup.tsx';
// Imported here, not by the views: the editor and options pages share the views' chunk (vite.config.ts)
// and would take its style sheets along.
import './popup.css';

const opened = openPopupForActiveTab();
ignoreRejection(opened, 'shown by the popup once mounted (use-popup.ts), not as an unhandled rejection');
mountPopup(opened);
