import { normalizeDate } from './normalize-date.ts';
import type { PageContext } from './page-context.ts';

// After the DESIGN order (article:published_time → JSON-LD → citation dates), the other names
// CMSs use for the same fact.
const LATER_META_KEYS = [
  'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'dcterms.created', 'date', 'pubdate', 'publishdate',
  'publish-date', 'publication_date', 'parsely-pub-date', 'sailthru.date', 'og:published_time', 'published_time',
  'itemprop:datepublished', 'article.published', 'prism.publicationdate',
];

export function pickPublishedDate(context: PageContext): string | null {
  const { meta, jsonLd } = context;
  const candidates = [
    meta.first('article:published_time', 'og:article:published_time'),
    jsonLd.datePublished,
    meta.first('citation_publication_date', 'citation_date', 'citation_online_date', 'citation_cover_date'),
    meta.first(...LATER_META_KEYS),
  ];
  for (const candidate of candidates) {
    const date = normalizeDate(candidate);
    if (date) return date;
  }
  return normalizeDate(context.elements.times[0]?.getAttribute('datetime'));
}
