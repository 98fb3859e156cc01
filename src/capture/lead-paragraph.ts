import { cleanText } from './clean-text.ts';
import { isHiddenByMarkup, textOf } from './element-text.ts';

/**
 * The article's first real paragraph, found cheaply: score the parents of the first few hundred
 * `<p>`s by the prose they hold (Readability's idea, without its rewrite of the DOM), take the
 * best container, and return its first paragraph that reads like prose. A paragraph the page marks
 * as its lead or standfirst above that one wins, and a quotation (an epigraph) gives way to the
 * article's own words. Costs a few milliseconds where Readability costs tens to hundreds, and
 * never touches the document.
 */
const MAX_PARAGRAPHS = 400;
const MAX_PARAGRAPH_CHARS = 3000;
const MIN_SCORED_CHARS = 30;
const MIN_LEAD_CHARS = 60;

// Containers whose paragraphs are not the article: navigation, chrome, comments, promotions.
const BOILERPLATE_TAGS = new Set(['nav', 'footer', 'aside', 'form', 'menu', 'dialog', 'figure', 'figcaption', 'button', 'label', 'template', 'noscript']);
const BOILERPLATE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'dialog', 'alertdialog', 'menu', 'search']);
const BOILERPLATE_NAME = /(?:^|[-_\s])(?:comments?|footer|sidebar|cookies?|consent|gdpr|banner|promo|newsletter|subscribe|signup|related|share|sharing|social|breadcrumbs?|masthead|menu|modal|popup|advert|ads|sponsor(?:ed)?|byline|author-?bio|caption|disclaimer|copyright|paywall|login|teaser|toolbar|widget|recirc|outbrain|taboola)(?:$|[-_\s])/i;
const CONTENT_NAME = /(?:^|[-_\s])(?:article|body|content|main|post|entry|story|text|prose)(?:$|[-_\s])/i;
const ARTICLE_ROOTS = new Set(['article', 'main', 'body']);
// How templates name the summary paragraph set above an article: Bootstrap's `p.lead`, the
// "standfirst" of British papers, the American "dek", WordPress's `entry-summary`, `post-excerpt`.
const LEAD_NAME = /(?:^|[-_\s])(?:lead|lede|standfirst|dek|deck|summary|intro|introduction|excerpt)(?:$|[-_\s])/i;
const LEAD_NAME_DEPTH = 2;

interface Candidate {
  element: Element;
  text: string;
}

export function findLeadParagraph(paragraphs: ArrayLike<Element>): string | null {
  const scored = collectCandidates(paragraphs);
  if (scored.length === 0) return null;
  const container = bestContainer(scored);
  return (leadOf(scored, (candidate) => container?.contains(candidate.element) ?? false) ?? leadOf(scored, () => true))?.text ?? null;
}

/**
 * In document order, the first prose paragraph that `counts` and is not a quotation (else the
 * first quoted one), unless a paragraph marked as the lead comes before it. Stops at the answer:
 * pages have hundreds of paragraphs, and the lead is near the top.
 */
function leadOf(candidates: Candidate[], counts: (candidate: Candidate) => boolean): Candidate | null {
  let marked: Candidate | null = null;
  let quoted: { candidate: Candidate; marked: Candidate | null } | null = null;
  for (const candidate of candidates) {
    if (!readsLikeLead(candidate.text)) continue;
    marked ??= isMarkedAsLead(candidate.element) ? candidate : null;
    if (!counts(candidate)) continue;
    if (!candidate.element.closest('blockquote')) return marked ?? candidate;
    quoted ??= { candidate, marked };
  }
  return quoted ? quoted.marked ?? quoted.candidate : null;
}

function isMarkedAsLead(element: Element): boolean {
  let current: Element | null = element;
  for (let depth = 0; current && depth <= LEAD_NAME_DEPTH; depth += 1) {
    const names = `${current.getAttribute('class') ?? ''} ${current.getAttribute('id') ?? ''}`;
    if (names.split(/\s+/).some((name) => LEAD_NAME.test(name))) return true;
    current = current.parentElement;
  }
  return false;
}

function collectCandidates(paragraphs: ArrayLike<Element>): Candidate[] {
  const candidates: Candidate[] = [];
  for (let index = 0; index < paragraphs.length && index < MAX_PARAGRAPHS; index += 1) {
    const element = paragraphs[index];
    if (!element) continue;
    const text = cleanText(textOf(element, MAX_PARAGRAPH_CHARS));
    if (text.length < MIN_SCORED_CHARS || linkDensity(element, text) > 0.5) continue;
    if (isInBoilerplate(element)) continue;
    candidates.push({ element, text });
  }
  return candidates;
}

function linkDensity(element: Element, text: string): number {
  const links = element.getElementsByTagName('a');
  let linked = 0;
  for (let index = 0; index < links.length; index += 1) {
    const link = links[index];
    if (link) linked += cleanText(textOf(link, MAX_PARAGRAPH_CHARS)).length;
  }
  return linked / text.length;
}

/** Walks up to the nearest article root; anything boilerplate on the way disqualifies. */
function isInBoilerplate(element: Element): boolean {
  if (isHiddenByMarkup(element)) return true;
  let current: Element | null = element;
  for (let depth = 0; current && depth < 30; depth += 1) {
    const tag = current.localName;
    if (ARTICLE_ROOTS.has(tag)) return false;
    if (BOILERPLATE_TAGS.has(tag)) return true;
    if (tag === 'header' && !current.closest('article, main')) return true;
    const role = current.getAttribute('role');
    if (role && BOILERPLATE_ROLES.has(role)) return true;
    const names = `${current.getAttribute('class') ?? ''} ${current.getAttribute('id') ?? ''}`;
    if (names.trim() && names.split(/\s+/).some((name) => BOILERPLATE_NAME.test(name) && !CONTENT_NAME.test(name))) return true;
    current = current.parentElement;
  }
  return false;
}

/** The element holding the most prose: each paragraph scores its parent fully and its grandparent half. */
function bestContainer(candidates: Candidate[]): Element | null {
  const scores = new Map<Element, number>();
  for (const { element, text } of candidates) {
    const score = 1 + (text.match(/[,，、]/g)?.length ?? 0) + Math.min(text.length / 100, 3);
    const parent = element.parentElement;
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + score);
    const grandparent = parent?.parentElement;
    if (grandparent) scores.set(grandparent, (scores.get(grandparent) ?? 0) + score / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [element, score] of scores) {
    if (score > bestScore) {
      best = element;
      bestScore = score;
    }
  }
  return best;
}

/** Prose, not a byline, dateline, credit or call to action. */
function readsLikeLead(text: string): boolean {
  if (text.length < MIN_LEAD_CHARS && !/[.!?。！？]$/.test(text)) return false;
  if (text.length < 40) return false;
  // A bare URL or a run of tags is not prose; CJK prose has no spaces to count words by.
  const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text);
  if (!cjk && text.split(/\s+/).length < 6) return false;
  if (/^(?:by|posted|published|updated|written by|photo|image|credit|advertisement|sponsored|share|copyright|©)\b/i.test(text)) return false;
  return !/\b(?:all rights reserved|non-commercial use only|personal use only|terms of (?:use|service)|privacy policy)\b/i.test(text);
}
