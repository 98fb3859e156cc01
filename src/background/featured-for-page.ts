/**
 * "Featured in Issue #N" for the captured page: keyed reads only (the stored featured index, then the
 * issues it names), so the popup answers as fast with an archive of 600 issues as with none. The answer
 * is the one findFeaturedEverywhere gives over every issue this device holds.
 */
import { dedupeKeysOf, type FeaturedHit } from '../core/featured.ts';
import { findInFeaturedKeys, type FeaturedIssueKeys } from '../core/featured-keys.ts';
import { findFeaturedEverywhere } from '../core/featured-lookup.ts';
import type { RoundupDatabase } from '../storage/db.ts';
import { readFeaturedIndex } from '../storage/featured-store.ts';
import { getLiveIssuesById } from '../storage/issues-repo.ts';

export interface PageToLookUp {
  url: string;
  canonicalUrl: string | null;
  /** The draft being filed into: its own items are not "featured before". */
  draftId: string;
  synced: readonly FeaturedIssueKeys[];
}

export async function featuredForPage(db: RoundupDatabase, { url, canonicalUrl, draftId, synced }: PageToLookUp): Promise<FeaturedHit[]> {
  const dedupeKeys = dedupeKeysOf(url, canonicalUrl);
  const index = await readFeaturedIndex(db, dedupeKeys, draftId);
  const hitIds = [...[...index.values()].flat().map((hit) => hit.issueId), ...findInFeaturedKeys(synced, dedupeKeys).map((hit) => hit.issue.issueId)];
  // Every issue hit either way, held here and not deleted: the lookup compares their clocks with the synced records'.
  const issues = hitIds.length === 0 ? new Map() : await getLiveIssuesById(db, hitIds);
  return findFeaturedEverywhere({ index, issues, synced, dedupeKeys });
}
