import { afterEach, describe, expect, it } from 'vitest';
import type { RoundupDatabase } from './db.ts';
import { getLastSectionId, putLastSectionId } from './meta-repo.ts';
import { openTestDb } from './open-test-db.ts';
import { inTransaction, quietStoreStamp, quietWriteStamp, writtenSince } from './transaction.ts';

let db: RoundupDatabase | undefined;
afterEach(() => db?.close());

function stamp(): number {
  const taken = quietWriteStamp();
  if (taken === undefined) throw new Error('a write is still running');
  return taken;
}

describe('inTransaction', () => {
  it('rolls back every write of a transaction whose work fails, and counts it as a write', async () => {
    db = await openTestDb();
    await putLastSectionId(db, 'example.org', 'section-1');
    const before = stamp();
    await expect(inTransaction(db, ['meta'], 'readwrite', 'fail on purpose', async (tx) => {
      await tx.store.put('section-2', 'lastSection:example.org');
      throw new Error('stop');
    })).rejects.toThrow('stop');
    expect(writtenSince(before)).toBe(true);
    expect(await getLastSectionId(db, 'example.org')).toBe('section-1');
    // The same write, not failing, lands: so the rollback above is what kept section-1.
    await inTransaction(db, ['meta'], 'readwrite', 'succeed', async (tx) => void await tx.store.put('section-3', 'lastSection:example.org'));
    expect(await getLastSectionId(db, 'example.org')).toBe('section-3');
  });

  it('gives no stamp while a write runs, a new one after it, and counts no read', async () => {
    db = await openTestDb();
    const quiet = stamp();
    expect(await getLastSectionId(db, 'example.org')).toBeUndefined();
    expect(writtenSince(quiet)).toBe(false);
    const writing = putLastSectionId(db, 'example.org', 'section-1');
    expect(quietWriteStamp()).toBeUndefined();
    await writing;
    expect(stamp()).not.toBe(quiet);
  });

  it('stamps each store apart: a write to another store leaves it, one to it moves it', async () => {
    db = await openTestDb();
    const issues = quietStoreStamp('issues');
    expect(issues).toBeDefined();
    await putLastSectionId(db, 'example.org', 'section-1');
    expect(quietStoreStamp('issues')).toBe(issues);
    const writing = inTransaction(db, ['issues', 'featured'], 'readwrite', 'write nothing', async () => undefined);
    expect(quietStoreStamp('issues')).toBeUndefined();
    await writing;
    expect(quietStoreStamp('issues')).not.toBe(issues);
    expect(quietStoreStamp('featured')).toBeDefined();
  });
});
