import { parseHTML } from 'linkedom';

/**
 * A DOM for Node (tests, CLI, benchmark). linkedom: a few milliseconds for a typical article and
 * well under a second for a 1.6 MB page, standard enough for Readability, and already a dependency;
 * jsdom would be several times slower to parse and much heavier to install, for layout APIs
 * (innerText, getComputedStyle) the extractor deliberately does not use.
 * `url` is accepted for symmetry with the browser, where the document knows its URL; extraction
 * takes the URL as an option, because linkedom's `document.URL` is not settable.
 */
export function parseHtmlDocument(html: string, _url?: string): Document {
  const { document } = parseHTML(html);
  return document as unknown as Document;
}
