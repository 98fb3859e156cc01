import type { Capture } from '../core/capture-types.ts';
import { extractCapture, type ExtractOptions } from './extract.ts';
import { parseHtmlDocument } from './node-document.ts';
import { readPageContext, type PageContext } from './page-context.ts';

/** Test helper: a capture of a hand-written page. */
export function capturePage(html: string, options: Partial<ExtractOptions> = {}): Capture {
  const url = options.url ?? 'https://example.com/post/1';
  return extractCapture(parseHtmlDocument(html, url), { ...options, url });
}

/** Test helper: the rule context of a hand-written page. */
export function contextOf(html: string, url = 'https://example.com/post/1'): PageContext {
  return readPageContext(parseHtmlDocument(html, url), url);
}

/** Test helper: a page with the given head and body markup. */
export function html(head: string, body = '', lang = 'en'): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}
