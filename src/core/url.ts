/**
 * The "already saved" key of a URL: two links an editor would call the same page get the same key,
 * whatever tracking tags, fragment, `www.`, scheme or trailing slash they carry.
 * The key is itself a URL (always `https:`), so it stays readable in storage and logs.
 */

/** Query parameters that only say where a click came from; never part of a page's identity. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'msclkid', 'yclid', 'twclid', 'igshid',
  'mc_cid', 'mc_eid', '_hsenc', '_hsmi', 'mkt_tok',
  'ref', 'ref_src',
]);

export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}

/** Key for duplicate detection; an unparsable input is returned trimmed, unchanged otherwise. */
export function normalizeUrlForDedupe(input: string): string {
  const trimmed = input.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return trimmed;
  }
  url.hash = '';
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return url.href;

  // http and https serve the same page on every site an editor links to; fold to https.
  url.protocol = 'https:';
  url.username = '';
  url.password = '';
  url.hostname = url.hostname.replace(/^www\./, '').replace(/\.$/, '');
  if (url.port === '80') url.port = '';

  const kept = [...url.searchParams].filter(([name]) => !isTrackingParam(name));
  kept.sort(([a, av], [b, bv]) => (a === b ? compare(av, bv) : compare(a, b)));
  url.search = kept.length > 0 ? new URLSearchParams(kept).toString() : '';

  const path = url.pathname.replace(/\/+$/, '');
  const query = url.search;
  return `https://${url.host}${path}${query}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
