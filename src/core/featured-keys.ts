/**
 * "Already featured" on every device: the sync area carries, per published issue, its number, date and
 * the fingerprints of its links by section, so a device that never held the issue can still say
 * "Featured in Issue #201, Libraries & Code" (README.md, "Sync across your devices").
 *
 * Each issue's record is one last-writer-wins register: it is rebuilt whole from the issue whenever the
 * issue changes, stamped with the issue's newest clock, and the newer stamp wins a merge. An issue that
 * stops being published (deleted, or a draft again) leaves a tombstone, kept 30 days like the others
 * (tombstones.ts), so that every device forgets it. The merge keeps, per issue, the greatest record in a
 * total order (stamp, then content), so it is commutative, associative and idempotent: devices that
 * exchange lists in any order, with repeats, hold the same list.
 */
import { dedupeKeysOf } from './featured.ts';
import { parseHlc } from './hlc.ts';
import { liveItems, liveSections } from './live-parts.ts';
import { hashDedupeKey, LINK_HASH_LENGTH } from './link-hash.ts';
import { latestClockOf } from './merge.ts';
import type { Hlc, Issue } from './model.ts';
import { TOMBSTONE_LIFETIME_MS } from './tombstones.ts';

export interface FeaturedSectionKeys {
  name: string;
  /** Fingerprints (link-hash.ts) of the dedupe keys of the section's live items, concatenated. */
  links: string;
}

export interface FeaturedIssueKeys {
  issueId: string;
  number: number;
  publishedAt: string | null;
  /** The newest clock anywhere in the issue this was built from: the newer record wins. */
  at: Hlc;
  /** The sections holding live items, in reading order; none in a tombstone. */
  sections: FeaturedSectionKeys[];
  /** The issue is no longer published: deleted, or a draft again. */
  removed?: true;
}

/** Where a link was featured, as the synced keys tell it. */
export interface FeaturedKeysHit {
  issue: FeaturedIssueKeys;
  sectionName: string;
}

/** The issue's record: its links when it is published and not deleted, else a tombstone. */
export function featuredKeysOfIssue(issue: Issue): FeaturedIssueKeys {
  const at = latestClockOf(issue);
  if (issue.status !== 'published' || issue.deleted !== undefined) {
    return { issueId: issue.id, number: issue.number, publishedAt: null, at, sections: [], removed: true };
  }
  // A link filed twice is listed once, under its first section in reading order.
  const seen = new Set<string>();
  const sections = liveSections(issue).flatMap((section) => {
    const links: string[] = [];
    for (const item of liveItems(issue, section.id)) {
      for (const hash of dedupeKeysOf(item.url, item.canonicalUrl).map(hashDedupeKey)) {
        if (!seen.has(hash)) links.push(hash);
        seen.add(hash);
      }
    }
    return links.length === 0 ? [] : [{ name: section.name, links: links.join('') }];
  });
  return { issueId: issue.id, number: issue.number, publishedAt: issue.publishedAt, at, sections };
}

/** Both lists joined by issue, the greater record winning; sorted by issue id. */
export function mergeFeaturedKeys(a: readonly FeaturedIssueKeys[], b: readonly FeaturedIssueKeys[]): FeaturedIssueKeys[] {
  const byId = new Map<string, FeaturedIssueKeys>();
  for (const record of [...a, ...b].map(canonicalFeaturedIssueKeys)) {
    const held = byId.get(record.issueId);
    if (held === undefined || isGreater(record, held)) byId.set(record.issueId, record);
  }
  return [...byId.values()].sort((x, y) => compareStrings(x.issueId, y.issueId));
}

/** What one of this device's issues says for sync: its record, and whether it is published (and not deleted). */
export interface OwnFeaturedRecord {
  published: boolean;
  keys: FeaturedIssueKeys;
}

export function ownFeaturedRecord(issue: Issue): OwnFeaturedRecord {
  return { published: issue.status === 'published' && issue.deleted === undefined, keys: featuredKeysOfIssue(issue) };
}

/**
 * `known` updated with what this device's own issues say: a record for every published one, and a
 * tombstone for a known issue this device holds unpublished (the newer of the two then wins).
 */
export function mergeOwnFeaturedRecords(known: readonly FeaturedIssueKeys[], own: readonly OwnFeaturedRecord[]): FeaturedIssueKeys[] {
  const knownIds = new Set(known.map((record) => record.issueId));
  return mergeFeaturedKeys(known, own.filter(({ published, keys }) => published || knownIds.has(keys.issueId)).map(({ keys }) => keys));
}

