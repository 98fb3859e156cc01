import { walkElements } from './walk-elements.ts';

/**
 * The short lines of text at the top of the page, each with the class and id names of its element
 * and that element's parent: where a page prints its byline ("Von Tobias Kuske") and its date line
 * ("24. April 2020 | Pressemitteilungen"). Built once per capture, on first use, by one walk over the
 * page's first elements; the byline and the date rules both read it.
 */
export interface PageLine {
  element: Element;
  /** The text directly inside the element, whitespace collapsed; '' when it has none of its own. */
  text: string;
  /** `class` and `id` of the element and of its parent, space-separated. */
  names: string;
}

const MAX_ELEMENTS_SCANNED = 2000;
export const MAX_LINE_CHARS = 120;
// Elements worth keeping without text of their own: a byline or date container around a link or span.
const CONTAINER_NAME = /author|byline|autor|date|datum|time|publish|posted|fecha|meta/i;

export function readPageLines(doc: Document): PageLine[] {
  const lines: PageLine[] = [];
  for (const element of walkElements(doc.body, MAX_ELEMENTS_SCANNED)) {
    const text = ownText(element);
    const own = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    if (!text && !CONTAINER_NAME.test(own)) continue;
    const parent = element.parentElement;
    const names = parent ? `${own} ${parent.getAttribute('class') ?? ''} ${parent.getAttribute('id') ?? ''}` : own;
    lines.push({ element, text, names });
  }
  return lines;
}

/** The text directly inside an element (not its children's); '' past MAX_LINE_CHARS, a paragraph rather than a line. */
function ownText(element: Element): string {
  let text = '';
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) text += node.nodeValue ?? '';
    if (text.length > MAX_LINE_CHARS * 2) return '';
  }
  const squeezed = text.replace(/\s+/g, ' ').trim();
  return squeezed.length > MAX_LINE_CHARS ? '' : squeezed;
}
