/**
 * The item a page gives when it refuses injection (browser pages, the web store, file:// without access):
 * built from the tab's URL and title, with a reason in plain words. Pure, so it is unit-tested in Node.
 */
import type { Capture } from '../core/capture-types.ts';
import { normalizeUrlForDedupe } from '../core/url.ts';

const BROWSER_SCHEMES = ['chrome', 'edge', 'about', 'chrome-extension', 'moz-extension', 'view-source', 'devtools', 'brave', 'opera'];

export function captureFromTabOnly(url: string, title: string): Capture {
  let site = '';
  try {
    site = new URL(url).hostname.replace(/^www\./, '');
  } catch {
    // not a URL we can name a site for
  }
  return {
    title: title.trim() || url, summary: '', summarySource: 'none', url, canonicalUrl: null,
    dedupeKey: normalizeUrlForDedupe(url), site, authors: [], publishedAt: null, image: null,
    kind: /\.pdf($|[?#])/i.test(url) ? 'paper' : 'article', language: null,
  };
}

/** True when the browser hides the tab's address from Roundup (browser pages, without the optional `tabs` permission). */
export function isHiddenTab(url: string): boolean {
  return url === '';
}

export function whyNotReadable(url: string, error: unknown): string {
  const scheme = url.split(':')[0] ?? '';
  if (isHiddenTab(url) || /chrome:\/\/|about:|cannot access a chrome/i.test(String(error))) {
    return isHiddenTab(url)
      ? 'This is a browser page, which extensions may not read, and the browser hides its address from Roundup.'
      : 'This is a browser page, which extensions may not read: only its address and title were filled in.';
  }
  if (BROWSER_SCHEMES.includes(scheme)) {
    return 'This is a browser page, which extensions may not read: only its address and title were filled in.';
  }
  if (/\.pdf($|[?#])/i.test(url)) return 'PDF files cannot be read by extensions: only the address and title were filled in.';
  if (/gallery|web ?store|addons/i.test(String(error))) {
    return 'The browser protects its extension store from extensions: only the address and title were filled in.';
  }
  if (scheme === 'file') {
    return 'Roundup may not read local files unless "Allow access to file URLs" is on for it: only the address and title were filled in.';
  }
  return `Roundup could not read this page (${error instanceof Error ? error.message : String(error)}): only the address and title were filled in.`;
}

