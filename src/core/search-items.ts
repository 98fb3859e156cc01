/**
 * "Did we already feature this?": items of every issue matching what the editor typed, each with
 * its issue and section. A pasted link matches by its dedupe key (so tracking tags, `www.` or a
 * fragment do not hide an earlier issue); words match the title, summary, site and URL, every word
 * somewhere, ignoring case and accents. The private note is not searched: search results are
 * often read over someone's shoulder, and the spec asks about what readers saw.
 */
import { dedupeKeysOf } from './featured.ts';
import { liveItems, liveSections } from './live-parts.ts';
import type { Issue, IssueStatus } from './model.ts';
import { normalizeUrlForDedupe } from './url.ts';

export interface SearchHit {
  issueId: string;
  issueNumber: number;
  issueTitle: string;
  issueStatus: IssueStatus;
  sectionName: string;
  itemId: string;
  title: string;
  url: string;
  site: string;
  /** `link`: the same page (by dedupe key); `title`: the words are all in the title; `text`: elsewhere. */
  matchedBy: 'link' | 'title' | 'text';
}

const RANK: Record<SearchHit['matchedBy'], number> = { link: 0, title: 1, text: 2 };

export function searchItems(issues: readonly Issue[], query: string, limit = 50): SearchHit[] {
  const trimmed = query.trim();
  if (trimmed === '') return [];
  const linkKey = asLinkKey(trimmed);
  const words = fold(trimmed).split(/\s+/);
  const hits: SearchHit[] = [];
  for (const issue of issues) {
    if (issue.deleted !== undefined) continue;
    const sectionNames = new Map(liveSections(issue).map((section) => [section.id, section.name]));
    for (const item of liveItems(issue)) {
      const matchedBy = linkKey !== null && dedupeKeysOf(item.url, item.canonicalUrl).includes(linkKey) ? 'link'
        : words.every((word) => fold(item.title).includes(word)) ? 'title'
          : words.every((word) => fold(`${item.title}\n${item.summary}\n${item.site}\n${item.url}`).includes(word)) ? 'text'
            : null;
      if (matchedBy === null) continue;
      hits.push({
        issueId: issue.id, issueNumber: issue.number, issueTitle: issue.title, issueStatus: issue.status,
        sectionName: sectionNames.get(item.sectionId) ?? '', itemId: item.id, title: item.title, url: item.url,
        site: item.site, matchedBy,
      });
    }
  }
  // Stable sort: within a rank, newest issue first, then reading order.
  return hits.sort((a, b) => RANK[a.matchedBy] - RANK[b.matchedBy] || b.issueNumber - a.issueNumber).slice(0, limit);
}

/** The dedupe key when the query is a link (with or without its scheme), else null. */
function asLinkKey(query: string): string | null {
  if (/\s/.test(query)) return null;
  const withScheme = /^https?:\/\//i.test(query) ? query : /^[\w-]+(\.[\w-]+)+(\/|$)/.test(query) ? `https://${query}` : null;
  if (withScheme === null) return null;
  try {
    return normalizeUrlForDedupe(new URL(withScheme).href);
  } catch {
    return null;
  }
}

/** Lower case without accents, so "resume" finds "Résumé". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
