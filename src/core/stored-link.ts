/**
 * The link Roundup stores and publishes for a page (BRIEF decision 2): what readers click, so it carries
 * neither where the editor came from nor anyone's credentials. Distinct from the "same page" key
 * (`normalizeUrlForDedupe` in url.ts), which folds far more together and is never shown.
 *
 * - Tracking parameters (`utm_*`, `fbclid`, … the list in url.ts) go, unless the editor keeps them (a
 *   setting); every other parameter stays exactly as written, in its order and encoding.
 * - `user:password@` goes: a link that signs its readers in to someone's account must not be mailed out.
 * - A text fragment (`#:~:text=…`, what "Copy link to highlight" adds) goes; an ordinary `#section` stays.
 * - An arXiv paper links to its abstract page without a version (`/abs/2007.01547`, not `…v2` or the
 *   PDF), which always shows the latest version.
 * Anything that is not an http(s) URL is returned as it was.
 */
import { isTrackingParam } from './url.ts';

export interface StoredLinkOptions {
  /** Keep `utm_*` and the other tracking parameters (the editor's setting). */
  keepTrackingParameters: boolean;
}

const ARXIV_HOSTS = new Set(['arxiv.org', 'www.arxiv.org', 'export.arxiv.org']);
// New-style ids (2007.01547, 0704.0001) and old-style ones (hep-th/9901001, math.GT/0309136).
const ARXIV_PAPER = /^\/(?:abs|pdf|html)\/((?:\d{4}\.\d{4,5})|(?:[a-z-]+(?:\.[A-Z]{2})?\/\d{7}))(?:v\d+)?(?:\.pdf)?\/?$/;

function paramName(part: string): string {
  const raw = part.split('=')[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** The query without tracking parameters, every other one byte for byte. */
function withoutTrackingParams(search: string): string {
  const kept = search.replace(/^\?/, '').split('&').filter((part) => part !== '' && !isTrackingParam(paramName(part)));
  return kept.length > 0 ? `?${kept.join('&')}` : '';
}

export function cleanStoredLink(input: string, options: StoredLinkOptions): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return input;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return input;
  const arxiv = ARXIV_HOSTS.has(url.hostname.toLowerCase()) ? ARXIV_PAPER.exec(url.pathname) : null;
  if (arxiv) return `https://arxiv.org/abs/${arxiv[1]}`;
  url.username = '';
  url.password = '';
  if (!options.keepTrackingParameters) url.search = withoutTrackingParams(url.search);
  if (url.hash.includes(':~:')) url.hash = url.hash.slice(0, url.hash.indexOf(':~:')).replace(/^#$/, '');
  return url.href;
}
