import { describe, expect, it } from 'vitest';
import { distrustFutureClocks, hasFutureClock, restampFutureClocks } from './clock-trust.ts';
import { MAX_CLOCK_SKEW_MS, formatHlc } from './hlc.ts';
import { latestClockOf, mergeIssues, normalizeIssue } from './merge.ts';
import { makeIssue, makeItem, makeSection } from './test-factories.ts';

const NOW = Date.UTC(2026, 10, 20);
const at = (ms: number, deviceId = 'a') => formatHlc({ ms, counter: 0, deviceId });
const HONEST = at(NOW - 60_000);
const WITHIN = at(NOW + MAX_CLOCK_SKEW_MS, 'fast');
const AHEAD = at(NOW + MAX_CLOCK_SKEW_MS + 1, 'fast');
const YEAR_2500 = at(Date.UTC(2500, 0, 1), 'evil');
const MAXIMUM = 'zzzzzzzzz:zzzz:evil';

describe('distrustFutureClocks', () => {
  it('leaves an issue whose clocks are all believable as it is', () => {
    const issue = makeIssue({ clocks: { title: HONEST, tagline: WITHIN } });
    expect(distrustFutureClocks(issue, NOW)).toEqual({ issue, ignored: 0 });
    expect(distrustFutureClocks(issue, NOW).issue).toBe(issue);
  });

  it.each([['a day and a millisecond ahead', AHEAD], ['the year 2500', YEAR_2500], ['the largest clock there is', MAXIMUM]])(
    'takes out every clock %s: fields, removals and restores, in the issue, its sections and its items', (_name, future) => {
      const issue = normalizeIssue(makeIssue({
        clocks: { title: future, tagline: HONEST },
        sections: [makeSection({ clocks: { name: future } }), makeSection({ id: 'gone', position: 'a1', deleted: future, clocks: { deleted: future } })],
        items: [makeItem({ clocks: { title: future, summary: HONEST } }), makeItem({ id: 'back', position: 'a1', clocks: { deleted: future } })],
      }));
      const { issue: screened, ignored } = distrustFutureClocks(issue, NOW);
      expect(ignored).toBe(5);
      expect(JSON.stringify(screened)).not.toContain(future);
      expect(screened.clocks).toEqual({ tagline: HONEST });
      expect(screened.sections.find((section) => section.id === 'gone')?.deleted).toBeUndefined();
      expect(screened.items.map((item) => item.clocks)).toEqual([{ summary: HONEST }, {}]);
      expect(hasFutureClock(issue, NOW)).toBe(true);
      expect(hasFutureClock(screened, NOW)).toBe(false);
    });

  // Issue 13, finding 4: a title stamped in the year 2500 brought the bad title back at every re-send.
  it('keeps such a value from winning over this device\u2019s, however often it arrives', () => {
    const mine = makeIssue({ title: 'Fixed by the editor', clocks: { title: HONEST } });
    const forged = makeIssue({ title: 'Bad title', clocks: { title: YEAR_2500 } });
    let stored = mine;
    for (let resend = 0; resend < 3; resend++) stored = mergeIssues(stored, distrustFutureClocks(forged, NOW).issue);
    expect(stored.title).toBe('Fixed by the editor');
    expect(latestClockOf(stored)).toBe(HONEST);
  });

  it('keeps the value where nothing competes: a new item is taken, without its clock', () => {
    const forged = makeIssue({ items: [makeItem({ id: 'new', title: 'From a fast device', clocks: { title: AHEAD } })] });
    const merged = mergeIssues(makeIssue({ items: [] }), distrustFutureClocks(forged, NOW).issue);
    expect(merged.items).toEqual([expect.objectContaining({ id: 'new', title: 'From a fast device', clocks: {} })]);
  });
});

describe('restampFutureClocks (this device\u2019s own data)', () => {
  it('stamps every clock too far ahead with the clock given, removals included, and leaves the rest', () => {
    const fresh = at(NOW, 'mine');
    const issue = makeIssue({
      clocks: { title: MAXIMUM, tagline: HONEST },
      items: [makeItem({ deleted: YEAR_2500, clocks: { deleted: YEAR_2500, summary: HONEST } })],
    });
    const { issue: healed, ignored } = restampFutureClocks(issue, NOW, fresh);
    expect(ignored).toBe(3);
    expect(healed.clocks).toEqual({ title: fresh, tagline: HONEST });
    expect(healed.items[0]).toMatchObject({ deleted: fresh, clocks: { deleted: fresh, summary: HONEST } });
    expect(restampFutureClocks(healed, NOW, fresh).issue).toBe(healed);
  });
});
