import { cleanText } from './clean-text.ts';
import { isHiddenByMarkup, textOf } from './element-text.ts';
import { MAX_LINE_CHARS, type PageLine } from './page-lines.ts';

/**
 * The byline a page prints when no tag names the author: an element the template names after it
 * (`class="byline"`, `entry-content__authors`, `author-name`), or a short line that reads "Von Tobias
 * Kuske", "By Emily Burack", "Par Didier Roy". Only looked for when the tags name nobody, in the
 * page's first lines (page-lines.ts), where the article's header is.
 */
const BYLINE_NAME = /(?:^|[-_\s])(?:byline|author|authors|autor|author-name|entry-author|post-author|article-author)(?:$|[-_\s])|__authors?$|__names$/i;
const BY_PREFIX = /^(?:von|by|par|por|door|di|av|text(?:e)?\s*:|autor(?:in)?\s*:|written by|geschrieben von)\s+/i;
// One to four capitalised words per name (particles such as "de", "van", "von" allowed), joined by "and"/"und"/",".
const PERSON = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:de|da|di|del|van|von|der|den|la|le|du|zu)\s+)?\p{Lu}[\p{L}'’.-]*){1,3}`;
const NAMES = new RegExp(String.raw`^${PERSON}(?:\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b)\s*${PERSON})*$`, 'u');

// "VON MORITZ GATHMANN am 21. April 2020", "Janic Cathomen, 01.12.2021": the date after the name.
const TRAILING_DATE = /(?:\s*[,|•·–-]\s*|\s+(?:am|on|le|el|il|op)\s+)(?:[\p{L}]+,?\s+)?\d{1,2}[./ ].*\d{4}.*$/u;

export function printedByline(lines: PageLine[]): string | null {
  let prefixed: string | null = null;
  for (const { element, text: own, names } of lines) {
    // The element's own names, or its parent's when the name is in a link inside the byline.
    const named = names.split(/\s+/).some((name) => name && BYLINE_NAME.test(name));
    if (!named && (prefixed !== null || !BY_PREFIX.test(own))) continue;
    const text = cleanText(named ? textOf(element, MAX_LINE_CHARS + 1) : own);
    if (!text || text.length > MAX_LINE_CHARS || isHiddenByMarkup(element)) continue;
    const candidate = text.replace(BY_PREFIX, '').replace(TRAILING_DATE, '').trim();
    if (!NAMES.test(candidate)) continue;
    // A template's byline element beats a "By …" line elsewhere; stop at the first one.
    if (named) return candidate;
    prefixed = candidate;
  }
  return prefixed;
}
