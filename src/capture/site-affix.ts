import { compactName } from './comparable-title.ts';
import { hostLabel } from './site-name.ts';

/**
 * Separators between a headline and the site name or section label around it: "Title | Site",
 * "Title - Site", "Title — Site", "Site: Title", "标题_栏目_网站".
 */
const SEPARATOR = /(\s+[|\-–—·•~»«/\\]\s+|\s*\|\s*|\s+::?\s+|:\s+|(?<=\p{Script=Han})\s*_\s*|\s+_\s*)/u;

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

/**
 * Whether a title segment names the site: it spells one of the known names (og:site_name, the
 * publisher, an author of a personal blog...) or the host ("TechCrunch" on techcrunch.com,
 * "Golem.de" on golem.de), give or take generic words ("BBC News" for "BBC"), or abbreviates a
 * known name ("MDN" for "MDN Web Docs").
 */
export function siteNameMatcher(names: string[], host: string): (segment: string) => boolean {
  const label = hostLabel(host);
  const known = [...names.map(compactName), label, compactName(host)].filter((name) => name.length >= 3);
  return (segment) => {
    const compact = compactName(segment);
    if (compact.length < 2) return false;
    return known.some((name) => compact === name
      || (compact.includes(name) && GENERIC_REMAINDER.test(compact.replace(name, '')))
      || (compact.length >= 3 && name.startsWith(compact) && names.some((full) => compactName(full) === name)));
  };
}
