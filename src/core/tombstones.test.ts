import { describe, expect, it } from 'vitest';
import { ZERO_HLC, formatHlc } from './hlc.ts';
import type { Issue } from './model.ts';
import { parseIssue } from './schema.ts';
import { makeIssue, makeItem, makeSection } from './test-factories.ts';
import { TOMBSTONE_MAX_AGE_MS, collectIssueTombstones, collectTombstones, deletionClockOf } from './tombstones.ts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 26);
const daysAgo = (days: number) => formatHlc({ ms: NOW - days * DAY, counter: 0, deviceId: 'a' });
const removedAt = (at: string) => ({ deleted: at, clocks: { deleted: at } });

/** Section s1 with items old (removed 31 days ago), recent (removed 29 days ago) and live. */
function issueWithTombstones(): Issue {
  return makeIssue({
    sections: [makeSection({ id: 's1' }), makeSection({ id: 's2', position: 'a1', ...removedAt(daysAgo(40)) })],
    items: [
      makeItem({ id: 'old', sectionId: 's1', ...removedAt(daysAgo(31)) }),
      makeItem({ id: 'recent', sectionId: 's1', ...removedAt(daysAgo(29)) }),
      makeItem({ id: 'live', sectionId: 's1' }),
    ],
  });
}

describe('collectTombstones', () => {
  it('removes tombstones older than 30 days and keeps younger ones and live data', () => {
    const collected = collectTombstones(issueWithTombstones(), NOW);
    expect(collected.items.map((item) => item.id)).toEqual(['recent', 'live']);
    expect(collected.sections.map((section) => section.id)).toEqual(['s1']);
  });

  it('honours a custom maximum age', () => {
    const collected = collectTombstones(issueWithTombstones(), NOW, 10 * DAY);
    expect(collected.items.map((item) => item.id)).toEqual(['live']);
  });

  it('keeps a removed section while a live item still points at it, so the issue stays valid', () => {
    const issue = makeIssue({
      sections: [makeSection({ id: 's1', ...removedAt(daysAgo(60)) })],
      items: [makeItem({ id: 'edited-later', sectionId: 's1', clocks: { title: daysAgo(59) } })],
    });
    const collected = collectTombstones(issue, NOW);
    expect(collected.sections.map((section) => section.id)).toEqual(['s1']);
    expect(parseIssue(collected).ok).toBe(true);
  });

  it('returns the same object when there is nothing to collect', () => {
    const issue = makeIssue();
    expect(collectTombstones(issue, NOW)).toBe(issue);
  });

  it('uses the default of 30 days', () => {
    expect(TOMBSTONE_MAX_AGE_MS).toBe(30 * DAY);
  });
});

describe('collectIssueTombstones', () => {
  it('drops issues removed long ago and collects inside the others', () => {
    const issues = [
      makeIssue({ id: 'gone', ...removedAt(daysAgo(31)) }),
      makeIssue({ id: 'kept', ...removedAt(daysAgo(1)) }),
      { ...issueWithTombstones(), id: 'live' },
    ];
    const collected = collectIssueTombstones(issues, NOW);
    expect(collected.map((issue) => issue.id)).toEqual(['kept', 'live']);
    expect(collected[1]?.items.map((item) => item.id)).toEqual(['recent', 'live']);
  });
});

describe('deletionClockOf', () => {
  it.each([
    ['never removed', {}, ZERO_HLC],
    ['removed', removedAt(daysAgo(2)), daysAgo(2)],
    ['restored after a removal', { clocks: { deleted: daysAgo(1) } }, daysAgo(1)],
    ['removed without a clock (older data)', { deleted: daysAgo(3), clocks: {} }, daysAgo(3)],
  ])('reads the register of an entity %s', (_name, fields, expected) => {
    expect(deletionClockOf({ clocks: {}, ...fields })).toBe(expected);
  });
});
