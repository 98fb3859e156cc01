import { cleanText } from './clean-text.ts';
import { isHiddenByMarkup, textOf } from './element-text.ts';

// Permalink markers that documentation generators append to headings ("Install¶").
const PERMALINK_MARK = /[\s¶§#🔗]+$/u;

/**
 * Parts of a heading that are not the headline: the kicker or roofline above it ("Klimaschutz",
 * "Interne Unterlagen im Netz", German "Dachzeile"), a forum's label, a date, and text hidden for
 * screen readers only (the ": " between kicker and headline).
 */
const KICKER_NAME = /(?:^|[-_\s])(?:kicker|roofline|dachzeile|supertitle|subheadline|subtitle|overline|topline|eyebrow|label|flag|rubric|visually-hidden|sr-only|screen-reader-text)(?:$|[-_\s])/i;
// Where a heading wraps the headline itself in its own element: `<span class="article-heading__title">`.
const HEADLINE_NAME = /(?:^|[-_\s])(?:title|headline)(?:$|[-_\s])|__title$|__headline$/i;

/** The text of the page's visible `<h1>`s, in document order (the first few only), kickers left out. */
export function visibleHeadings(elements: Element[], max = 6): string[] {
  const headings: string[] = [];
  for (const element of elements) {
    if (headings.length >= max) break;
    if (isHiddenByMarkup(element)) continue;
    const text = headlineText(element);
    if (text) headings.push(text);
  }
  return headings;
}

/**
 * A heading's own headline: the text of a child marked as the title or headline, else its text
 * without kicker, label and `<time>` children. Most headings have no child elements, and cost one walk.
 */
export function headlineText(heading: Element): string {
  const whole = () => cleanText(textOf(heading, 500)).replace(PERMALINK_MARK, '');
  if (!heading.firstElementChild) return whole();
  let kept = '';
  let skipped = false;
  let headline: Element | null = null;
  for (let node = wrapped(heading).firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== 1) {
      kept += node.nodeValue ?? '';
      continue;
    }
    const child = node as Element;
    const names = namesOf(child);
    if (child.localName === 'time' || names.some((name) => KICKER_NAME.test(name))) {
      skipped = true;
      continue;
    }
    if (names.some((name) => HEADLINE_NAME.test(name))) headline ??= child;
    kept += ` ${textOf(child, 500)} `;
  }
  if (!skipped) return whole();
  // Beside a kicker, the child marked as the headline is the headline (GitHub's issue number beside
  // its title is no kicker, so that heading stays whole).
  const own = headline ? cleanText(textOf(headline, 500)) : '';
  if (own) return own.replace(PERMALINK_MARK, '');
  const text = cleanText(kept).replace(PERMALINK_MARK, '');
  return text || whole();
}

const namesOf = (element: Element) => `${element.getAttribute('class') ?? ''} ${element.getAttribute('itemprop') ?? ''}`.split(/\s+/).filter(Boolean);

/** The element holding the heading's parts: a link or span wrapping the whole heading is looked through. */
function wrapped(heading: Element): Element {
  let container = heading;
  for (let depth = 0; depth < 3; depth += 1) {
    const only = container.firstElementChild;
    if (!only || only.nextElementSibling || namesOf(only).some((name) => KICKER_NAME.test(name) || HEADLINE_NAME.test(name))) break;
    const textOutside = Array.from(container.childNodes).some((node) => node.nodeType === 3 && (node.nodeValue ?? '').trim());
    if (textOutside) break;
    container = only;
  }
  return container;
}
