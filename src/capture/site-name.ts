import { cleanText } from './clean-text.ts';
import type { PageContext } from './page-context.ts';

/** The publication's name: `og:site_name` → JSON-LD publisher → `application-name` → the host. */
export function pickSiteName(context: PageContext): string {
  const { meta, jsonLd } = context;
  const named = [meta.first('og:site_name'), jsonLd.publisher, meta.first('application-name', 'apple-mobile-web-app-title')]
    .map((value) => cleanText(value))
    .find((value) => value.length > 0 && value.length <= 100 && !/^https?:\/\//i.test(value));
  return named ?? context.host;
}

/**
 * The distinctive label of a host, the part a site name usually spells: `theverge` for
 * `www.theverge.com`, `bbc` for `bbc.co.uk`.
 */
export function hostLabel(host: string): string {
  const labels = host.toLowerCase().split('.').filter(Boolean);
  if (labels.length <= 1) return labels[0] ?? '';
  labels.pop();
  const last = labels.at(-1) ?? '';
  if (labels.length > 1 && /^(co|com|org|net|ac|gov|edu|ne|or|go)$/.test(last)) labels.pop();
  return labels.at(-1) ?? '';
}
