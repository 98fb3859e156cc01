/**
 * The featured index, stored (issue 15: an archive of 600 issues and 50,000 links is ordinary): one row
 * per dedupe key of every live item, kept in the same transaction as every write of an issue, so the
 * popup's "Featured in Issue #N" is a keyed read of the captured page's keys, never a scan of the archive.
 * Rows are keyed [issue id, item id, dedupe key]: an issue's rows go in one range delete; the `by-key`
 * index answers the lookup.
 */
import { featuredEntriesOf, featuredIndexOfEntries, type FeaturedEntry, type FeaturedIndex } from '../core/featured.ts';
import type { Issue } from '../core/model.ts';
import type { RoundupDatabase } from './db.ts';
import { inTransaction } from './transaction.ts';

/** The smallest view of a transaction that can write the featured store (the upgrade's included). */
export interface FeaturedStoreTx {
  objectStore(name: 'featured'): {
    delete(range: IDBKeyRange): Promise<void>;
    put(value: FeaturedEntry): Promise<unknown>;
  };
}

/** The range of every row of one issue. */
export function issueRows(issueId: string): IDBKeyRange {
  return IDBKeyRange.bound([issueId], [issueId, []]);
}

/**
 * Replaces the issue's rows by what it holds now (none when it is deleted or gone). The puts are sent
 * together and awaited as one (every rejection observed), so a failure rolls back the issue write with it,
 * without a round trip per row when an archive of thousands of links is imported.
 */
export async function refreshFeatured(tx: FeaturedStoreTx, issueId: string, issue: Issue | undefined): Promise<void> {
  const store = tx.objectStore('featured');
  const entries = issue === undefined ? [] : featuredEntriesOf(issue);
  await Promise.all([store.delete(issueRows(issueId)), ...entries.map((entry) => store.put(entry))]);
}

/**
 * The index of the given keys only, as buildFeaturedIndex would give it over every stored issue but
 * `exceptIssueId` (the draft the popup files into): one keyed read per key.
 */
export async function readFeaturedIndex(db: RoundupDatabase, keys: readonly string[], exceptIssueId: string | null = null): Promise<FeaturedIndex> {
  const rows = await inTransaction(db, ['featured'], 'readonly', 'read which issues featured the page',
    (tx) => Promise.all([...new Set(keys)].map((key) => tx.store.index('by-key').getAll(key))));
  return featuredIndexOfEntries(rows.flat().filter((row) => row.issueId !== exceptIssueId));
}
