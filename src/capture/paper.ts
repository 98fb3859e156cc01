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

// Highwire tags that say where or when a work was published, or what identifies it. A title and an
// author alone are not enough on a page that calls itself an article: blogs (LessWrong) add those
// two for Google Scholar.
const PUBLICATION_TAGS = [
  'citation_journal_title', 'citation_conference_title', 'citation_doi', 'citation_abstract', 'citation_pdf_url',
  'citation_publication_date', 'citation_date', 'citation_online_date', 'citation_arxiv_id', 'citation_publisher',
  'citation_technical_report_institution', 'citation_dissertation_institution', 'citation_volume', 'citation_firstpage',
];
// Dublin Core's type for a journal article ("research-article", "Text.Serial.Journal"), which
// publishers' pages (Atypon) give beside citation_journal_title instead of the other Highwire tags.
const DC_PAPER_TYPE = /article|paper|journal|preprint|thesis/i;

export function isPaperPage(context: PageContext): boolean {
  const { meta } = context;
  if (meta.first(...PUBLICATION_TAGS)) return true;
  if (meta.first('citation_title') && !/^article$/i.test(meta.first('og:type') ?? '')) return true;
  if (meta.first('dc.title') && DC_PAPER_TYPE.test(meta.first('dc.type', 'dcterms.type') ?? '') && meta.first('dc.creator', 'dc.identifier')) return true;
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
