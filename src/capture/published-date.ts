import { normalizeDate } from './normalize-date.ts';
import { printedDate } from './printed-date.ts';
import type { PageContext } from './page-context.ts';

// After the DESIGN order (article:published_time → JSON-LD → citation dates), the other names
// CMSs use for the same fact.
const LATER_META_KEYS = [
  'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'dcterms.created', 'date', 'pubdate', 'publishdate',
  'publish-date', 'publication_date', 'parsely-pub-date', 'sailthru.date', 'og:published_time', 'published_time',
  'itemprop:datepublished', 'article.published', 'prism.publicationdate',
];

/**
 * The first date a tag gives, else the date printed near the headline. A date-time written in UTC
 * gives way to another tag's reading of the same moment with the page's own offset: the day the
 * page shows is the local one ("2022-05-04T02:41:00Z" is the 3rd in Bolivia).
 */
export function pickPublishedDate(context: PageContext, language: string | null = null): string | null {
  const { meta, jsonLd } = context;
  const candidates = [
    meta.first('article:published_time', 'og:article:published_time'),
    jsonLd.datePublished,
    meta.first('citation_publication_date', 'citation_date', 'citation_online_date', 'citation_cover_date'),
    meta.first(...LATER_META_KEYS),
    context.elements.times[0]?.getAttribute('datetime'),
  ].map((candidate) => normalizeDate(candidate, language)).filter((date): date is string => date !== null);
  const first = candidates[0];
  if (first && isUtc(first)) {
    const local = candidates.find((date) => hasLocalOffset(date) && Math.abs(Date.parse(date) - Date.parse(first)) < SAME_MOMENT_MS);
    if (local) return local;
  }
  if (first) return first;
  return context.elements.elementCount > MAX_ELEMENTS_FOR_PRINTED_DATE ? null : printedDate(context.lines(), language);
}

const SAME_MOMENT_MS = 60_000;
// Like the printed byline, a walk of the page's top: not on a giant page.
const MAX_ELEMENTS_FOR_PRINTED_DATE = 50_000;

const isUtc = (date: string) => /T.*(?:Z|[+-]00:?00)$/i.test(date);
const hasLocalOffset = (date: string) => /T.*[+-]\d{2}:?\d{2}$/.test(date) && !isUtc(date);
