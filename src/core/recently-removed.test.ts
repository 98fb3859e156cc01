import { describe, expect, it } from 'vitest';
import { formatHlc } from './hlc.ts';
import { deleteIssue, removeItem, removeSection, restoreIssue, unpublishIssue, publishIssue } from './issue-ops.ts';
import { listRecentlyRemoved } from './recently-removed.ts';
import { makeIssue, makeItem, makeSection } from './test-factories.ts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 20);
const at = (msAgo: number, counter = 0) => formatHlc({ ms: NOW - msAgo, counter, deviceId: 'dev' });

function issueWithTwoSections() {
  return makeIssue({
    sections: [makeSection({ id: 's1', name: 'Industry' }), makeSection({ id: 's2', name: 'Papers', position: 'a1' })],
    items: [makeItem({ id: 'i1', sectionId: 's1', title: 'One' }), makeItem({ id: 'i2', sectionId: 's2', title: 'Two' }),
      makeItem({ id: 'i3', sectionId: 's2', position: 'a1', title: 'Three' })],
  });
}

describe('deleteIssue and restoreIssue', () => {
  it('tombstone the issue with a clock, and a newer clock brings it back', () => {
    const deleted = deleteIssue(makeIssue(), at(1_000));
    expect(deleted).toMatchObject({ deleted: at(1_000), clocks: { deleted: at(1_000) } });
    expect(deleteIssue(deleted, at(500))).toBe(deleted);
    const restored = restoreIssue(deleted, at(10));
    expect(restored.deleted).toBeUndefined();
    expect(restored.clocks.deleted).toBe(at(10));
    // A restore with an older clock (the removal came stamped ahead) still wins, just after the removal.
    const late = restoreIssue(deleted, at(2_000));
    expect(late.deleted).toBeUndefined();
    expect(late.clocks.deleted! > at(1_000)).toBe(true);
  });
});

describe('unpublishIssue', () => {
  it('makes a published issue a draft again and leaves a draft alone', () => {
    const published = publishIssue(makeIssue(), '2026-11-19T10:00:00.000Z', at(100));
    expect(unpublishIssue(published, at(50))).toMatchObject({ status: 'draft', publishedAt: null, clocks: { status: at(50), publishedAt: at(50) } });
    const draft = makeIssue();
    expect(unpublishIssue(draft, at(50))).toBe(draft);
  });
});

describe('listRecentlyRemoved', () => {
  it('lists removed issues, sections with the items removed with them, and single items, newest first', () => {
    let issue = removeItem(issueWithTwoSections(), 'i1', at(3_000));
    issue = removeSection(issue, 's2', at(2_000));
    const other = deleteIssue(makeIssue({ id: 'issue-2', number: 2, title: 'Issue #2' }), at(1_000));
    expect(listRecentlyRemoved([issue, other], NOW)).toEqual([
      { kind: 'issue', issueId: 'issue-2', issueNumber: 2, id: 'issue-2', label: 'Issue #2', itemCount: 1, removedAt: NOW - 1_000 },
      { kind: 'section', issueId: 'issue-1', issueNumber: 1, id: 's2', label: 'Papers', itemCount: 2, removedAt: NOW - 2_000 },
      { kind: 'item', issueId: 'issue-1', issueNumber: 1, id: 'i1', label: 'One', itemCount: 0, removedAt: NOW - 3_000 },
    ]);
  });

  it('leaves out what is older than the tombstones sync keeps', () => {
    const issue = removeItem(issueWithTwoSections(), 'i1', at(31 * DAY));
    expect(listRecentlyRemoved([issue], NOW)).toEqual([]);
  });
});
