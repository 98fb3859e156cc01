/**
 * The script Roundup injects into a page when the editor asks (toolbar, shortcut, context menu), via
 * `scripting.executeScript({ files: ['capture.js'] })` under the activeTab grant.
 *
 * It is built on its own as one self-contained IIFE (see vite.config.ts): no chunks, no loader, nothing in
 * `web_accessible_resources`. The build appends `roundupCapture.captureThisPage();`, so the script's
 * completion value is the capture, which is what executeScript hands back to the extension. It runs in the extension's isolated world, so the globals it reads and sets
 * are invisible to the page.
 */
import type { Capture } from '../core/capture-types.ts';
import { extractCapture } from './extract.ts';

/** Set by a preceding `executeScript({ func })` call in the same isolated world, when settings apply. */
export interface InjectedCaptureOptions {
  summaryLength?: number;
}

declare global {
  var roundupCaptureOptions: InjectedCaptureOptions | undefined;
}

function readSelection(): string | null {
  const text = globalThis.getSelection?.()?.toString() ?? '';
  return text.trim() ? text : null;
}

export function captureThisPage(): Capture {
  const options = globalThis.roundupCaptureOptions ?? {};
  // Options are for this capture only: the isolated world outlives it until the page navigates.
  globalThis.roundupCaptureOptions = undefined;
  return extractCapture(document, {
    url: document.URL,
    selection: readSelection(),
    ...(options.summaryLength ? { summaryLength: options.summaryLength } : {}),
  });
}
