import { afterEach, describe, expect, it } from 'vitest';
import type { RoundupDatabase } from '../../storage/db.ts';
import { openTestDb } from '../../storage/open-test-db.ts';
import { getLastSyncedAt, putLastSyncedAt } from './last-synced-repo.ts';

let db: RoundupDatabase;
afterEach(() => db.close());

describe('when sync last ran', () => {
  it('is null until a run finished, then the time of the last one', async () => {
    db = await openTestDb();
    expect(await getLastSyncedAt(db)).toBeNull();
    await putLastSyncedAt(db, 1_700_000_000_000);
    await putLastSyncedAt(db, 1_700_000_060_000);
    expect(await getLastSyncedAt(db)).toBe(1_700_000_060_000);
  });

  it('reads a damaged value as never, rather than failing the status line', async () => {
    db = await openTestDb();
    await db.put('meta', 'yesterday', 'syncLastSyncedAt');
    expect(await getLastSyncedAt(db)).toBeNull();
  });
});