/** As mergeOwnFeaturedRecords, from the issues themselves. */
export function mergeLocalIssuesIntoFeaturedKeys(known: readonly FeaturedIssueKeys[], issues: readonly Issue[]): FeaturedIssueKeys[] {
  return mergeOwnFeaturedRecords(known, issues.map(ownFeaturedRecord));
}

/** Drops tombstones older than `maxAgeMs`; records of published issues are never dropped here. */
export function collectFeaturedTombstones(list: readonly FeaturedIssueKeys[], nowMs: number, maxAgeMs = TOMBSTONE_LIFETIME_MS): FeaturedIssueKeys[] {
  return list.filter((record) => record.removed !== true || (parseHlc(record.at)?.ms ?? 0) >= nowMs - maxAgeMs);
}

/** The `count` most recently published issues, plus every tombstone; sorted by issue id. */
export function recentFeaturedKeys(list: readonly FeaturedIssueKeys[], count: number): FeaturedIssueKeys[] {
  const published = list.filter((record) => record.removed !== true).sort(newestPublishedFirst).slice(0, Math.max(0, count));
  const kept = new Set([...published, ...list.filter((record) => record.removed === true)]);
  return list.filter((record) => kept.has(record));
}

/** How many published (not removed) issues the list holds. */
export function countFeaturedIssues(list: readonly FeaturedIssueKeys[]): number {
  return list.filter((record) => record.removed !== true).length;
}

/** Every published issue whose links include one of `dedupeKeys`, once per issue, newest issue first. */
export function findInFeaturedKeys(list: readonly FeaturedIssueKeys[], dedupeKeys: readonly string[]): FeaturedKeysHit[] {
  const wanted = new Set(dedupeKeys.map(hashDedupeKey));
  const hits = list.flatMap((issue) => {
    if (issue.removed === true) return [];
    const section = issue.sections.find(({ links }) => linkHashesOf(links).some((hash) => wanted.has(hash)));
    return section === undefined ? [] : [{ issue, sectionName: section.name }];
  });
  return hits.sort((x, y) => newestPublishedFirst(x.issue, y.issue));
}

/** The newest clock in the list (the record's stamp in the sync area), or undefined when it is empty. */
export function latestFeaturedClock(list: readonly FeaturedIssueKeys[]): Hlc | undefined {
  return list.reduce<Hlc | undefined>((latest, record) => (latest === undefined || record.at > latest ? record.at : latest), undefined);
}

/** Fixed key order and no stray fields, so equal records have equal JSON on every device. */
export function canonicalFeaturedIssueKeys(record: FeaturedIssueKeys): FeaturedIssueKeys {
  const { issueId, number, publishedAt, at, sections, removed } = record;
  return { issueId, number, publishedAt, at, sections: sections.map(({ name, links }) => ({ name, links })),
    ...(removed === true ? { removed } : {}) };
}

function linkHashesOf(links: string): string[] {
  return Array.from({ length: links.length / LINK_HASH_LENGTH }, (_, index) =>
    links.slice(index * LINK_HASH_LENGTH, (index + 1) * LINK_HASH_LENGTH));
}

/**
 * The newer stamp wins. Equal stamps with different contents come from two copies of the issue that share
 * their newest edit but not every edit (one device merged the other's changes, one did not yet). A record
 * of a published issue then wins over a tombstone: a real removal (deletion, or a status edit back to
 * draft) carries the newest clock of its own state, so no record of a published state can share it, while
 * a copy that had not yet seen the publishing can. Otherwise the content decides, the same on every device.
 */
function isGreater(a: FeaturedIssueKeys, b: FeaturedIssueKeys): boolean {
  if (a.at !== b.at) return a.at > b.at;
  if ((a.removed === true) !== (b.removed === true)) return b.removed === true;
  return JSON.stringify(a) > JSON.stringify(b);
}

function newestPublishedFirst(a: FeaturedIssueKeys, b: FeaturedIssueKeys): number {
  if (a.publishedAt !== b.publishedAt) return (a.publishedAt ?? '') > (b.publishedAt ?? '') ? -1 : 1;
  if (a.number !== b.number) return b.number - a.number;
  return compareStrings(a.issueId, b.issueId);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
