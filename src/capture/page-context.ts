import { indexElements, type ElementIndex } from './element-index.ts';
import { readJsonLd, type JsonLdFacts } from './json-ld.ts';
import { indexMetaTags, type MetaIndex } from './meta.ts';
import { readPageLines, type PageLine } from './page-lines.ts';

/** What every rule reads, gathered once per capture. */
export interface PageContext {
  doc: Document;
  /** The page's URL as the browser (or the caller) knows it; null when unparsable. */
  pageUrl: URL | null;
  /** Base for relative URLs: `<base href>` resolved against the page URL. */
  baseUrl: string | null;
  /** Host without `www.`, lower case; '' when the URL has none. */
  host: string;
  elements: ElementIndex;
  meta: MetaIndex;
  jsonLd: JsonLdFacts;
  /** The page's first short lines of text (bylines, date lines), read on first use. */
  lines: () => PageLine[];
}

export function readPageContext(doc: Document, url: string): PageContext {
  const elements = indexElements(doc);
  const pageUrl = parseUrl(url, undefined);
  const baseHref = elements.bases[0]?.getAttribute('href')?.trim();
  const base = baseHref ? parseUrl(baseHref, pageUrl?.href) : null;
  let lines: PageLine[] | null = null;
  return {
    doc,
    pageUrl,
    baseUrl: (base ?? pageUrl)?.href ?? null,
    host: pageUrl ? pageUrl.hostname.toLowerCase().replace(/^www\./, '') : '',
    elements,
    meta: indexMetaTags(elements.metas),
    jsonLd: readJsonLd(elements.jsonLdScripts),
    lines: () => (lines ??= readPageLines(doc)),
  };
}

function parseUrl(href: string, base: string | undefined): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

/** An absolute http(s) URL for a value found in the page, or null for anything else (data:, javascript:...). */
export function resolveHttpUrl(context: PageContext, href: string | null | undefined): string | null {
  const trimmed = href?.trim();
  if (!trimmed) return null;
  const url = parseUrl(trimmed, context.baseUrl ?? undefined);
  return url && (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : null;
}
