/**
 * A capture (what the extractor read from a page) becomes the fields of an item here, and only here:
 * the popup's form, the context menus and every later "Add" start from this. Whatever a page holds, the
 * result is a valid item (no capture value can make an add fail), and page text becomes the model's
 * inline Markdown exactly once (BRIEF decision 1).
 *
 * - Summary: cut to the editor's length (cutCaptureSummary); the page hands it over whole.
 * - Text: Unicode bidi controls (U+202A–202E, U+2066–2069) and other control characters removed, so a page
 *   cannot make `invoice\u202Efdp.exe` read as `invoiceexe.pdf`; title and summary escaped as Markdown
 *   (markdown-escape.ts), so `2*3*4 = 24` is exported as written.
 * - Lengths: every field cut to the model's limits (schema.ts LIMITS), a page's 9,000-character title or
 *   image URL included; a link too long to store loses its fragment, then its query.
 * - Identity: a canonical URL on another site than the page (another registrable domain) is not believed:
 *   the item keeps the page's own address, so a page cannot pose as an item already filed. It is shown
 *   to the editor in the notes instead.
 * - Links: stored as cleanStoredLink writes them (tracking parameters, credentials, arXiv versions).
 * - Dates: a published date the model does not accept is left out rather than refused.
 */
import type { Capture } from './capture-types.ts';
import { cutCaptureSummary } from './cut-summary.ts';
import { escapeMarkdownInline } from './markdown-escape.ts';
import type { Item } from './model.ts';
import { LIMITS, isPublishedDate } from './schema.ts';
import { isSameSite, siteOfUrl } from './site-of-url.ts';
import { cleanStoredLink } from './stored-link.ts';

/** What `item/add` takes: an item's own fields, before the issue places it. */
export type CapturedItemFields = Pick<Item, 'url' | 'canonicalUrl' | 'title' | 'summary' | 'note' | 'site' | 'authors'
  | 'publishedAt' | 'image' | 'kind'>;

export interface CaptureToItem {
  fields: CapturedItemFields;
  /** Plain words for what was changed on the way and the editor should know. */
  notes: string[];
}

export interface CaptureToItemOptions {
  /** The address of the page the capture came from (the tab's), against which a canonical URL is checked. */
  pageUrl: string;
  keepTrackingParameters: boolean;
  /** The editor's summary length (Settings.summaryLength). */
  summaryLength: number;
}

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const CONTROLS_EXCEPT_NEWLINE = /(?!\n)[\p{Cc}]/gu;

/** Text without bidi or control characters; one line unless `multiline` (then paragraphs stay). */
export function plainPageText(text: string, { multiline = false } = {}): string {
  const cleaned = text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(BIDI_CONTROLS, '').replace(CONTROLS_EXCEPT_NEWLINE, '');
  return (multiline ? cleaned.replace(/[ ]*\n[ ]*/g, '\n') : cleaned.replace(/\s+/g, ' ')).trim();
}

/** At most `max` code units once written as `write` would, cut at a character boundary and marked `…`. */
function fitText(text: string, max: number, write: (text: string) => string = (same) => same): string {
  let kept = text;
  let written = write(kept);
  while (written.length > max) {
    const chars = [...kept];
    const over = written.length - max;
    kept = `${chars.slice(0, Math.max(0, chars.length - over - 1)).join('').trimEnd()}…`;
    written = write(kept);
  }
  return written;
}

function isAbsoluteUrl(url: string): boolean {
  return URL.canParse(url);
}

/** A link short enough to store: without its fragment, then its query; else the site's home page. */
function fitLink(url: string): string {
  if (url.length <= LIMITS.url) return url;
  const parsed = new URL(url);
  parsed.hash = '';
  if (parsed.href.length <= LIMITS.url) return parsed.href;
  parsed.search = '';
  return parsed.href.length <= LIMITS.url ? parsed.href : `${parsed.origin}/`;
}

/** A URL to keep only if it is absolute and short enough; else null. */
function optionalUrl(url: string | null): string | null {
  const trimmed = url?.trim() ?? '';
  return trimmed !== '' && trimmed.length <= LIMITS.url && isAbsoluteUrl(trimmed) ? trimmed : null;
}

function pageIdentity(capture: Capture, pageUrl: string, notes: string[]): { url: string; canonicalUrl: string | null } {
  const canonical = capture.canonicalUrl;
  const page = /^https?:/i.test(pageUrl) && isAbsoluteUrl(pageUrl) ? pageUrl : null;
  if (canonical === null || page === null || isSameSite(canonical, page)) return { url: capture.url, canonicalUrl: canonical };
  notes.push(`This page names a page on ${siteOfUrl(canonical) ?? 'another site'} as its original (${fitText(canonical, 200)}). `
    + 'Roundup files this page’s own address: another site cannot stand in for it.');
  return { url: page, canonicalUrl: null };
}

export function itemFieldsFromCapture(page: Capture, options: CaptureToItemOptions): CaptureToItem {
  const capture = cutCaptureSummary(page, options.summaryLength);
  const notes: string[] = [];
  const identity = pageIdentity(capture, options.pageUrl, notes);
  const link = (url: string) => cleanStoredLink(url, { keepTrackingParameters: options.keepTrackingParameters });
  const url = identity.url === '' || !isAbsoluteUrl(identity.url) ? identity.url : fitLink(link(identity.url));
  const canonical = optionalUrl(identity.canonicalUrl);
  const title = plainPageText(capture.title);
  const fittedTitle = fitText(title, LIMITS.title, escapeMarkdownInline);
  if (escapeMarkdownInline(title) !== fittedTitle) notes.push(`The page’s title was ${title.length.toLocaleString('en')} characters long; it was shortened.`);
  const publishedAt = capture.publishedAt?.trim() ?? '';
  const authors = capture.authors.map((author) => fitText(plainPageText(author), LIMITS.author)).filter((author) => author !== '');
  return {
    fields: {
      url,
      canonicalUrl: canonical === null ? null : link(canonical),
      title: fittedTitle,
      summary: fitText(plainPageText(capture.summary, { multiline: true }), LIMITS.summary, escapeMarkdownInline),
      note: '',
      site: fitText(plainPageText(capture.site), LIMITS.site),
      authors: [...new Set(authors)].slice(0, LIMITS.authors),
      publishedAt: isPublishedDate(publishedAt) ? publishedAt : null,
      image: optionalUrl(capture.image),
      kind: capture.kind,
    },
    notes,
  };
}
