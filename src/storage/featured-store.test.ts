import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFeaturedIndex, dedupeKeysOf, findFeatured } from '../core/featured.ts';
import { issueWithLinks, testClock } from '../core/featured-test-factories.ts';
import { deleteIssue as tombstoneIssue, publishIssue, removeItem, removeSection, restoreIssue, unpublishIssue } from '../core/issue-ops.ts';
import type { Issue } from '../core/model.ts';
import { featuredEntriesOf } from '../core/featured.ts';
import { ROUNDUP_DB_NAME } from './db.ts';
import { readFeaturedIndex } from './featured-store.ts';
import { importInOneTransaction } from './import-writer.ts';
import { deleteIssue, getIssue, listIssues, putIssue, updateIssue } from './issues-repo.ts';
import { openTestDb } from './open-test-db.ts';
import { openRoundupDb } from './db.ts';

const URLS = ['https://example.com/a', 'https://example.com/a?utm_source=x', 'https://example.com/b', 'https://t.co/c',
  'https://paper.site/abs/1', 'https://www.example.com/b/', 'https://other.org/x#frag'];

const linkArb = fc.record({
  url: fc.constantFrom(...URLS),
  canonicalUrl: fc.option(fc.constantFrom(...URLS), { nil: null }),
  section: fc.constantFrom<'News' | 'Papers'>('News', 'Papers'),
});

type Op =
  | { kind: 'put'; slot: number; number: number; links: { url: string; canonicalUrl: string | null; section: 'News' | 'Papers' }[]; draft: boolean }
  | { kind: 'tombstone' | 'restore' | 'unpublish' | 'publish' | 'remove-first-item' | 'remove-papers' | 'erase'; slot: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), slot: fc.nat(5), number: fc.integer({ min: 1, max: 4 }), links: fc.array(linkArb, { maxLength: 5 }), draft: fc.boolean() }),
  fc.record({ kind: fc.constantFrom('tombstone' as const, 'restore' as const, 'unpublish' as const, 'publish' as const,
    'remove-first-item' as const, 'remove-papers' as const, 'erase' as const), slot: fc.nat(5) }),
);

/** Same issue slot, same id: ids collide across numbers on purpose, so a rewrite must drop the old rows. */
function issueFor(op: Extract<Op, { kind: 'put' }>, ms: number): Issue {
  const made = issueWithLinks({ number: op.number, links: op.links, atMs: ms, publishedAt: op.draft ? null : '2026-11-05T09:00:00.000Z' });
  const id = `slot-${op.slot}`;
  return { ...made, id, createdAt: `2026-11-0${1 + (op.slot % 3)}T00:00:00.000Z` };
}

async function apply(db: Awaited<ReturnType<typeof openTestDb>>, op: Op, ms: number): Promise<void> {
  const id = `slot-${op.slot}`;
  if (op.kind === 'put') {
    // Half the writes go through an import, half through putIssue: both keep the index.
    if (op.slot % 2 === 0) await putIssue(db, issueFor(op, ms));
    else await importInOneTransaction(db, () => ({ writes: { issues: [issueFor(op, ms)], settings: null }, result: null }));
    return;
  }
  if (await getIssue(db, id) === undefined) return;
  if (op.kind === 'erase') return deleteIssue(db, id);
  const at = testClock(ms);
  await updateIssue(db, id, (issue) => {
    switch (op.kind) {
      case 'tombstone': return tombstoneIssue(issue, at);
      case 'restore': return issue.deleted === undefined ? issue : restoreIssue(issue, at);
      case 'unpublish': return issue.status === 'published' ? unpublishIssue(issue, at) : issue;
      case 'publish': return issue.status === 'draft' ? publishIssue(issue, '2026-11-06T00:00:00.000Z', at) : issue;
      case 'remove-first-item': {
        const first = issue.items.find((item) => item.deleted === undefined);
        return first === undefined ? issue : removeItem(issue, first.id, at);
      }
      case 'remove-papers': return issue.sections[1] === undefined ? issue : removeSection(issue, issue.sections[1].id, at);
      default: return issue;
    }
  });
}

/** What the popup found before the index was stored: buildFeaturedIndex over every live issue but the draft. */
async function expectSameAnswers(db: Awaited<ReturnType<typeof openTestDb>>, exceptId: string | null): Promise<void> {
  const live = (await listIssues(db)).values.filter((issue) => issue.id !== exceptId);
  const built = buildFeaturedIndex(live);
  for (const url of URLS) {
    const keys = dedupeKeysOf(url, null);
    const stored = await readFeaturedIndex(db, keys, exceptId);
    for (const key of keys) expect(findFeatured(stored, key)).toEqual(findFeatured(built, key));
  }
}

describe('the stored featured index', () => {
  it('answers as buildFeaturedIndex over the stored issues, through writes, removals, restores, unpublishing and erasing', async () => {
    await fc.assert(fc.asyncProperty(fc.array(opArb, { maxLength: 25 }), fc.option(fc.nat(5), { nil: null }), async (ops, except) => {
      const db = await openTestDb();
      let ms = 10_000;
      for (const op of ops) await apply(db, op, ms += 10);
      await expectSameAnswers(db, except === null ? null : `slot-${except}`);
      db.close();
    }), { numRuns: 60 });
  });

  it('is filled by the upgrade from version 3 for the issues already stored, and leaves out a damaged record', async () => {
    const factory = new IDBFactory();
    const issue = issueWithLinks({ number: 7, links: [{ url: 'https://example.com/a' }, { url: 'https://t.co/c', canonicalUrl: 'https://paper.site/abs/1' }] });
    await new Promise<void>((resolve, reject) => {
      const req = factory.open(ROUNDUP_DB_NAME, 3);
      req.onupgradeneeded = () => {
        const raw = req.result;
        const issues = raw.createObjectStore('issues', { keyPath: 'id' });
        issues.createIndex('by-status', 'status');
        issues.createIndex('by-number', 'number');
        raw.createObjectStore('settings');
        raw.createObjectStore('pending', { keyPath: 'key' }).createIndex('by-updated', 'updatedAt');
        raw.createObjectStore('meta');
        issues.put(issue);
        issues.put({ id: 'broken', number: 'x', items: [{ url: 'https://example.com/a' }] });
      };
      req.onsuccess = () => { req.result.close(); resolve(); };
      req.onerror = () => reject(req.error);
    });
    const db = await openRoundupDb({ factory });
    expect(await db.count('featured')).toBe(featuredEntriesOf(issue).length);
    const index = await readFeaturedIndex(db, dedupeKeysOf('https://paper.site/abs/1', null));
    expect([...index.values()].flat().map((hit) => [hit.issueNumber, hit.itemId])).toEqual([[7, '7-item-1']]);
    db.close();
  });

  it('rolls back with the issue write it belongs to', async () => {
    const db = await openTestDb();
    const issue = issueWithLinks({ number: 3, links: [{ url: 'https://example.com/a' }] });
    await putIssue(db, issue);
    const malformed = { ...issue, items: [{ ...issue.items[0]!, id: 'new', url: 'not a url' }] } as Issue;
    await expect(importInOneTransaction(db, () => ({ writes: { issues: [issueWithLinks({ number: 4, links: [{ url: 'https://example.com/b' }] }), malformed], settings: null }, result: null })))
      .rejects.toThrow(/Nothing was imported/);
    expect((await readFeaturedIndex(db, dedupeKeysOf('https://example.com/b', null))).size).toBe(0);
    expect((await readFeaturedIndex(db, dedupeKeysOf('https://example.com/a', null))).size).toBe(1);
    db.close();
  });
});
