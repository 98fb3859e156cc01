import { compactName } from './comparable-title.ts';
import { hostLabel } from './site-name.ts';

/**
 * Separators between a headline and the site name or section label around it: "Title | Site",
 * "Title - Site", "Title — Site", "Site: Title", "标题_栏目_网站", "… › evang.at", "…城！-新华网",
 * "…-정치ㅣ한국일보", full-width "：" and "｜".
 */
const SEPARATOR = /(\s+(?:[|\-–—·•~»«›‹/\\]|--)\s+|\s*[|｜ㅣ]\s*|\s*：\s*|\s+::?\s+|:\s+|(?<=[\p{Script=Han}\p{Script=Hangul}！？」』）])\s*[-_]\s*(?=[\p{Script=Han}\p{Script=Hangul}\p{L}])|\s+_\s*)/u;

/** Alternating segments and separators: `[segment, separator, segment, ...]`. */
export function splitTitle(title: string): string[] {
  return title.split(SEPARATOR);
}

/** Removes leading and trailing segments that name the site, as long as something is left. */
export function stripSiteAffixes(title: string, isSiteName: (segment: string) => boolean): string {
  let parts = splitTitle(title);
  for (let round = 0; round < 4 && parts.length >= 3; round += 1) {
    const last = parts.at(-1) ?? '';
    const first = parts[0] ?? '';
    if (isSiteName(last) || !last.trim()) parts = parts.slice(0, -2);
    else if (isSiteName(first) || !first.trim()) parts = parts.slice(2);
    else break;
  }
  return parts.join('').trim();
}

// Words that may surround a site's name in a title segment without making it a headline:
// "BBC News", "The Verge", "Golem.de", "Example Blog".
const GENERIC_REMAINDER = /^(?:the|news|blog|online|magazine|official|site|website|home|homepage|journal|daily|weekly|media|tv|radio|com|net|org|co|uk|de|fr|io|inc|llc|ltd|group|press|on|at|docs|documentation)*$/;

// "sutta on dhammatalks.org" labels the site; "Why I left medium.com" is a headline.
const MAX_WORDS_AROUND_DOMAIN = 2;

/**
 * Whether a title segment names the site: it spells one of the known names (og:site_name, the
 * publisher, an author of a personal blog...) or the host ("TechCrunch" on techcrunch.com,
 * "Golem.de" on golem.de), give or take generic words ("BBC News" for "BBC"), abbreviates a
 * known name ("MDN" for "MDN Web Docs"), or mentions the host's domain ("sutta on
 * dhammatalks.org"). A name of one or two letters ("X" on x.com, og:site_name "X (formerly
 * Twitter)") must be the whole segment.
 */
export function siteNameMatcher(names: string[], host: string): (segment: string) => boolean {
  const label = hostLabel(host);
  const spelled = [...names, ...names.map(withoutParenthetical)].map(compactName);
  const all = [...spelled, label, compactName(host)].filter((name) => name.length > 0);
  const known = all.filter((name) => name.length >= 3);
  const short = new Set(all.filter((name) => name.length < 3));
  return (segment) => {
    const compact = compactName(segment);
    if (short.has(compact)) return true;
    if (compact.length < 2) return false;
    if (mentionsDomain(segment, host) && segment.trim().split(/\s+/).length <= MAX_WORDS_AROUND_DOMAIN + 1) return true;
    return known.some((name) => compact === name
      || (compact.includes(name) && GENERIC_REMAINDER.test(compact.replace(name, '')))
      || (compact.length >= 3 && name.startsWith(compact) && names.some((full) => compactName(full) === name)));
  };
}

/** "X (formerly Twitter)" → "X". */
function withoutParenthetical(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, '');
}

const DOMAIN_CHAR = /[\p{L}\p{N}.-]/u;

/** Whether the text spells the host as a whole word ("dhammatalks.org", "www.dhammatalks.org"), not inside a longer one. */
function mentionsDomain(text: string, host: string): boolean {
  if (!host.includes('.')) return false;
  const lower = text.toLowerCase();
  for (let at = lower.indexOf(host); at >= 0; at = lower.indexOf(host, at + 1)) {
    const before = lower.slice(0, at).replace(/www\.$/, '').at(-1) ?? ' ';
    const after = lower[at + host.length] ?? ' ';
    // A full stop may end the sentence after the domain, but not run into it from the left.
    if (!DOMAIN_CHAR.test(before) && (!DOMAIN_CHAR.test(after) || (after === '.' && !DOMAIN_CHAR.test(lower[at + host.length + 1] ?? ' ')))) return true;
  }
  return false;
}
