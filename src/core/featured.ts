/**
 * "Already featured": which issues hold a link, whatever tracking tags or fragment it carried.
 * Both the filed URL and the page's canonical URL are keys, so a link shared through a tracker
 * still matches the item filed from the publisher's page, and the other way round.
 */
import { liveItems, liveSections } from './live-parts.ts';
import type { Issue, IssueStatus } from './model.ts';
import { baseDedupeKey, normalizeUrlForDedupe } from './url.ts';

export interface FeaturedHit {
  issueId: string;
  issueNumber: number;
  issueStatus: IssueStatus;
  sectionName: string;
  /** The item, or for a hit known only from synced keys (featured-lookup.ts) `synced:<issue id>`: the item is elsewhere. */
  itemId: string;
}

/** Dedupe key → where that link is filed; built once, queried per captured page. */
export type FeaturedIndex = ReadonlyMap<string, readonly FeaturedHit[]>;

export function buildFeaturedIndex(issues: readonly Issue[]): FeaturedIndex {
  const index = new Map<string, FeaturedHit[]>();
  for (const issue of issues) {
    if (issue.deleted !== undefined) continue;
    const sectionNames = new Map(liveSections(issue).map((section) => [section.id, section.name]));
    for (const item of liveItems(issue)) {
      const hit: FeaturedHit = { issueId: issue.id, issueNumber: issue.number, issueStatus: issue.status,
        sectionName: sectionNames.get(item.sectionId) ?? '', itemId: item.id };
      for (const key of dedupeKeysOf(item.url, item.canonicalUrl)) {
        const hits = index.get(key) ?? [];
        hits.push(hit);
        index.set(key, hits);
      }
    }
  }
  for (const hits of index.values()) hits.sort(newestIssueFirst);
  return index;
}

/** Every place the link was filed, newest issue first; empty when it never was. */
export function findFeatured(index: FeaturedIndex, dedupeKey: string): FeaturedHit[] {
  return [...(index.get(dedupeKey) ?? [])];
}

/** The distinct dedupe keys of a filed link: its URL's and, when the page declared one, its canonical URL's. */
export function dedupeKeysOf(url: string, canonicalUrl: string | null): string[] {
  const candidates = canonicalUrl === null || canonicalUrl.trim() === '' ? [url] : [url, canonicalUrl];
  return [...new Set(candidates.map(normalizeUrlForDedupe))];
}

/**
 * The same link's first-stage keys (url.ts `baseDedupeKey`): featured fingerprints computed before the
 * same-page rules (url.ts), by an older Roundup on another device or before this device rebuilt its
 * records, are fingerprints of these. Only the synced lookup uses them (featured-lookup.ts).
 */
export function baseDedupeKeysOf(url: string, canonicalUrl: string | null): string[] {
  const candidates = canonicalUrl === null || canonicalUrl.trim() === '' ? [url] : [url, canonicalUrl];
  return [...new Set(candidates.map(baseDedupeKey))];
}

function newestIssueFirst(a: FeaturedHit, b: FeaturedHit): number {
  return b.issueNumber - a.issueNumber;
}

/**
 * One row of the stored featured index (storage/featured-store.ts): one dedupe key of one live item.
 * `rank` and `createdAt` keep the order buildFeaturedIndex gives hits of the same issue number
 * (issues as the list shows them, then items in reading order), so the stored index answers alike.
 */
export interface FeaturedEntry extends FeaturedHit {
  key: string;
  issueCreatedAt: string;
  rank: number;
}

/** The rows an issue puts in the stored index: none for a deleted issue. */
export function featuredEntriesOf(issue: Issue): FeaturedEntry[] {
  if (issue.deleted !== undefined) return [];
  const sectionNames = new Map(liveSections(issue).map((section) => [section.id, section.name]));
  return liveItems(issue).flatMap((item, rank) => dedupeKeysOf(item.url, item.canonicalUrl).map((key): FeaturedEntry => ({
    key, issueId: issue.id, issueNumber: issue.number, issueStatus: issue.status, sectionName: sectionNames.get(item.sectionId) ?? '',
    itemId: item.id, issueCreatedAt: issue.createdAt, rank,
  })));
}

/**
 * The stored rows of some keys as the index buildFeaturedIndex would give over the same issues in the
 * list's order (drafts first, then newest number, newest created, id): the same hits in the same order.
 */
export function featuredIndexOfEntries(entries: readonly FeaturedEntry[]): FeaturedIndex {
  const index = new Map<string, FeaturedHit[]>();
  const sorted = [...entries].sort((a, b) => b.issueNumber - a.issueNumber
    || (a.issueStatus === b.issueStatus ? 0 : a.issueStatus === 'draft' ? -1 : 1)
    || b.issueCreatedAt.localeCompare(a.issueCreatedAt)
    || (a.issueId < b.issueId ? -1 : a.issueId > b.issueId ? 1 : 0)
    || a.rank - b.rank);
  for (const { key, issueCreatedAt: _created, rank: _rank, ...hit } of sorted) {
    const hits = index.get(key) ?? [];
    hits.push(hit);
    index.set(key, hits);
  }
  return index;
}
