/**
 * Which drafts fit in the sync area (DESIGN.md: "when the budget is full, keep the newest drafts
 * in sync, the rest local-only, and say so in the UI"). Settings, the featured keys and any keys
 * Roundup cannot account for are reserved first; then drafts are taken newest first by their last
 * edit clock. A draft too big for the room left is skipped and older, smaller ones may still fit.
 *
 * The plan depends only on the drafts' clocks, sizes and ids, never on the order they are listed
 * in, so two devices holding the same drafts choose the same ones and never fight over the area.
 */
import type { Hlc } from './model.ts';
import { SYNC_QUOTA, type EncodedRecord } from './sync-codec.ts';

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
