/**
 * The clock rule for data from outside (README, "Sync across your devices"): a clock more than a day
 * ahead of this device's wall clock (hlc.ts `isClockAhead`) is not believed, wherever it sits in a record
 * (a field, a removal, a restore, a record's head). Such a clock carries no weight: its value is kept
 * only where nothing else competes (a new issue, item or field), never over what this device holds, and it
 * never moves this device's clock. A re-sent copy is judged the same way again, so a forged or broken
 * clock can neither revert an editor's fix nor wedge the clock ("clock exhausted").
 *
 * This device's own stored data is healed instead (`restampFutureClocks`): a clock of its own that ran
 * ahead (saved before this rule, or while the wall clock was wrong) is stamped anew with a current
 * clock, so the edit counts as made now rather than being lost.
 */
import { isClockAhead } from './hlc.ts';
import type { Clocks, Hlc, Issue } from './model.ts';

type Entity = { clocks: Clocks; deleted?: Hlc };

export interface ScreenedIssue {
  issue: Issue;
  /** How many clocks were too far ahead to believe. */
  ignored: number;
}

/**
 * The issue with every clock too far ahead of `nowMs` taken out: the field keeps its value without a
 * clock (older than any edit), and a removal or restore stamped that far ahead is not one.
 * Expects a canonical issue (merge.ts `normalizeIssue`), whose `clocks.deleted` is its removal's clock.
 */
export function distrustFutureClocks(issue: Issue, nowMs: number): ScreenedIssue {
  let ignored = 0;
  const screen = <T extends Entity>(entity: T): T => {
    const ahead = Object.entries(entity.clocks).filter(([, clock]) => clock !== undefined && isClockAhead(clock, nowMs));
    const removalAhead = entity.deleted !== undefined && isClockAhead(entity.deleted, nowMs);
    if (ahead.length === 0 && !removalAhead) return entity;
    ignored += ahead.length + (removalAhead && !ahead.some(([field]) => field === 'deleted') ? 1 : 0);
    const clocks: Clocks = Object.fromEntries(Object.entries(entity.clocks).filter(([field]) => !ahead.some(([name]) => name === field)));
    const { deleted, ...rest } = entity;
    // A removal whose clock is not believed is no removal; a believed one keeps its register clock.
    if (removalAhead || deleted === undefined) {
      delete clocks.deleted;
      return { ...rest, clocks } as T;
    }
    return { ...rest, clocks, deleted } as T;
  };
  return { issue: mapEntities(issue, screen), ignored };
}

/** This device's own issue with every clock too far ahead of `nowMs` stamped `at` (a current clock). */
export function restampFutureClocks(issue: Issue, nowMs: number, at: Hlc): ScreenedIssue {
  let restamped = 0;
  const restamp = <T extends Entity>(entity: T): T => {
    let changed = false;
    const clocks: Clocks = {};
    for (const [field, clock] of Object.entries(entity.clocks)) {
      const ahead = clock !== undefined && isClockAhead(clock, nowMs);
      if (ahead) restamped += 1;
      changed ||= ahead;
      clocks[field] = ahead ? at : clock;
    }
    const removalAhead = entity.deleted !== undefined && isClockAhead(entity.deleted, nowMs);
    if (removalAhead) {
      restamped += 1;
      clocks.deleted = at;
    }
    if (!changed && !removalAhead) return entity;
    return { ...entity, clocks, ...(removalAhead ? { deleted: at } : {}) };
  };
  return { issue: mapEntities(issue, restamp), ignored: restamped };
}

/** Whether any clock of the issue is too far ahead of `nowMs`: a cheap check before healing. */
export function hasFutureClock(issue: Issue, nowMs: number): boolean {
  return [issue, ...issue.sections, ...issue.items].some((entity) =>
    (entity.deleted !== undefined && isClockAhead(entity.deleted, nowMs))
    || Object.values(entity.clocks).some((clock) => clock !== undefined && isClockAhead(clock, nowMs)));
}

function mapEntities(issue: Issue, change: <T extends Entity>(entity: T) => T): Issue {
  const head = change(issue);
  const sections = issue.sections.map((section) => change(section));
  const items = issue.items.map((item) => change(item));
  const same = head === issue && sections.every((section, i) => section === issue.sections[i]) && items.every((item, i) => item === issue.items[i]);
  return same ? issue : { ...head, sections, items };
}
