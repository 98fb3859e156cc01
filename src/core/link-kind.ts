/**
 * What a bare link probably is, for an item added from a link's context menu (there is no page to read):
 * papers, code repositories and videos on the hosts editors link to most; an article otherwise.
 */
import type { ItemKind } from './model.ts';

const PAPER_PAGES = [
  /^(www\.|export\.)?arxiv\.org\/(abs|pdf|html)\//, /^openreview\.net\/(forum|pdf)/, /^aclanthology\.org\/[\w.-]+\/?$/,
  /^(www\.)?(biorxiv|medrxiv)\.org\/content\//, /^(www\.)?semanticscholar\.org\/paper\//, /^proceedings\.(neurips|mlr)\./,
];
const VIDEO_PAGES = [/^(www\.|m\.)?youtube\.com\/(watch|shorts\/|live\/)/, /^youtu\.be\/./, /^(www\.)?vimeo\.com\/\d+/];
const CODE_HOSTS = new Set(['github.com', 'gitlab.com', 'codeberg.org', 'bitbucket.org']);

export function guessKindFromUrl(url: string): ItemKind {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'article';
  }
  const hostAndPath = `${parsed.hostname.toLowerCase()}${parsed.pathname}`;
  if (PAPER_PAGES.some((page) => page.test(hostAndPath)) || /\.pdf$/i.test(parsed.pathname)) return 'paper';
  if (VIDEO_PAGES.some((page) => page.test(hostAndPath))) return 'video';
  const segments = parsed.pathname.split('/').filter(Boolean);
  if (CODE_HOSTS.has(parsed.hostname.toLowerCase().replace(/^www\./, '')) && segments.length === 2) return 'repo';
  return 'article';
}
