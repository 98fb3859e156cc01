import * as v from 'valibot';
import { ITEM_KINDS } from './model.ts';

/**
 * Which rule produced a capture's summary. 'readability' means the article's lead paragraph:
 * found by Roundup's cheap paragraph scan, or by Readability when that scan found nothing.
 */
export const SUMMARY_SOURCES = ['selection', 'abstract', 'og', 'twitter', 'meta', 'json-ld', 'readability', 'none'] as const;
export type SummarySource = (typeof SUMMARY_SOURCES)[number];

const nullableString = v.nullable(v.string());

/**
 * What the page extractor reads from one page: the raw material of an Item (itemFieldsFromCapture). Every
 * string is cleaned text. Declared once, as the schema the background checks the injected script's answer
 * with (the page's DOM is hostile: src/background/capture-tab.ts); the type is derived from it.
 */
export const captureSchema = v.object({
  title: v.string(),
  /** Plain text, whole (cut to the editor's length in cut-summary.ts); paragraphs of a selection or abstract are separated by a blank line. */
  summary: v.string(),
  summarySource: v.picklist(SUMMARY_SOURCES),
  /** The canonical URL when the page declared a usable one, else the page's URL; absolute. */
  url: v.string(),
  canonicalUrl: nullableString,
  /** `normalizeUrlForDedupe(url)`: the "already saved" key. */
  dedupeKey: v.string(),
  site: v.string(),
  authors: v.array(v.string()),
  /** ISO 8601: a date (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when that is all the page says) or a date-time. */
  publishedAt: nullableString,
  /** Absolute URL. */
  image: nullableString,
  kind: v.picklist(ITEM_KINDS),
  /** BCP 47 tag, e.g. `en`, `de-CH`. */
  language: nullableString,
});

export type Capture = v.InferOutput<typeof captureSchema>;
