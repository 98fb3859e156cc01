import { cleanText } from './clean-text.ts';
import { textOf } from './element-text.ts';
import type { PageContext } from './page-context.ts';
import { personNameFromCitation } from './paper.ts';
import { isPlaceholder } from './placeholder.ts';
import { printedByline } from './printed-byline.ts';

const MAX_AUTHORS = 100;
const MAX_ELEMENTS_FOR_MICRODATA = 50_000;

/**
 * Every author: `citation_author` (all of them) → JSON-LD author → `meta[name=author]` →
 * `article:author` and kin → a `rel=author` link or microdata → the byline printed in the page.
 * A name that is only the site's own ("LAOLA1.at", "tagesschau.de": the publisher filed as the
 * author) or a CMS login ("wordpressadmin") is a weak byline: a later source that names a person
 * wins, and the weak one is kept only when nothing does (a personal site is named after its author).
 */
export function pickAuthors(context: PageContext, site = ''): string[] {
  const { meta, jsonLd, elements } = context;
  const citation = meta.all('citation_author');
  if (citation.length > 0) return unique(citation.map((name) => cleanAuthorName(personNameFromCitation(cleanText(name)))));
  const isSite = siteMatcher([site, meta.first('og:site_name') ?? '', jsonLd.publisher ?? '', context.host]);
  const isWeak = (name: string) => isSite(name) || LOGIN.test(name);
  let weak: string[] = [];
  const people = (names: string[]): string[] | null => {
    const all = unique(names.map((name) => withoutSiteSegment(name, isSite)));
    if (all.length === 0) return null;
    if (all.some((name) => !isWeak(name))) return all.filter((name) => !isWeak(name));
    if (weak.length === 0) weak = all;
    return null;
  };
  const sources: (() => string[])[] = [
    () => jsonLd.authors.flatMap(splitAuthorList),
    ...['author', 'article:author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author', 'byl', 'itemprop:author']
      .map((key) => () => meta.all(key).flatMap(splitAuthorList)),
    // The microdata query and the printed byline walk the tree again; on a giant page, not worth a byline.
    () => {
      if (elements.elementCount > MAX_ELEMENTS_FOR_MICRODATA) return [];
      const byline = elements.authorLinks[0] ?? microdataAuthor(context.doc);
      return byline ? splitAuthorList(textOf(byline, 200)) : [];
    },
    () => {
      const printed = elements.elementCount > MAX_ELEMENTS_FOR_MICRODATA ? null : printedByline(context.lines());
      return printed ? splitAuthorList(printed) : [];
    },
  ];
  for (const source of sources) {
    const names = people(source());
    if (names) return names;
  }
  return weak;
}

// A CMS login rather than a name a reader sees: "wordpressadmin", "christian.stadtfeld", "user_12".
const LOGIN = /^(?=[\p{Ll}\d._-]+$)(?:.*admin.*|.*[._].*)$/u;

/** "unocero - Alberto Ávila": the site's name beside the author's. */
function withoutSiteSegment(name: string, isSite: (text: string) => boolean): string {
  const parts = name.split(/\s+[-–—|/]\s+/);
  if (parts.length < 2) return name;
  const kept = parts.filter((part) => !isSite(part));
  return kept.length > 0 && kept.length < parts.length ? kept.join(' - ') : name;
}

function siteMatcher(names: string[]): (text: string) => boolean {
  const compact = (text: string) => text.normalize('NFKC').toLowerCase().replace(/^www\./, '').replace(/[^\p{L}\p{N}]+/gu, '');
  const known = new Set(names.map(compact).filter((name) => name.length >= 3));
  const hostLabels = names.filter((name) => /^[\w-]+(?:\.[\w-]+)+$/.test(name)).map((host) => compact(host.split('.').slice(0, -1).join('.')));
  for (const label of hostLabels) if (label.length >= 3) known.add(label);
  return (text) => known.has(compact(text));
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

// What themes write before the name in an author link: "View all posts by X", "Zeige alle Beiträge von X".
const NAME_PREFIX = /^(?:(?:view|see) all (?:posts|articles|stories) by|all posts by|posts by|more from|zeige alle beiträge von|alle beiträge von|alle artikel von|voir tous les articles de|ver todas las entradas de|by|von|par|por|door|di|av|written by)\s+/i;

function cleanAuthorName(name: string): string {
  const text = cleanText(name).replace(NAME_PREFIX, '').replace(/^@/, '');
  if (text.length < 2 || text.length > 80 || isPlaceholder(text)) return '';
  if (/^(?:https?:|www\.)|@\S+\.\w|^(?:admin|administrator|staff|unknown|anonymous|guest|no author|none)$/i.test(text)) return '';
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
