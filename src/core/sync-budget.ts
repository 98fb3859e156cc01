/**
 * How the sync area is shared (README.md, "When it is full": the newest drafts stay in sync,
 * the rest local-only, and the UI says so), in this order:
 * 1. the settings, and any keys Roundup cannot account for;
 * 2. the featured keys of the most recent published issues, within FEATURED_BUDGET (fitFeaturedKeys);
 * 3. drafts, newest first by their last edit clock (planSyncBudget). A draft too big for the room
 *    left is skipped and older, smaller ones may still fit.
 *
 * Each choice depends only on the data (clocks, sizes, ids, dates), never on the order things are
 * listed in, so two devices holding the same data choose the same and never fight over the area.
 */
import { countFeaturedIssues, latestFeaturedClock, recentFeaturedKeys, type FeaturedIssueKeys } from './featured-keys.ts';
import { ZERO_HLC } from './hlc.ts';
import type { Hlc } from './model.ts';
import { SYNC_QUOTA, encodeFeaturedKeys, type EncodedRecord } from './sync-codec.ts';

/**
 * The featured keys' share of the area. 52 issues are a year of a weekly newsletter, past which a link
 * may well be featured again; 15% of the area (15,360 bytes) leaves 85% to the drafts, which are what
 * sync is for. Seed-like issues of 20 links take about 240 bytes each (src/sync/capacity.ts), so 52 of
 * them fit in about 12.5 KB; issues with more links are cut to fewer issues by the byte cap, oldest first.
 */
export const FEATURED_BUDGET = { maxIssues: 52, maxBytes: 15_360 } as const;

/**
 * The settings' share of the area: one item's worth. Settings are about 300 bytes; a house style with
 * the editor's own templates adds their text (deflated), up to 3 × 20,000 characters. A style that would
 * take the record past this stays on this device (the record is written without it, and the sync status
 * says so), so templates never crowd out the drafts, which are what sync is for.
 */
export const SETTINGS_BUDGET = { maxBytes: 8_192 } as const;

export interface FittedFeaturedKeys {
  record: EncodedRecord;
  /** Published issues in the record. */
  issues: number;
  /** Published issues left out: older than the ones kept. */
  leftOut: number;
}

export interface SyncCost {
  bytes: number;
  items: number;
}

export interface DraftCandidate extends SyncCost {
  issueId: string;
  /** Clock of the draft's last edit. */
  at: Hlc;
  /** The per-issue "sync this issue" switch. */
  syncEnabled: boolean;
}

export type LocalOnlyReason = 'opted-out' | 'no-room';

export interface SyncBudgetPlan extends SyncCost {
  /** Newest first. */
  synced: string[];
  localOnly: { issueId: string; reason: LocalOnlyReason }[];
  /** Some draft that should sync does not fit, or the reserved records alone overflow. */
  full: boolean;
}

export interface SyncBudgetInput {
  /** Settings, featured keys, foreign keys: what the area holds besides the drafts. */
  reserved: SyncCost;
  drafts: readonly DraftCandidate[];
  quota?: { totalBytes: number; maxItems: number };
}

export function recordCost(record: EncodedRecord): SyncCost {
  return { bytes: record.bytes, items: Object.keys(record.items).length };
}

export function planSyncBudget({ reserved, drafts, quota = SYNC_QUOTA }: SyncBudgetInput): SyncBudgetPlan {
  const plan: SyncBudgetPlan = { synced: [], localOnly: [], bytes: reserved.bytes, items: reserved.items, full: false };
  plan.full = reserved.bytes > quota.totalBytes || reserved.items > quota.maxItems;
  for (const draft of [...drafts].sort(newestFirst)) {
    if (!draft.syncEnabled) {
      plan.localOnly.push({ issueId: draft.issueId, reason: 'opted-out' });
    } else if (plan.bytes + draft.bytes <= quota.totalBytes && plan.items + draft.items <= quota.maxItems) {
      plan.synced.push(draft.issueId);
      plan.bytes += draft.bytes;
      plan.items += draft.items;
    } else {
      plan.localOnly.push({ issueId: draft.issueId, reason: 'no-room' });
      plan.full = true;
    }
  }
  return plan;
}

function newestFirst(a: DraftCandidate, b: DraftCandidate): number {
  if (a.at !== b.at) return a.at > b.at ? -1 : 1;
  return a.issueId < b.issueId ? -1 : a.issueId > b.issueId ? 1 : 0;
}

/**
 * The record of the most recent published issues' featured keys (and every tombstone) that fits the
 * budget: as many issues as `maxIssues` allows, fewer while the encoded record is over `maxBytes`.
 * Compression makes the size of n issues only roughly proportional to n, so the count is searched.
 */
export async function fitFeaturedKeys(list: readonly FeaturedIssueKeys[], budget: { maxIssues: number; maxBytes: number } = FEATURED_BUDGET): Promise<FittedFeaturedKeys> {
  const total = countFeaturedIssues(list);
  const encode = (count: number) => {
    const chosen = recentFeaturedKeys(list, count);
    return encodeFeaturedKeys(chosen, latestFeaturedClock(chosen) ?? ZERO_HLC);
  };
  let [low, high] = [0, Math.min(total, budget.maxIssues)];
  let best = await encode(high);
  if (best.bytes > budget.maxBytes) {
    high -= 1;
    best = await encode(0);
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      const record = await encode(middle);
      if (record.bytes <= budget.maxBytes) [low, best] = [middle, record];
      else high = middle - 1;
    }
  } else low = high;
  return { record: best, issues: low, leftOut: total - low };
}
