/**
 * "Which site is this?" for trust decisions: a page may name another page as its canonical address, and
 * Roundup believes it only within the same site. The site is the registrable domain (the public suffix,
 * from the Public Suffix List through tldts, plus one label: `bbc.co.uk`, `alice.github.io`), so a
 * publisher's `www.` and `m.` hosts are one site and two GitHub Pages users are two.
 */
import { getDomain, parse } from 'tldts';

/** The registrable domain of a URL's host; the whole host for an IP address or a name with no public suffix. */
export function siteOfUrl(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return null;
  }
  if (host === '') return null;
  if (parse(host).isIp) return host;
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

/** True when both URLs are on the same registrable domain. */
export function isSameSite(a: string, b: string): boolean {
  const site = siteOfUrl(a);
  return site !== null && site === siteOfUrl(b);
}
