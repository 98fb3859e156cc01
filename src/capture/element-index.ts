/**
 * One walk over the page's elements, keeping the few kinds the rules read. Every
 * `getElementsByTagName` walks the whole tree in linkedom, and a capture needs a dozen of them;
 * one pass over `firstElementChild`/`nextElementSibling` costs about as much as one of those
 * (and half a TreeWalker's). Lists are capped so a page with a
 * hundred thousand paragraphs costs no more to index than to walk.
 */
export interface ElementIndex {
  metas: Element[];
  links: Element[];
  /** `<script type="application/ld+json">`. */
  jsonLdScripts: Element[];
  /** `<title>`s outside SVG. */
  titles: Element[];
  bases: Element[];
  h1s: Element[];
  /** `<time datetime>`. */
  times: Element[];
  paragraphs: Element[];
  /** `<a rel~=author>`. */
  authorLinks: Element[];
  /** Elements seen by the walk (it stops at MAX_ELEMENTS). */
  elementCount: number;
}

const MAX_ELEMENTS = 400_000;
const CAPS = { metas: 3000, links: 500, jsonLdScripts: 40, titles: 5, bases: 1, h1s: 10, times: 5, paragraphs: 400, authorLinks: 5 };

export function indexElements(doc: Document): ElementIndex {
  const index: ElementIndex = {
    metas: [], links: [], jsonLdScripts: [], titles: [], bases: [], h1s: [], times: [], paragraphs: [], authorLinks: [],
    elementCount: 0,
  };
  const root = doc.documentElement;
  if (!root) return index;
  const add = (list: keyof typeof CAPS, element: Element) => {
    if (index[list].length < CAPS[list]) index[list].push(element);
  };
  const ancestors: Element[] = [];
  let element: Element | null = root;
  while (element && index.elementCount < MAX_ELEMENTS) {
    index.elementCount += 1;
    switch (element.localName) {
      case 'meta': add('metas', element); break;
      case 'link': add('links', element); break;
      case 'script':
        if ((element.getAttribute('type') ?? '').toLowerCase().includes('ld+json')) add('jsonLdScripts', element);
        break;
      case 'title': if (!element.closest('svg')) add('titles', element); break;
      case 'base': add('bases', element); break;
      case 'h1': add('h1s', element); break;
      case 'time': if (element.hasAttribute('datetime')) add('times', element); break;
      case 'p': add('paragraphs', element); break;
      case 'a': if (/(?:^|\s)author(?:\s|$)/i.test(element.getAttribute('rel') ?? '')) add('authorLinks', element); break;
      default: break;
    }
    const child: Element | null = element.firstElementChild;
    if (child) {
      ancestors.push(element);
      element = child;
      continue;
    }
    while (element && !element.nextElementSibling) element = ancestors.pop() ?? null;
    element = element?.nextElementSibling ?? null;
  }
  return index;
}
