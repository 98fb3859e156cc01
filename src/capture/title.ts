import { cleanText } from './clean-text.ts';
import { comparableTitle } from './comparable-title.ts';
import { isHiddenByMarkup, textOf } from './element-text.ts';
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

  const raw = [
    meta.first('og:title'), meta.first('twitter:title'), jsonLd.headline,
    meta.first('dc.title', 'dc:title', 'dcterms.title', 'dcterm:title'), meta.first('parsely-title', 'sailthru.title'),
    context.elements.titles[0]?.textContent,
  ];
  const isSiteName = siteNameMatcher([
    facts.site, meta.first('og:site_name') ?? '', jsonLd.publisher ?? '', applicationName(context, raw),
    ...facts.authors.slice(0, 3), codeHostProject(facts.url) ?? '',
  ], context.host);
  const isLabel = (text: string) => isSiteName(text) || GENERIC_TITLE.test(text);
  const cleanHeadings = (texts: string[]) => texts.filter((heading) => !isLabel(heading))
    .map((heading) => stripSiteAffixes(withoutDatePrefix(heading), isSiteName))
    .filter((heading) => heading && !isLabel(heading));
  const h1s = cleanHeadings(visibleHeadings(context.elements.h1s));
  const headings = h1s.length > 0 || context.elements.h1s.length > 0 ? h1s : cleanHeadings(articleHeading(context));
  // "(16) Coronavirus-Update" is an episode number when the heading shows it too, else an unread counter.
  const keepsCounter = headings.some((heading) => COUNTER.test(heading));
  const usableTitles = raw.map((title) => usable(title, keepsCounter)).filter((title): title is string => title !== null);
  // A title that is only "Home" names no page, nor one that is only the site's name, except on the site's front page.
  const isFrontPage = (context.pageUrl?.pathname ?? '/') === '/';
  const named = usableTitles.filter((title) => !GENERIC_TITLE.test(title) && (isFrontPage || !isSiteName(title)));
  const candidates = named.length > 0 || headings.length > 0 ? named : usableTitles;

  const stripped = candidates.map((title) => stripSiteAffixes(title, isSiteName)).filter(Boolean);
  const fallback = completedTitle(stripped);
  // The tags are a variant written for sharing or search when there is a social title, or when the
  // <title> is composed of parts ("Topic » Teaser | Site"); a plain <title> that differs from the
  // heading is as often the headline's own short form.
  const documentTitle = usable(context.elements.titles[0]?.textContent);
  const tagsAreVariants = Boolean(meta.first('og:title') ?? meta.first('twitter:title'))
    || (documentTitle !== null && splitTitle(documentTitle).length >= 3);
  const chosen = headingAgreedByCandidates(headings, candidates, isSiteName)
    ?? headingCompletingTruncatedTitle(headings, stripped)
    ?? (tagsAreVariants || candidates.length === 0 ? visibleHeadline(h1s, stripped, context.elements.h1s.length) : null)
    ?? (fallback ? withoutPipedLabel(fallback) : null) ?? headings[0] ?? '';
  return mostTypographicSpelling(chosen, [...headings, ...candidates, ...stripped]);
}

const COUNTER = /^\(\d+\+?\)\s+/;

// A title that names no page: the front page's "Home", a template's "Startseite".
const GENERIC_TITLE = /^(?:home|home ?page|start|startseite|accueil|inicio|index|untitled|navigation(?: und service)?|menu|menü|quicklinks)$/i;

// "23.01.2022 - Headline": a date in front of a title is the page's date, not part of its headline.
const DATE_PREFIX = /^(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})\s*[-–—|:]\s+/;

function withoutDatePrefix(title: string): string {
  return title.replace(DATE_PREFIX, '');
}

/**
 * `application-name` is meant for the web app's name, but some CMSs write the page title into it;
 * then it names nothing, and treating it as the site name would strip the real title.
 */
function applicationName(context: PageContext, titles: (string | null | undefined)[]): string {
  const name = cleanText(context.meta.first('application-name'));
  const comparable = comparableTitle(name);
  return titles.some((title) => title && comparableTitle(cleanText(title)) === comparable) ? '' : name;
}

/**
 * Pages without an `<h1>` (older blog themes) give the post's headline as the `<h2>` of its
 * `<article>` or as the hAtom `entry-title`. Only looked up when there is no `<h1>`.
 */
function articleHeading(context: PageContext): string[] {
  const heading = context.doc.querySelector('article h2, h2.entry-title, .hentry h2, [itemprop="headline"]');
  const text = heading && !isHiddenByMarkup(heading) ? cleanText(textOf(heading, 500)) : '';
  return text ? [text] : [];
}

/**
 * A first title cut short ("… califica a Biden de", an unescaped quote in og:title) while another
 * title tag goes on with a quotation mark: the whole one.
 */
