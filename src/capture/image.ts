import { hasRel } from './canonical-url.ts';
import type { PageContext } from './page-context.ts';
import { resolveHttpUrl } from './page-context.ts';

// A site logo or spacer says nothing about the page (arXiv's og:image is its logo).
const NOT_A_PICTURE = /(?:^|[/_.-])(?:logo|favicon|sprite|spacer|blank|placeholder|pixel)[^/]*$/i;

/** The page's picture, absolute: og:image → twitter:image → JSON-LD image → `link[rel=image_src]`. */
export function pickImage(context: PageContext): string | null {
  const { meta, jsonLd, elements } = context;
  const candidates = [
    meta.first('og:image:secure_url', 'og:image:url', 'og:image'),
    meta.first('twitter:image', 'twitter:image:src'),
    jsonLd.image,
    elements.links.find((link) => hasRel(link, 'image_src'))?.getAttribute('href'),
    meta.first('itemprop:image', 'thumbnail'),
  ];
  for (const candidate of candidates) {
    const url = resolveHttpUrl(context, candidate);
    if (url && !NOT_A_PICTURE.test(new URL(url).pathname)) return url;
  }
  return null;
}
