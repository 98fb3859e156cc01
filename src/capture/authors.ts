import { cleanText } from './clean-text.ts';
import { textOf } from './element-text.ts';
import type { PageContext } from './page-context.ts';
import { personNameFromCitation } from './paper.ts';
import { isPlaceholder } from './placeholder.ts';

const MAX_AUTHORS = 100;
const MAX_ELEMENTS_FOR_MICRODATA = 50_000;

/** Every author: `citation_author` (all of them) → JSON-LD author → `meta[name=author]` → `article:author` and kin. */
export function pickAuthors(context: PageContext): string[] {
  const { meta, jsonLd, elements } = context;
  const citation = meta.all('citation_author');
  if (citation.length > 0) return unique(citation.map((name) => cleanAuthorName(personNameFromCitation(cleanText(name)))));
  if (jsonLd.authors.length > 0) {
    const names = unique(jsonLd.authors.flatMap(splitAuthorList));
    if (names.length > 0) return names;
  }
  for (const key of ['author', 'article:author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author', 'byl', 'itemprop:author']) {
    const names = unique(meta.all(key).flatMap(splitAuthorList));
    if (names.length > 0) return names;
  }
  // The microdata query walks the whole tree again; on a giant page, that is not worth a byline.
  const byline = elements.authorLinks[0] ?? (elements.elementCount <= MAX_ELEMENTS_FOR_MICRODATA ? microdataAuthor(context.doc) : null);
  return byline ? unique(splitAuthorList(textOf(byline, 200))) : [];
}

/** schema.org microdata in the body: `<span itemprop="author"><span itemprop="name">Jane Doe</span></span>`. */
function microdataAuthor(doc: Document): Element | null {
  const author = doc.querySelector('[itemprop~="author"]');
  return author?.querySelector('[itemprop~="name"]') ?? author ?? null;
}

/**
 * "Jane Doe, John Smith and Ann Lee" is three people, but "Doe, Jane" is one: commas split only
 * when every part is itself a full name.
 */
export function splitAuthorList(text: string): string[] {
  // "Martin Untersinger (avec Damien Leloup et Morgane Tual)": the parenthesis lists co-authors.
  const cleaned = cleanText(text).replace(/\s*\((?:avec|with|mit|con|and)\s+([^)]*)\)/gi, ', $1').replace(/[()]/g, '');
  const parts = cleaned.split(/\s*(?:;|\s&\s|\band\b|\bund\b|\bet\b|\by\b|\|)\s*/i).flatMap((part) => {
    const byComma = part.split(/\s*,\s*/);
    return byComma.length > 1 && byComma.every((name) => name.split(/\s+/).length >= 2) ? byComma : [part];
  });
  return parts.map(cleanAuthorName);
}

function cleanAuthorName(name: string): string {
  const text = cleanText(name).replace(/^(?:by|von|par|por|door|di|av|written by)\s+/i, '').replace(/^@/, '');
  if (text.length < 2 || text.length > 80 || isPlaceholder(text)) return '';
  if (/^(?:https?:|www\.)|@\S+\.\w|^(?:admin|administrator|staff|unknown|anonymous|guest)$/i.test(text)) return '';
  return text;
}

function unique(names: string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const name of names) {
    const key = name.toLowerCase();
    if (!name || seen.has(key)) continue;
    seen.add(key);
    result.push(name);
    if (result.length >= MAX_AUTHORS) break;
  }
  return result;
}
