/**
 * The "already saved" key of a URL: two links an editor would call the same page get the same key,
 * whatever tracking tags, fragment, `www.`, scheme or trailing slash they carry, and whichever of a
 * site's equivalent addresses they use (arXiv abstract or PDF, any version; youtu.be or watch?v=;
 * the AMP or mobile copy of an article). The key is itself a URL (always `https:`), so it stays
 * readable in storage and logs.
 *
 * Two stages. `baseDedupeKey` is the key as it was first shipped; `normalizeUrlForDedupe` refines it
 * with the same-page rules. Keeping the first stage whole makes the change safe for what is stored:
 * links the new rules do not touch keep their key, links equal before stay equal (the new key is a
 * function of the old one), and the featured fingerprints other devices computed with the old key can
 * still be matched with `baseDedupeKey` (featured-lookup.ts).
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
  const base = parseBaseKey(unwrapAmpCache(input.trim()));
  if (typeof base === 'string') return base;
  const host = withoutMobileLabels(base.host);
  // `//` inside a path is a typo or a CMS join that every server folds; `/amp` is the AMP copy.
  const path = base.path.replace(/\/{2,}/g, '/').replace(/(?:\/amp)+\/?$|\/+$/, '');
  const special = youTubeKey(host, path, base.params) ?? arxivKey(host, path);
  if (special !== null) return special;
  const kept = base.params.filter(([name, value]) => !isAmpParam(name, value));
  return `https://${host}${base.port}${path}${serializeParams(kept)}`;
}

/**
 * The first-stage key (the whole key before the same-page rules): lower-case host without `www.`, https, no
 * credentials, default port, fragment, tracking parameters or trailing slash, parameters sorted.
 * Changing it changes the fingerprints stored and synced for every link: don't.
 */
export function baseDedupeKey(input: string): string {
  const base = parseBaseKey(input);
  return typeof base === 'string' ? base : `https://${base.host}${base.port}${base.path}${serializeParams(base.params)}`;
}

interface BaseKey {
  host: string;
  /** `:8080`, or empty for the default port. */
  port: string;
  /** Without trailing slashes. */
  path: string;
  /** Without tracking parameters, sorted by name, then value. */
  params: [string, string][];
}

/** The first stage's parts, parsed once for both keys; a string for what is not an http(s) URL. */
function parseBaseKey(input: string): BaseKey | string {
  const trimmed = input.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return trimmed;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    url.hash = '';
    return url.href;
  }
  // http and https serve the same page on every site an editor links to; fold to https (and drop
  // the default port of either).
  const port = url.port === '' || url.port === '80' || url.port === '443' ? '' : `:${url.port}`;
  const params = [...url.searchParams].filter(([name]) => !isTrackingParam(name));
  params.sort(([a, av], [b, bv]) => (a === b ? compare(av, bv) : compare(a, b)));
  // A host that would be left empty (`www.`) stays as it is, as the URL parser keeps it.
  const host = url.hostname.replace(/^www\./, '').replace(/\.$/, '') || url.hostname;
  return { host, port, path: url.pathname.replace(/\/+$/, ''), params };
}

function serializeParams(params: readonly [string, string][]): string {
  return params.length > 0 ? `?${new URLSearchParams([...params]).toString()}` : '';
}

/**
 * `m.`, `mobile.`, `amp.` and further `www.` labels in front (and Wikipedia's `en.m.`) name the
 * mobile or AMP copy of the same site; a label is dropped only while two remain (`mobile.de` stays).
 */
function withoutMobileLabels(host: string): string {
  const labels = host.split('.');
  const isCopyLabel = (label: string | undefined) => label === 'm' || label === 'mobile' || label === 'amp' || label === 'www';
  while (labels.length > 2 && isCopyLabel(labels[0])) labels.shift();
  if (labels.length > 3 && labels[1] === 'm' && /^[a-z]{2,3}(?:-[a-z]+)?$/.test(labels[0] ?? '')) labels.splice(1, 1);
  return labels.join('.');
}

/** `?amp`, `?amp=1`, `?amp=true` and `?outputType=amp` ask for the AMP rendering of the same article. */
function isAmpParam(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  return (lower === 'amp' && /^(?:|1|true)$/i.test(value)) || (lower === 'outputtype' && value.toLowerCase() === 'amp');
}

/**
 * Google's AMP cache serves `https://www-example-com.cdn.ampproject.org/c/s/www.example.com/a` for
 * `https://www.example.com/a` (`/c/` pages, `/s/` for https); the key is the publisher's URL's.
 */
function unwrapAmpCache(input: string): string {
  const match = /^https?:\/\/[^/?#]+\.cdn\.ampproject\.org\/[cvi]\/(s\/)?([^?#]+)(\?[^#]*)?/i.exec(input);
  if (match === null) return input;
  return `${match[1] === undefined ? 'http' : 'https'}://${match[2] ?? ''}${match[3] ?? ''}`;
}

const YOUTUBE_ID = /^[\w-]{6,20}$/;

/** Every address of one YouTube video (watch?v=, youtu.be/, shorts/, embed/, live/) as `youtube.com/watch?v=ID`; the time, playlist and share tags do not change the video. */
function youTubeKey(host: string, path: string, params: readonly [string, string][]): string | null {
  let id: string | null = null;
  if (host === 'youtu.be') id = path.split('/')[1] ?? null;
  else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    const [, first, second] = path.split('/');
    id = first === 'watch' ? params.find(([name]) => name === 'v')?.[1] ?? null : ['shorts', 'embed', 'live', 'v'].includes(first ?? '') ? second ?? null : null;
  }
  return id !== null && YOUTUBE_ID.test(id) ? `https://youtube.com/watch?v=${id}` : null;
}

/** arXiv's abstract, PDF and HTML pages of any version of a paper as its versionless abstract page. */
function arxivKey(host: string, path: string): string | null {
  if (host !== 'arxiv.org' && host !== 'export.arxiv.org') return null;
  const match = /^\/(?:abs|pdf|html|format)\/+((?:[a-z-]+(?:\.[A-Z]{2})?\/)?\d{4,7}(?:\.\d{4,5})?)(?:v\d+)?(?:\.pdf)?\/?$/i.exec(path);
  return match === null ? null : `https://arxiv.org/abs/${match[1] ?? ''}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
