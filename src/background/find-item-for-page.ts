/**
 * "Already in this draft": the draft's item for the captured page. It is looked up on the way to the
 * popup's form, in drafts of up to a thousand items, so it does not normalize every item's URL: an
 * item can only have the page's key if its URL holds the key's last path segment.
 */
import { dedupeKeysOf } from '../core/featured.ts';
import { liveItems } from '../core/live-parts.ts';
import type { Issue, Item } from '../core/model.ts';

// Characters the URL parser leaves alone in a path: a key's path segment made of these appears verbatim
// in every URL that normalizes to that key.
const VERBATIM_SEGMENT = /^[\w~.-]+$/;

/** The key's last path segment when it must appear verbatim in the URLs that have this key; else null. */
function verbatimLastSegment(key: string): string | null {
  let path: string;
  try {
    path = new URL(key).pathname;
  } catch {
    return null;
  }
  const segment = path.slice(path.lastIndexOf('/') + 1);
  return VERBATIM_SEGMENT.test(segment) && segment !== '.' && segment !== '..' ? segment : null;
}

/** True when `url`, as the URL parser reads it (it drops tabs and newlines), contains `segment`. */
function holds(url: string, segment: string): boolean {
  return url.includes(segment) || (/[\t\n\r]/.test(url) && url.replace(/[\t\n\r]/g, '').includes(segment));
}

/**
 * The draft's first live item with this page's URL or canonical URL, whatever tracking tags either
 * carried: the one `item/add` would update.
 */
export function findItemForPage(draft: Issue, url: string, canonicalUrl: string | null): Item | null {
  const keys = dedupeKeysOf(url, canonicalUrl);
  const segments = keys.map(verbatimLastSegment);
  const mayHaveKey = segments.every((segment) => segment !== null)
    ? (item: Item) => segments.some((segment) => holds(item.url, segment!) || holds(item.canonicalUrl ?? '', segment!))
    : () => true;
  return liveItems(draft).find((item) => mayHaveKey(item)
    && dedupeKeysOf(item.url, item.canonicalUrl).some((key) => keys.includes(key))) ?? null;
}
