import { describe, expect, it } from 'vitest';
import { ZERO_HLC, formatHlc } from './hlc.ts';
import type { Issue } from './model.ts';
import { parseIssue } from './schema.ts';
import { makeIssue, makeItem, makeSection } from './test-factories.ts';
import {
  TOMBSTONE_COLLECT_AGE_MS, TOMBSTONE_LIFETIME_MS, collectIssueTombstones, collectTombstones, deletionClockOf, dropStaleRemovals,
  restoreClockFor,
} from './tombstones.ts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 26);
const daysAgo = (days: number) => formatHlc({ ms: NOW - days * DAY, counter: 0, deviceId: 'a' });
const removedAt = (at: string) => ({ deleted: at, clocks: { deleted: at } });

/** Section s1 with items old (removed 61 days ago), recent (removed 59 days ago) and live. */
function issueWithTombstones(): Issue {
  return makeIssue({
    sections: [makeSection({ id: 's1' }), makeSection({ id: 's2', position: 'a1', ...removedAt(daysAgo(70)) })],
    items: [
      makeItem({ id: 'old', sectionId: 's1', ...removedAt(daysAgo(61)) }),
      makeItem({ id: 'recent', sectionId: 's1', ...removedAt(daysAgo(59)) }),
      makeItem({ id: 'live', sectionId: 's1' }),
    ],
  });
}

describe('collectTombstones', () => {
  it('removes tombstones older than 60 days (twice the lifetime) and keeps younger ones and live data', () => {
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
      sections: [makeSection({ id: 's1', ...removedAt(daysAgo(90)) })],
      items: [makeItem({ id: 'edited-later', sectionId: 's1', clocks: { title: daysAgo(89) } })],
    });
    const collected = collectTombstones(issue, NOW);
    expect(collected.sections.map((section) => section.id)).toEqual(['s1']);
    expect(parseIssue(collected).ok).toBe(true);
  });

  it('returns the same object when there is nothing to collect', () => {
    const issue = makeIssue();
    expect(collectTombstones(issue, NOW)).toBe(issue);
  });

  it('promises a lifetime of 30 days and collects at twice that, so a removal that arrives just within the lifetime stays restorable as long', () => {
    expect(TOMBSTONE_LIFETIME_MS).toBe(30 * DAY);
    expect(TOMBSTONE_COLLECT_AGE_MS).toBe(2 * TOMBSTONE_LIFETIME_MS);
    const arrivedJustInTime = makeIssue({ items: [makeItem({ id: 'x', ...removedAt(daysAgo(30)) })] });
    expect(dropStaleRemovals(arrivedJustInTime, NOW)?.items.map((item) => item.id)).toEqual(['x']);
    const aLifetimeLater = NOW + TOMBSTONE_LIFETIME_MS - 1;
    expect(collectTombstones(arrivedJustInTime, aLifetimeLater).items.map((item) => item.id)).toEqual(['x']);
  });
});

describe('collectIssueTombstones', () => {
  it('drops issues removed long ago and collects inside the others', () => {
    const issues = [
      makeIssue({ id: 'gone', ...removedAt(daysAgo(61)) }),
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

describe('dropStaleRemovals (another device\u2019s copy, before it is merged)', () => {
  it('takes out removals older than the lifetime, keeping younger ones and live data', () => {
    const incoming = makeIssue({
      sections: [makeSection({ id: 's1' }), makeSection({ id: 'gone', position: 'a1', ...removedAt(daysAgo(40)) })],
      items: [
        makeItem({ id: 'stale', sectionId: 's1', ...removedAt(daysAgo(40)) }),
        makeItem({ id: 'fresh', sectionId: 's1', ...removedAt(daysAgo(29)) }),
        makeItem({ id: 'live', sectionId: 's1' }),
      ],
    });
    const screened = dropStaleRemovals(incoming, NOW);
    expect(screened?.items.map((item) => item.id)).toEqual(['fresh', 'live']);
    expect(screened?.sections.map((section) => section.id)).toEqual(['s1']);
  });

  it('drops a whole issue removed longer ago than the lifetime, and keeps one removed recently', () => {
    expect(dropStaleRemovals(makeIssue(removedAt(daysAgo(31))), NOW)).toBeNull();
    expect(dropStaleRemovals(makeIssue(removedAt(daysAgo(29))), NOW)).not.toBeNull();
  });
});

describe('restoreClockFor', () => {
  it.each([
    ['a removal this device\u2019s clock has passed', daysAgo(1), daysAgo(0), daysAgo(0)],
    ['a removal stamped later than this device\u2019s clock', formatHlc({ ms: NOW + 5, counter: 0, deviceId: 'fast' }), formatHlc({ ms: NOW, counter: 0, deviceId: 'a' }),
      formatHlc({ ms: NOW + 5, counter: 1, deviceId: 'a' })],
  ])('wins over %s', (_name, removal, at, expected) => {
    expect(restoreClockFor(at, removal)).toBe(expected);
    expect(restoreClockFor(at, removal) > removal).toBe(true);
  });
});
