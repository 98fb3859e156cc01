import type { ItemKind } from '../core/model.ts';
import type { PageContext } from './page-context.ts';

const VIDEO_TYPES = new Set(['VideoObject', 'Movie', 'Clip', 'TVEpisode']);
const VIDEO_PAGES: [RegExp, RegExp][] = [
  [/(^|\.)youtube\.com$/, /^\/(watch|shorts\/|live\/)/],
  [/^youtu\.be$/, /^\/[\w-]+/],
  [/^vimeo\.com$/, /^\/\d+/],
  [/(^|\.)twitch\.tv$/, /^\/videos\//],
];

/**
 * repo and paper are decided by their own rules; a page is a video by og:type, JSON-LD or a video
 * host, unless its structured data is about an article: a news page with a clip beside the text
 * (a VideoObject next to the NewsArticle, og:type "video.other" on it) is the article.
 */
export function pickKind(context: PageContext, facts: { isRepo: boolean; isPaper: boolean }): ItemKind {
  if (facts.isRepo) return 'repo';
  if (facts.isPaper) return 'paper';
  if (context.jsonLd.mainType && /(?:Article|Posting)$/.test(context.jsonLd.mainType)) return 'article';
  if (/^video(\.|$)/i.test(context.meta.first('og:type') ?? '')) return 'video';
  if (context.jsonLd.mainType && VIDEO_TYPES.has(context.jsonLd.mainType)) return 'video';
  const path = context.pageUrl?.pathname ?? '';
  if (VIDEO_PAGES.some(([host, pathPattern]) => host.test(context.host) && pathPattern.test(path))) return 'video';
  return 'article';
}
