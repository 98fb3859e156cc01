import { afterEach, describe, expect, it } from 'vitest';
import type { RoundupDatabase } from './db.ts';
import { getLastSectionId, putLastSectionId } from './meta-repo.ts';
import { openTestDb } from './open-test-db.ts';
import { inTransaction } from './transaction.ts';
import { noteWrite, quietStoreStamp, quietWriteStamp, writtenSince } from './write-epoch.ts';

let db: RoundupDatabase | undefined;
afterEach(() => db?.close());

function stamp(): number {
  const taken = quietWriteStamp();
  if (taken === undefined) throw new Error('a write is still running');
  return taken;
}

describe('write epoch', () => {
  it('gives no stamp while a write runs, and sees both its start and its end', () => {
    const before = stamp();
    const finished = noteWrite();
    expect(writtenSince(before)).toBe(true);
    expect(quietWriteStamp()).toBeUndefined();
    finished();
    const after = stamp();
    finished(); // a second call changes nothing
    expect(writtenSince(after)).toBe(false);
  });

  it('counts every read-write transaction of the stores, finished or aborted, and no read', async () => {
    db = await openTestDb();
    const quiet = stamp();
    expect(await getLastSectionId(db, 'example.org')).toBeUndefined();
    expect(writtenSince(quiet)).toBe(false);

    const writing = putLastSectionId(db, 'example.org', 'section-1');
    expect(quietWriteStamp()).toBeUndefined();
    await writing;
    const written = stamp();
    expect(written).not.toBe(quiet);

    await expect(inTransaction(db, ['meta'], 'readwrite', 'fail on purpose', async (tx) => {
      await tx.store.put('section-2', 'last-section:example.org');
      throw new Error('stop');
    })).rejects.toThrow('stop');
    expect(writtenSince(written)).toBe(true);
    // IndexedDB reports the abort a little later; the write then counts as finished.
    for (let wait = 0; quietWriteStamp() === undefined && wait < 50; wait++) await new Promise((done) => setTimeout(done, 1));
    expect(quietWriteStamp()).toBeDefined();
    expect(await getLastSectionId(db, 'example.org')).toBe('section-1');
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
