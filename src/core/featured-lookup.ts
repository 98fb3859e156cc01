/**
 * "Already featured" from everything this device knows: its own issues (featured.ts), and the featured
 * keys synced from the other devices (featured-keys.ts) for the issues it does not hold. For an issue
 * known both ways, the newer knowledge answers: the local copy, unless the synced record was built from
 * a later state of the issue (another device removed the link, deleted the issue, or published it).
 */
import { findFeatured, type FeaturedHit, type FeaturedIndex } from './featured.ts';
import { findInFeaturedKeys, type FeaturedIssueKeys } from './featured-keys.ts';
import { latestClockOf } from './merge.ts';
import type { Issue } from './model.ts';

export interface FeaturedLookup {
  /** The index of this device's issues that count (the popup leaves out the draft being filed into). */
  index: FeaturedIndex;
  /**
   * Every issue this device holds, to tell which synced records are newer than the local copy; only
   * the issues hit are read, by id when this is a map (a long archive then costs the lookup nothing).
   */
  issues: readonly Issue[] | ReadonlyMap<string, Issue>;
  synced: readonly FeaturedIssueKeys[];
  /** The page's dedupe keys (featured.ts dedupeKeysOf). */
  dedupeKeys: readonly string[];
  /**
   * The page's first-stage keys (featured.ts baseDedupeKeysOf), matched against synced records only:
   * a record built before the same-page rules holds fingerprints of those, and stays valid until its
   * issue changes. Without them such a record answers only for links whose key did not change.
   */
  baseDedupeKeys?: readonly string[];
}

/** The item id of a hit known only from synced keys: the item itself is on another device. */
export function syncedHitItemId(issueId: string): string {
  return `synced:${issueId}`;
}

/** One hit per issue, newest issue first. */
export function findFeaturedEverywhere({ index, issues, synced, dedupeKeys, baseDedupeKeys = [] }: FeaturedLookup): FeaturedHit[] {
  const localHits = dedupeKeys.flatMap((key) => findFeatured(index, key));
  const syncedHits = findInFeaturedKeys(synced, [...new Set([...dedupeKeys, ...baseDedupeKeys])]);
  // Only the issues hit either way are compared: a popup opens often, and an archive is long.
  const hitIds = new Set([...localHits.map((hit) => hit.issueId), ...syncedHits.map((hit) => hit.issue.issueId)]);
  if (hitIds.size === 0) return [];
  // The synced list is short (the sync budget keeps about a year of issues); every record of a hit issue counts, tombstones too.
  const records = new Map(synced.filter((record) => hitIds.has(record.issueId)).map((record) => [record.issueId, record]));
  const held = issues instanceof Map ? issues as ReadonlyMap<string, Issue>
    : new Map((issues as readonly Issue[]).filter((issue) => hitIds.has(issue.id)).map((issue) => [issue.id, issue]));
  const syncedIsNewer = (issueId: string) => {
    const record = records.get(issueId);
    const local = held.get(issueId);
    return record !== undefined && (local === undefined || record.at > latestClockOf(local));
  };
  const fromSynced = syncedHits.filter(({ issue }) => syncedIsNewer(issue.issueId)).map(({ issue, sectionName }): FeaturedHit => ({
    issueId: issue.issueId, issueNumber: issue.number, issueStatus: 'published', sectionName, itemId: syncedHitItemId(issue.issueId),
  }));
  const byIssue = new Map<string, FeaturedHit>();
  for (const hit of [...localHits.filter((hit) => !syncedIsNewer(hit.issueId)), ...fromSynced].sort((a, b) => b.issueNumber - a.issueNumber)) {
    if (!byIssue.has(hit.issueId)) byIssue.set(hit.issueId, hit);
  }
  return [...byIssue.values()];
}
