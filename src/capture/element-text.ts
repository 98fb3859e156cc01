/**
 * Text of an element as a reader sees it, without `innerText` (layout-dependent, and missing in
 * linkedom): scripts, styles and templates are skipped, and the walk stops after `maxChars`, so a
 * megabyte-long container costs no more than its first few paragraphs.
 */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'button', 'select', 'textarea']);
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

export function textOf(element: Element, maxChars = 5000): string {
  let text = '';
  let node: ChildNode | null = element.firstChild;
  const parents: ChildNode[] = [];
  while (node && text.length < maxChars) {
    if (node.nodeType === TEXT_NODE) text += node.nodeValue ?? '';
    // A line break separates words ("Open Progress<br>Why …"), though it has no text.
    else if (node.nodeType === ELEMENT_NODE && (node as Element).localName === 'br') text += ' ';
    const descend = node.nodeType === ELEMENT_NODE && node.firstChild && !isSkipped(node as Element);
    if (descend && node.firstChild) {
      parents.push(node);
      node = node.firstChild;
      continue;
    }
    while (node && !node.nextSibling && parents.length > 0) node = parents.pop() ?? null;
    node = node ? node.nextSibling : null;
  }
  return text.slice(0, maxChars);
}

function isSkipped(element: Element): boolean {
  if (SKIPPED.has(element.localName)) return true;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** Hidden by markup on itself or an ancestor (the `hidden` attribute, `aria-hidden`, an inline style). */
export function isHiddenByMarkup(element: Element): boolean {
  let current: Element | null = element;
  for (let depth = 0; current && depth < 40; depth += 1) {
    if (current.hasAttribute('hidden') || current.getAttribute('aria-hidden') === 'true') return true;
    const style = current.getAttribute('style');
    if (style && HIDDEN_STYLE.test(style)) return true;
    current = current.parentElement;
  }
  return false;
}
