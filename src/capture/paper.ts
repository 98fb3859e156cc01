import { cleanText, htmlFragmentToText } from './clean-text.ts';
import { textOf } from './element-text.ts';
import type { PageContext } from './page-context.ts';

// Hosts whose paper pages are worth the 'paper' kind even when their citation tags are missing: [host, path].
const PAPER_PAGES: [RegExp, RegExp][] = [
  [/(^|\.)arxiv\.org$/, /^\/(abs|pdf|html)\//],
  [/(^|\.)openreview\.net$/, /^\/(forum|pdf)/],
  [/(^|\.)aclanthology\.org$/, /^\/[^/]*\d[^/]*\/?$/],
  [/(^|\.)(bio|med)rxiv\.org$/, /^\/content\/10\./],
];

export function isPaperPage(context: PageContext): boolean {
  if (context.meta.first('citation_title', 'citation_abstract', 'citation_doi')) return true;
  if (context.jsonLd.mainType === 'ScholarlyArticle') return true;
  const path = context.pageUrl?.pathname ?? '';
  return PAPER_PAGES.some(([host, pathPattern]) => host.test(context.host) && pathPattern.test(path));
}

// Where paper pages print their abstract when no meta tag carries it: arXiv, ACL Anthology,
// Springer/Nature, generic publisher templates.
const ABSTRACT_SELECTORS = [
  'blockquote.abstract', '.acl-abstract', '#abstract', '#Abs1-content', 'section.abstract',
  '[role="doc-abstract"]', 'div.abstract', '.abstract-content', '.abstractSection',
];
const ABSTRACT_LABEL = /^\s*(?:abstract|summary)\s*[:.—–-]?\s*/i;
const MIN_ABSTRACT_CHARS = 80;
const MAX_ABSTRACT_CHARS = 6000;

/** The paper's whole abstract: `citation_abstract` (HTML allowed), `dc.description`, then the page's abstract block. */
export function readPaperAbstract(context: PageContext): string | null {
  const fromMeta = context.meta.first('citation_abstract', 'dc.description', 'dcterms.abstract', 'eprints.abstract');
  if (fromMeta) {
    const text = htmlFragmentToText(fromMeta).replace(ABSTRACT_LABEL, '');
    if (text.length >= MIN_ABSTRACT_CHARS) return text.slice(0, MAX_ABSTRACT_CHARS);
  }
  for (const selector of ABSTRACT_SELECTORS) {
    const element = context.doc.querySelector(selector);
    if (!element) continue;
    const text = cleanText(textOf(element, MAX_ABSTRACT_CHARS)).replace(ABSTRACT_LABEL, '');
    if (text.length >= MIN_ABSTRACT_CHARS) return text;
  }
  return null;
}

/** Highwire asks for "Last, First" (arXiv writes it so); people read "First Last". */
export function personNameFromCitation(name: string): string {
  const match = /^([^,]+),\s*([^,]+)$/.exec(name.trim());
  if (!match?.[1] || !match[2]) return name.trim();
  const [, last, first] = match;
  if (/^(jr|sr|ii|iii|iv|phd|md)\.?$/i.test(first.trim())) return name.trim();
  return `${first.trim()} ${last.trim()}`;
}
