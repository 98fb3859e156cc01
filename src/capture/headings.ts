import { cleanText } from './clean-text.ts';
import { isHiddenByMarkup, textOf } from './element-text.ts';

// Permalink markers that documentation generators append to headings ("Install¶").
const PERMALINK_MARK = /[\s¶§#🔗]+$/u;

/** The text of the page's visible `<h1>`s, in document order (the first few only). */
export function visibleHeadings(elements: Element[], max = 6): string[] {
  const headings: string[] = [];
  for (const element of elements) {
    if (headings.length >= max) break;
    if (isHiddenByMarkup(element)) continue;
    const text = cleanText(textOf(element, 500)).replace(PERMALINK_MARK, '');
    if (text) headings.push(text);
  }
  return headings;
}
