/**
 * The script Roundup injects into a page when the editor asks (toolbar, shortcut, context menu), via
 * `scripting.executeScript({ files: ['capture.js'] })` under the activeTab grant.
 *
 * It is built on its own as one self-contained IIFE (see vite.config.ts): no chunks, no loader, nothing in
 * `web_accessible_resources`. The build appends `roundupCapture.captureThisPage();`, so the script's
 * completion value is the capture, which is what executeScript hands back to the extension. It takes no options:
 * one injection, one answer.
 */
import type { Capture } from '../core/capture-types.ts';
import { readCapture } from './extract.ts';

function readSelection(): string | null {
  const text = globalThis.getSelection?.()?.toString() ?? '';
  return text.trim() ? text : null;
}

/** The page as it is, its summary whole: the extension cuts it to the editor's length (src/core/cut-summary.ts). */
export function captureThisPage(): Capture {
  return readCapture(document, { url: document.URL, selection: readSelection() });
}
