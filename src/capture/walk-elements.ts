// Subtrees where no byline or date line is: scripts, styles, navigation and the like.
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'nav', 'footer', 'select', 'option', 'button', 'iframe']);

/**
 * The first `max` elements under `root` in document order, skipping subtrees no reader-facing line
 * is in. A walk over `firstElementChild`/`nextElementSibling` (see element-index.ts): linkedom has
 * no TreeWalker worth the name, and `getElementsByTagName('*')` misses elements there.
 */
export function* walkElements(root: Element | null | undefined, max: number): Generator<Element> {
  let seen = 0;
  const ancestors: Element[] = [];
  let element: Element | null = root?.firstElementChild ?? null;
  while (element && seen < max) {
    seen += 1;
    const skip = SKIPPED.has(element.localName);
    if (!skip) yield element;
    const child: Element | null = skip ? null : element.firstElementChild;
    if (child) {
      ancestors.push(element);
      element = child;
      continue;
    }
    while (element && !element.nextElementSibling) element = ancestors.pop() ?? null;
    element = element?.nextElementSibling ?? null;
  }
}