function completedTitle(titles: string[]): string | undefined {
  const first = titles[0];
  if (!first) return undefined;
  const prefix = comparableTitle(first);
  return titles.find((title) => {
    const other = comparableTitle(title);
    return other.length > prefix.length && other.startsWith(prefix) && /^\s*["']/.test(other.slice(prefix.length));
  }) ?? first;
}

// A heading that runs on into a date ("… der Region 02.02.2022 • Verband") has the byline line in it.
const DATE_INSIDE = /\b\d{1,2}\.\d{1,2}\.\d{4}\b/;

// A headline is more than a label ("Minecraft News") and less than a paragraph.
const MIN_HEADLINE_WORDS_VISIBLE = 3;
const MAX_H1S_FOR_HEADLINE = 4;
const MAX_HEADLINE_WORDS = 30;

/**
 * The visible headline when no title tag spells it: the editor copies what the page shows, and the
 * tags are often an SEO or social variant ("Wärmepumpe im Altbau - Wann es sich lohnt" for the
 * heading "Eignet sich eine Wärmepumpe im Altbau?"). The heading must read as a headline (a few
 * words, not a label) and tell the same story as the tags (share a word with one), so a logo or a
 * blog name in an `<h1>` does not replace the post's title.
 */
function visibleHeadline(headings: string[], titles: string[], h1Count: number): string | null {
  // Pages that give every section an <h1> have no one visible headline.
  if (h1Count > MAX_H1S_FOR_HEADLINE) return null;
  const heading = headings[0];
  if (!heading) return null;
  const count = wordCount(heading);
  if (count < MIN_HEADLINE_WORDS_VISIBLE || count > MAX_HEADLINE_WORDS || DATE_INSIDE.test(heading)) return null;
  const comparable = comparableTitle(heading);
  const isVariant = titles.some((title) => {
    const other = comparableTitle(title);
    // "Tunesien Große Aufgaben …" ending with a title's words: a kicker the markup did not mark;
    // "Crash on start #56" after the title "Crash on start · Issue #56": a number, not more headline.
    return comparable.endsWith(` ${other}`) || (comparable.startsWith(other.split(/ [·|-] /)[0] ?? other) && !/\p{L}{2}/u.test(comparable.slice((other.split(/ [·|-] /)[0] ?? other).length)));
  });
  if (isVariant) return null;
  {
    // A title that carries the heading as its label ("Blog Name: Post") shares no word with it otherwise.
    const wanted = comparableTitle(heading);
    const titleWords = new Set(titles.flatMap((title) => contentWords(comparableTitle(title).replace(wanted, ' '))));
    return titles.length === 0 || contentWords(heading).some((word) => titleWords.has(word)) ? heading : null;
  }
}

// Words of four or more letters, which two wordings of one headline share ("Wärmepumpe", "Altbau").
function contentWords(text: string): string[] {
  return comparableTitle(text).match(/[\p{L}\p{N}]{4,}|[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]{2}/gu) ?? [];
}

function wordCount(text: string): number {
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length + Math.floor(cjk / 2);
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

function usable(value: string | null | undefined, keepsCounter = false): string | null {
  // "(4) Inbox" - the unread counter web apps put in front of their titles. A trailing separator
  // ("Headline -") is a site name the template left empty.
  let text = withoutDatePrefix(cleanText(value)).replace(/\s+[-|–—:·]$/, '');
  if (!keepsCounter) text = text.replace(COUNTER, '');
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
  const whole = comparableTitle(candidate);
  if (whole === heading) return 3;
  // Every reading below is a part of the candidate: one that does not hold the heading has none.
  if (!whole.includes(heading)) return 0;
  const isShortLabel = (rest: string) => {
    const words = rest.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
    // "Blog Name: Post Title" with the blog's name as <h1>: the rest is the real title, another candidate.
    const isAnotherCandidate = candidates.some((other) => comparableTitle(other) === comparableTitle(rest));
    return isSiteName(rest) || (words <= 5 && rest.length <= Math.max(heading.length, 40) && !isAnotherCandidate);
  };
  // What follows the heading is a label when it is short, when a pipe sets it apart (headlines hardly
  // use one), or when it ends with the site's name ("Heading - a subtitle : literaturkritik.de").
  const isTrailingLabel = (separator: string, rest: string[]) =>
    isShortLabel(rest.join('')) || separator.trim() === '|' || isSiteName(rest.at(-1) ?? '');
  const parts = splitTitle(candidate);
  let best = 0;
  for (let start = 0; start < parts.length; start += 2) {
    for (let end = start + 1; end <= parts.length; end += 2) {
      if (start === 0 && end === parts.length) continue;
      if (comparableTitle(parts.slice(start, end).join('')) !== heading) continue;
      const before = parts.slice(0, Math.max(0, start - 1));
      const after = parts.slice(end + 1);
      const beforeOk = before.length === 0 || isShortLabel(before.join(''));
      // A heading in the last place after a pipe is where sites put their own name ("Post | BlogName").
      const lastAfterPipe = after.length === 0 && parts[start - 1]?.trim() === '|';
      const afterOk = after.length === 0 ? !lastAfterPipe || isSiteName(before.join('')) : isTrailingLabel(parts[end] ?? '', after);
      if (!beforeOk || !afterOk) continue;
      best = Math.max(best, start === 0 ? 2 : after.length === 0 ? 1 : 1.5);
    }
  }
  return best;
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
