import type { PageContext } from './page-context.ts';
import { resolveHttpUrl } from './page-context.ts';

/** `link[rel=canonical]` → og:url, absolute; null when the page declares none or only a broken one. */
export function pickCanonicalUrl(context: PageContext): string | null {
  const link = context.elements.links.find((element) => hasRel(element, 'canonical'));
  const linkHref = link?.getAttribute('href') ?? null;
  for (const candidate of [linkHref, context.meta.first('og:url')]) {
    const url = resolveHttpUrl(context, candidate);
    if (url && isUsableCanonical(url, context.pageUrl)) return url;
  }
  return null;
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
