/**
 * Heals this device's stored issues of clocks too far ahead (core/clock-trust.ts), once at every worker
 * start, before the mirror's first run. Before the clock rule, a forged clock could be merged into an
 * issue (a tagline stamped `zzzzzzzzz:zzzy:evil`, a title stamped in the year 2500); such a clock then
 * kept every other device's edits of that field out forever, and went out again in this device's next
 * record. It is this device's own data now, so it is re-stamped with a current clock (the value counts
 * as edited now) rather than dropped. Since the rule, only a wall clock set back by more than the skew
 * can leave this device's own clocks that far ahead, so the scan runs at the first start after the
 * rule came and whenever the wall clock is found set back since the latest start; other starts cost one
 * small read and write. The scan reads the raw records as text, and only an issue that needs it is parsed
 * and written, in its own transaction, so an edit saved meanwhile is not lost.
 */
import { hasFutureClock, restampFutureClocks } from '../../core/clock-trust.ts';
import { MAX_CLOCK_SKEW_MS } from '../../core/hlc.ts';
import type { Hlc } from '../../core/model.ts';
import { parseIssue } from '../../core/schema.ts';
import type { RoundupDatabase } from '../../storage/db.ts';
import { refreshFeatured } from '../../storage/featured-store.ts';
import { inTransaction } from '../../storage/transaction.ts';

export interface HealDeps {
  db: () => Promise<RoundupDatabase>;
  now: () => number;
  /** A current clock of this device, asked for only when something needs healing. */
  stamp: () => Promise<Hlc>;
}

/** The latest wall time seen at a start, to tell when the wall clock was set back. */
const LATEST_START_KEY = 'syncLatestStartAt';

/** How many issues were healed. */
export async function healStoredClocks({ db, now, stamp }: HealDeps): Promise<number> {
  const nowMs = now();
  const latestStart = await inTransaction(await db(), ['meta'], 'readwrite', 'note when sync started', async (tx) => {
    const saved: unknown = await tx.store.get(LATEST_START_KEY);
    const latest = typeof saved === 'number' && Number.isFinite(saved) ? saved : null;
    await tx.store.put(Math.max(latest ?? 0, nowMs), LATEST_START_KEY);
    return latest;
  });
  if (latestStart !== null && nowMs + MAX_CLOCK_SKEW_MS >= latestStart) return 0;
  const records = await inTransaction(await db(), ['issues'], 'readonly', 'check the issues\u2019 edit times', (tx) => tx.store.getAll());
  const suspects = records.filter((raw: unknown) => mentionsClockAfter(JSON.stringify(raw), nowMs + MAX_CLOCK_SKEW_MS))
    .map((raw) => (raw as { id?: unknown }).id).filter((id): id is string => typeof id === 'string');
  if (suspects.length === 0) return 0;
  const at = await stamp();
  let healed = 0;
  for (const id of suspects) {
    await inTransaction(await db(), ['issues', 'featured'], 'readwrite', 'heal the issues\u2019 edit times', async (tx) => {
      const parsed = parseIssue(await tx.objectStore('issues').get(id));
      // A damaged record is reported where it is read; healing it would hide what is wrong with it.
      if (!parsed.ok || !hasFutureClock(parsed.value, nowMs)) return;
      const healedIssue = restampFutureClocks(parsed.value, nowMs, at).issue;
      await tx.objectStore('issues').put(healedIssue);
      await refreshFeatured(tx, healedIssue.id, healedIssue);
      healed += 1;
    });
  }
  return healed;
}

/** Whether the text holds a clock whose milliseconds are past `limitMs` (fixed-width base 36 compares as text). */
function mentionsClockAfter(text: string, limitMs: number): boolean {
  const limit = Math.floor(limitMs).toString(36).padStart(9, '0');
  for (const match of text.matchAll(/"([0-9a-z]{9}):[0-9a-z]{4}:[0-9A-Za-z_-]{0,64}"/g)) {
    if ((match[1] ?? '') > limit) return true;
  }
  return false;
}
