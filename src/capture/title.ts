import { cleanText } from './clean-text.ts';
import { comparableTitle } from './comparable-title.ts';
import { visibleHeadings } from './headings.ts';
import type { PageContext } from './page-context.ts';
import { isPlaceholder } from './placeholder.ts';
import type { RepoPage } from './repo.ts';
import { siteNameMatcher, splitTitle, stripSiteAffixes } from './site-affix.ts';

export interface TitleFacts {
  site: string;
  repo: RepoPage | null;
  /** Personal sites end their titles with the author's name ("Post | Jane Doe"). */
  authors: string[];
  /** The page's canonical (else own) URL. */
  url: URL | null;
}

/**
 * The headline a person would copy. Papers: `citation_title`. Repositories: `owner/name`.
 * Otherwise the candidates (og:title, twitter:title, JSON-LD headline, dc.title, parsely-title, `<title>`) are
 * reconciled with the visible `<h1>`: a heading that one of them spells, alone or with a site name
 * or section label around it, wins; else the first candidate, stripped of the site name.
 */
export function pickTitle(context: PageContext, facts: TitleFacts): string {
  if (facts.repo) return facts.repo.path;
  const { meta, jsonLd } = context;
  const citation = usable(meta.first('citation_title'));
  if (citation) return citation;

  const candidates = [
    meta.first('og:title'), meta.first('twitter:title'), jsonLd.headline,
    meta.first('dc.title', 'dc:title', 'dcterms.title', 'dcterm:title'), meta.first('parsely-title', 'sailthru.title'),
    context.elements.titles[0]?.textContent,
  ].map(usable).filter((title): title is string => title !== null);
  const isSiteName = siteNameMatcher([
    facts.site, meta.first('og:site_name') ?? '', jsonLd.publisher ?? '', meta.first('application-name') ?? '',
    ...facts.authors.slice(0, 3), codeHostProject(facts.url) ?? '',
  ], context.host);
  const headings = visibleHeadings(context.elements.h1s).filter((heading) => !isSiteName(heading));

  const stripped = candidates.map((title) => stripSiteAffixes(title, isSiteName)).filter(Boolean);
  const fallback = stripped[0];
  const chosen = headingAgreedByCandidates(headings, candidates, isSiteName)
    ?? headingCompletingTruncatedTitle(headings, stripped)
    ?? (fallback ? withoutPipedLabel(fallback) : null) ?? headings[0] ?? '';
  return mostTypographicSpelling(chosen, [...headings, ...candidates, ...stripped]);
}

/** On a code host, the `owner/name` that issue and pull-request titles end with ("… · Issue #56 · owner/name"). */
function codeHostProject(url: URL | null): string | null {
  if (!url || !/^(?:github\.com|gitlab\.com|codeberg\.org)$/.test(url.hostname.replace(/^www\./, ''))) return null;
  const [owner, name] = url.pathname.split('/').filter(Boolean);
  return owner && name ? `${owner}/${name}` : null;
}

/**
 * Among spellings of the same headline (the heading with straight quotes, og:title with curly
 * ones), the one with real quotation marks and dashes: the page's typography, not its ASCII fallback.
 */
function mostTypographicSpelling(chosen: string, spellings: string[]): string {
  const wanted = comparableTitle(chosen);
  const typography = (text: string) => text.match(/[‘’“”–—…«»„]/g)?.length ?? 0;
  let best = chosen;
  for (const spelling of spellings) {
    if (typography(spelling) > typography(best) && comparableTitle(spelling) === wanted) best = spelling;
  }
  return best;
}

function usable(value: string | null | undefined): string | null {
  // "(4) Inbox" - the unread counter web apps put in front of their titles.
  const text = cleanText(value).replace(/^\(\d+\+?\)\s+/, '');
  return text && !isPlaceholder(text) ? text : null;
}

/**
 * Best heading that a candidate spells: exactly (score 3), as the leading part before a separator
 * ("Heading | Site", score 2) or as the trailing part ("Section: Heading", score 1). The rest of
 * the candidate must be a short label, so a blog-name heading does not beat the post title.
 */
function headingAgreedByCandidates(headings: string[], candidates: string[], isSiteName: (text: string) => boolean): string | null {
  let best: string | null = null;
  let bestScore = 0;
  for (const heading of headings) {
    const wanted = comparableTitle(heading);
    for (const candidate of candidates) {
      const score = agreement(wanted, candidate, candidates, isSiteName);
      if (score > bestScore) {
        best = heading;
        bestScore = score;
      }
    }
  }
  return best;
}

function agreement(heading: string, candidate: string, candidates: string[], isSiteName: (text: string) => boolean): number {
  if (comparableTitle(candidate) === heading) return 3;
  const isShortLabel = (rest: string) => {
    const words = rest.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
    // "Blog Name: Post Title" with the blog's name as <h1>: the rest is the real title, another candidate.
    const isAnotherCandidate = candidates.some((other) => comparableTitle(other) === comparableTitle(rest));
    return isSiteName(rest) || (words <= 5 && rest.length <= Math.max(heading.length, 40) && !isAnotherCandidate);
  };
  const parts = splitTitle(candidate);
  for (let cut = 2; cut < parts.length; cut += 2) {
    const leading = comparableTitle(parts.slice(0, cut - 1).join(''));
    const trailing = comparableTitle(parts.slice(cut).join(''));
    const leadingRest = parts.slice(cut).join('');
    const trailingRest = parts.slice(0, cut - 1).join('');
    if (leading === heading && isShortLabel(leadingRest)) return 2;
    if (trailing === heading && isShortLabel(trailingRest)) return 1;
  }
  return 0;
}

/** A site that cuts og:title ("A very long headline that…") next to the heading that finishes it. */
function headingCompletingTruncatedTitle(headings: string[], candidates: string[]): string | null {
  const first = candidates[0];
  if (!first || !/(?:…|\.\.\.)$/.test(first)) return null;
  const prefix = comparableTitle(first.replace(/\s*(?:…|\.\.\.)$/, ''));
  return headings.find((heading) => comparableTitle(heading).startsWith(prefix)) ?? null;
}

const MAX_LABEL_WORDS = 3;
const MIN_HEADLINE_WORDS = 3;

/**
 * "A Sample Article | Hacker News": a pipe sets a label apart from the headline (headlines use
 * dashes and colons, hardly ever a pipe), so a short trailing segment after the last pipe is the
 * site or section even when nothing on the page names the site. Only for a title no heading
 * confirmed, and only one segment: "Headline | Cūḷa Sutta | sutta on dhammatalks.org" keeps its
 * subtitle.
 */
function withoutPipedLabel(title: string): string {
  const parts = splitTitle(title);
  if (parts.length < 3 || parts.at(-2)?.trim() !== '|') return title;
  const label = parts.at(-1) ?? '';
  const headline = parts.slice(0, -2).join('');
  const words = (text: string) => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  const labelWords = words(label);
  if (labelWords === 0 || labelWords > MAX_LABEL_WORDS || /[.!?]$/.test(label.trim())) return title;
  if (words(headline) < MIN_HEADLINE_WORDS || headline.length <= label.length) return title;
  return headline.trim();
}
