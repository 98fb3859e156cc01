import type { PageContext } from './page-context.ts';
import { resolveHttpUrl } from './page-context.ts';

/**
 * `link[rel=canonical]` → og:url, absolute; null when the page declares none or only a broken one.
 * A candidate on the page's own host family (`www.`, `m.` and subdomains alike) comes before one elsewhere:
 * the capture mapping (core/capture-fields.ts) does not trust another site's address for the item's identity.
 * (The exact rule, with the Public Suffix List, runs there, in the background: this script is injected into
 * pages and stays small.)
 */
export function pickCanonicalUrl(context: PageContext): string | null {
  const link = context.elements.links.find((element) => hasRel(element, 'canonical'));
  const linkHref = link?.getAttribute('href') ?? null;
  const usable = [linkHref, context.meta.first('og:url')]
    .map((candidate) => resolveHttpUrl(context, candidate))
    .filter((url): url is string => url !== null && isUsableCanonical(url, context.pageUrl));
  const pageUrl = context.pageUrl?.href;
  return usable.find((url) => pageUrl === undefined || isSameHostFamily(url, pageUrl)) ?? usable[0] ?? null;
}

function isSameHostFamily(a: string, b: string): boolean {
  const bare = (url: string) => new URL(url).hostname.toLowerCase().replace(/^(www|m|mobile)\./, '');
  const [x, y] = [bare(a), bare(b)];
  return x === y || x.endsWith(`.${y}`) || y.endsWith(`.${x}`);
}

export function hasRel(element: Element, rel: string): boolean {
  return (element.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes(rel);
}

/**
 * Some templates declare the home page as every page's canonical URL; following it would file
 * the front page and make every article of the site look "already saved".
 */
function isUsableCanonical(canonical: string, pageUrl: URL | null): boolean {
  if (!pageUrl) return true;
  const url = new URL(canonical);
  const isHome = url.pathname === '/' && url.search === '';
  const pageIsHome = pageUrl.pathname === '/' && pageUrl.search === '';
  return !isHome || pageIsHome;
}
