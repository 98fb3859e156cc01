import type { Capture } from '../core/capture-types.ts';
import { cutCaptureSummary } from '../core/cut-summary.ts';
import { DEFAULT_SETTINGS } from '../core/model.ts';
import { normalizeUrlForDedupe } from '../core/url.ts';
import { pickAuthors } from './authors.ts';
import { pickCanonicalUrl } from './canonical-url.ts';
import { pickImage } from './image.ts';
import { pickKind } from './kind.ts';
import { pickLanguage } from './language.ts';
import { readPageContext } from './page-context.ts';
import { isPaperPage } from './paper.ts';
import { pickPublishedDate } from './published-date.ts';
import { readRepoPage } from './repo.ts';
import { pickSiteName } from './site-name.ts';
import { pickSummary } from './summary.ts';
import { pickTitle } from './title.ts';

export interface ExtractOptions {
  /** The page's URL (the tab's, or the file's origin for the CLI). */
  url: string;
  /** The user's selection, as `Selection.toString()` gives it. */
  selection?: string | null;
  /** Summary length for articles, in characters (cutCaptureSummary); papers keep their whole abstract. */
  summaryLength?: number;
}

export const DEFAULT_SUMMARY_LENGTH = DEFAULT_SETTINGS.summaryLength;

/** A capture with its summary cut to `summaryLength` (default: the settings' default), as the CLI and tests read pages. */
export function extractCapture(doc: Document, options: ExtractOptions): Capture {
  return cutCaptureSummary(readCapture(doc, options), options.summaryLength ?? DEFAULT_SUMMARY_LENGTH);
}

/**
 * Reads a capture from a parsed page, in the browser (the live `document`) or in Node (linkedom), with
 * its summary whole: the extension cuts it to the editor's length in the core (itemFieldsFromCapture).
 * Uses only standard DOM reads and never modifies `doc`.
 */
export function readCapture(doc: Document, options: Omit<ExtractOptions, 'summaryLength'>): Capture {
  const context = readPageContext(doc, options.url);
  const canonicalUrl = pickCanonicalUrl(context);
  const url = canonicalUrl ?? context.pageUrl?.href ?? options.url;
  const repo = readRepoPage(safeUrl(canonicalUrl)) ?? readRepoPage(context.pageUrl);
  const isPaper = !repo && isPaperPage(context);
  const site = pickSiteName(context);
  const authors = pickAuthors(context, site);
  // A page with no title at all still needs something an editor can recognise in a list.
  const title = pickTitle(context, { site, repo, authors, url: safeUrl(url) }) || url;
  const language = pickLanguage(context);
  const { summary, source } = pickSummary(context, {
    selection: options.selection,
    title,
    site,
    isPaper,
    repo,
  });
  return {
    title,
    summary,
    summarySource: source,
    url,
    canonicalUrl,
    dedupeKey: normalizeUrlForDedupe(url),
    site,
    authors,
    publishedAt: pickPublishedDate(context, language),
    image: pickImage(context),
    kind: pickKind(context, { isRepo: repo !== null, isPaper }),
    language,
  };
}

function safeUrl(href: string | null): URL | null {
  if (!href) return null;
  try {
    return new URL(href);
  } catch {
    return null;
  }
}
