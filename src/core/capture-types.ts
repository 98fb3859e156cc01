import type { ItemKind } from './model.ts';

/**
 * Which rule produced a capture's summary. 'readability' means the article's lead paragraph:
 * found by Roundup's cheap paragraph scan, or by Readability when that scan found nothing.
 */
export const SUMMARY_SOURCES = ['selection', 'abstract', 'og', 'twitter', 'meta', 'json-ld', 'readability', 'none'] as const;
export type SummarySource = (typeof SUMMARY_SOURCES)[number];

/** What the page extractor reads from one page: the raw material of an Item. Every string is cleaned text. */
export interface Capture {
  title: string;
  /** Plain text; paragraphs of a selection or abstract are separated by a blank line. */
  summary: string;
  summarySource: SummarySource;
  /** The canonical URL when the page declared a usable one, else the page's URL; absolute. */
  url: string;
  canonicalUrl: string | null;
  /** `normalizeUrlForDedupe(url)`: the "already saved" key. */
  dedupeKey: string;
  site: string;
  authors: string[];
  /** ISO 8601: a date (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when that is all the page says) or a date-time. */
  publishedAt: string | null;
  /** Absolute URL. */
  image: string | null;
  kind: ItemKind;
  /** BCP 47 tag, e.g. `en`, `de-CH`. */
  language: string | null;
}
