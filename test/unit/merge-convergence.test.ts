/**
 * Three replicas edit one issue with the real edit operations and their own hybrid logical clocks
 * (with skewed wall clocks), and exchange whole states over a network that reorders, duplicates
 * and drops them. After a final full exchange every replica must hold the same issue, every
 * field must hold its newest write, and nothing removed may be live again without a newer edit.
 * Then a device takes in copies with adversarial clocks (far future, the largest clock, removals a
 * month old) the way sync does, and must still make an edit that wins and converge with an honest device.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasFutureClock } from '../../src/core/clock-trust.ts';
import { MAX_CLOCK_SKEW_MS, MAX_HLC_COUNTER, ZERO_HLC, createClock, formatHlc, receiveHlc, tickHlc, type ClockState } from '../../src/core/hlc.ts';
import { addItem, addSection, createIssue, moveItem, moveSection, publishIssue, removeItem, removeSection, renameSection, restoreItem, updateIssueFields, updateItem, type NewItem } from '../../src/core/issue-ops.ts';
import { liveItems, liveSections } from '../../src/core/live-parts.ts';
import { viewIssue } from '../../src/core/issue-view.ts';
import { latestClockOf, mergeIssues } from '../../src/core/merge.ts';
import type { Hlc, Issue, Item, Section } from '../../src/core/model.ts';
import { mergeReceivedIssue, screenIncomingIssue } from '../../src/core/receive-issue.ts';
import { parseIssue } from '../../src/core/schema.ts';
import { makeItem } from '../../src/core/test-factories.ts';

const START_MS = Date.UTC(2026, 10, 1);
/** Item edits are the common case, so they come up more often (a name may repeat to weigh more). */
const OPS = ['addItem', 'updateItem', 'updateItem', 'moveItem', 'moveItem', 'removeItem', 'restoreItem', 'restoreItem',
  'addSection', 'renameSection', 'moveSection', 'removeSection', 'updateIssueFields', 'publishIssue'] as const;

type Step =
  | { kind: 'edit'; replica: number; op: (typeof OPS)[number]; pick: number; pick2: number; advanceMs: number }
  | { kind: 'send'; from: number }
  | { kind: 'deliver'; message: number; to: number };

const replicaArb = fc.integer({ min: 0, max: 2 });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), replica: replicaArb, op: fc.constantFrom(...OPS),
    pick: fc.nat(20), pick2: fc.nat(20), advanceMs: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('send' as const), from: replicaArb }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('deliver' as const), message: fc.nat(50), to: replicaArb }) },
);
/** Wall clocks disagree by up to a few ms, so a later edit may carry an earlier physical time. */
const skewsArb = fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 5 }));

/** One write to one register of one entity, with what the register held right after it. */
interface Write {
  entity: string;
  register: string;
  at: Hlc;
  value: string;
}

interface Replica {
  clock: ClockState;
  issue: Issue;
  nextId: number;
}

/** Registers as the merge sees them: placement is one register, the deletion another. */
function registerOf(field: string): string {
  return field === 'position' || field === 'sectionId' ? 'placement' : field;
}

type Entity = Issue | Section | Item;

function registerValue(entity: Entity, register: string): string {
  const fields: Record<string, unknown> = { ...entity };
  if (register === 'placement') return JSON.stringify([fields.sectionId, fields.position]);
  return JSON.stringify(register === 'deleted' ? entity.deleted !== undefined : fields[register]);
}

function entitiesOf(issue: Issue): [string, Entity][] {
  return [
    ['issue', issue],
    ...issue.sections.map((section): [string, Entity] => [`section:${section.id}`, section]),
    ...issue.items.map((item): [string, Entity] => [`item:${item.id}`, item]),
  ];
}

/** The writes an edit made: every clock that now holds the edit's clock. */
function writesOf(issue: Issue, at: Hlc): Write[] {
  return entitiesOf(issue).flatMap(([entity, value]) => Object.entries(value.clocks)
    .filter(([, clock]) => clock === at)
    .map(([field]) => ({ entity, register: registerOf(field), at, value: registerValue(value, registerOf(field)) })));
}

function newItem(id: string, title: string): NewItem {
  const { sectionId: _sectionId, position: _position, clocks: _clocks, ...fields } = makeItem({ id, title });
  return fields;
}

function applyEdit(replica: Replica, step: Extract<Step, { kind: 'edit' }>, id: number, at: Hlc): Issue {
  const { issue } = replica;
  const sections = liveSections(issue);
  const items = liveItems(issue);
  const section = sections[step.pick % Math.max(1, sections.length)];
  const item = items[step.pick % Math.max(1, items.length)];
  const liveSectionIds = new Set(sections.map((candidate) => candidate.id));
  const restorable = issue.items.filter((candidate) => candidate.deleted !== undefined && liveSectionIds.has(candidate.sectionId));
  const removed = restorable[step.pick % Math.max(1, restorable.length)];
  const text = `${step.op} ${at}`;
  const need = <T,>(value: T | undefined): T => { if (value === undefined) throw new Error('nothing to edit'); return value; };
  switch (step.op) {
    case 'addItem': return addItem(issue, newItem(`i${id}`, text), { sectionId: need(section).id, at });
    case 'updateItem': return updateItem(issue, need(item).id, [{ title: text }, { summary: text }, { note: text }][step.pick2 % 3] ?? {}, at);
    case 'moveItem': return moveItem(issue, need(item).id, { sectionId: need(sections[step.pick2 % sections.length]).id, index: step.pick2 % 4 }, at);
    case 'removeItem': return removeItem(issue, need(item).id, at);
    case 'restoreItem': return restoreItem(issue, need(removed).id, at);
    case 'addSection': return addSection(issue, { id: `s${id}`, name: text, at, ...(section ? { after: section.id } : {}) });
    case 'renameSection': return renameSection(issue, need(section).id, text, at);
    case 'moveSection': return moveSection(issue, need(section).id, { index: step.pick2 % 4 }, at);
    case 'removeSection': return removeSection(issue, need(section).id, at);
    case 'updateIssueFields': return updateIssueFields(issue, [{ title: text }, { intro: text }, { number: 1 + step.pick2 }][step.pick2 % 3] ?? {}, at);
    case 'publishIssue': return publishIssue(issue, '2026-11-20T10:00:00.000Z', at);
  }
}

/** `onMerged` sees every state a merge produced, the intermediate ones included. */
function simulate(steps: readonly Step[], skews: readonly number[], onMerged: (issue: Issue) => void = () => undefined) {
  let nowMs = START_MS;
  const baseClock = tickHlc(createClock('r0'), nowMs);
  let base = createIssue({ id: 'issue', number: 1, title: 'Issue', sectionNames: ['A', 'B', 'C'], intro: '', outro: '',
    createdAt: '2026-11-01T00:00:00.000Z', at: baseClock.hlc, makeId: (() => { let n = 0; return () => `base${++n}`; })() });
  for (const [index, section] of base.sections.entries()) {
    for (const n of [1, 2]) base = addItem(base, newItem(`base-item-${index}-${n}`, 'Base'), { sectionId: section.id, at: baseClock.hlc });
  }
  const writes: Write[] = writesOf(base, baseClock.hlc);
  const replicas: Replica[] = [0, 1, 2].map((index) => ({
    clock: index === 0 ? baseClock.state : receiveHlc(createClock(`r${index}`), baseClock.hlc, nowMs).state,
    issue: base, nextId: index * 1000,
  }));
  const network: Issue[] = [];
  const replicaAt = (index: number) => replicas[index] as Replica;
  const receive = (index: number, incoming: Issue) => {
    const replica = replicaAt(index);
    replica.clock = receiveHlc(replica.clock, latestClockOf(incoming), nowMs + (skews[index] ?? 0)).state;
    replica.issue = mergeIssues(replica.issue, incoming);
    onMerged(replica.issue);
  };

  for (const step of steps) {
    if (step.kind === 'send') network.push(replicaAt(step.from).issue);
    if (step.kind === 'deliver' && network.length > 0) receive(step.to, network[step.message % network.length] as Issue);
    if (step.kind !== 'edit') continue;
    nowMs += step.advanceMs;
    const replica = replicaAt(step.replica);
    const tick = tickHlc(replica.clock, nowMs + (skews[step.replica] ?? 0));
    replica.clock = tick.state;
    try {
      replica.issue = applyEdit(replica, step, ++replica.nextId, tick.hlc);
      writes.push(...writesOf(replica.issue, tick.hlc));
    } catch {
      // The random edit did not apply here (nothing live to edit, a restore into a removed section): skip it.
    }
  }
  // Full exchange: everything into replica 0, then replica 0 to the others.
  for (const index of [1, 2]) receive(0, replicaAt(index).issue);
  for (const index of [1, 2]) receive(index, replicaAt(0).issue);
  return { replicas: replicas.map((replica) => replica.issue), writes };
}

/** The newest write of every register, keyed `entity/register`. */
function newestWrites(writes: readonly Write[]): Map<string, Write> {
  const newest = new Map<string, Write>();
  for (const write of writes) {
    const key = `${write.entity}/${write.register}`;
    const seen = newest.get(key);
    if (seen === undefined || write.at > seen.at) newest.set(key, write);
  }
  return newest;
}

const stepsArb = fc.array(stepArb, { minLength: 10, maxLength: 100 });

describe('merge convergence across three replicas', () => {
  it('converges to one valid issue after a full exchange', () => {
    fc.assert(fc.property(stepsArb, skewsArb, (steps, skews) => {
      const { replicas: [first, ...others] } = simulate(steps, skews);
      for (const other of others) expect(JSON.stringify(other)).toBe(JSON.stringify(first));
      expect(parseIssue(first).ok).toBe(true);
    }), { numRuns: 200 });
  }, 60_000);

  it('keeps the newest write of every field', () => {
    fc.assert(fc.property(stepsArb, skewsArb, (steps, skews) => {
      const { replicas: [final], writes } = simulate(steps, skews);
      const entities = new Map(entitiesOf(final as Issue));
      for (const write of newestWrites(writes).values()) {
        if (write.register === 'deleted') continue;
        const entity = entities.get(write.entity);
        expect(entity, write.entity).toBeDefined();
        if (entity === undefined) continue;
        expect(registerValue(entity, write.register), `${write.entity}/${write.register}`).toBe(write.value);
      }
    }), { numRuns: 200 });
  }, 60_000);

  it('shows every live item exactly once in the view, also in a section removed while it was added ("add wins")', () => {
    let liveInRemovedSections = 0;
    fc.assert(fc.property(stepsArb, skewsArb, (steps, skews) => {
      simulate(steps, skews, (merged) => {
        const removedSections = new Set(merged.sections.filter((section) => section.deleted !== undefined).map((section) => section.id));
        const live = merged.items.filter((candidate) => candidate.deleted === undefined);
        liveInRemovedSections += live.filter((candidate) => removedSections.has(candidate.sectionId)).length;
        const shown = viewIssue(merged).sections.flatMap((section) => section.items.map((shownItem) => shownItem.id));
        expect(shown.toSorted()).toEqual(live.map((candidate) => candidate.id).toSorted());
      });
    }), { numRuns: 200 });
    // The case this is about did come up: items live in sections another replica had removed.
    expect(liveInRemovedSections).toBeGreaterThan(0);
  }, 60_000);

  it('brings nothing removed back without a newer edit, and keeps restores and newer edits', () => {
    fc.assert(fc.property(stepsArb, skewsArb, (steps, skews) => {
      const { replicas: [final], writes } = simulate(steps, skews);
      const newest = newestWrites(writes);
      for (const [entity, value] of entitiesOf(final as Issue)) {
        const deletion = newest.get(`${entity}/deleted`);
        if (deletion === undefined) continue;
        const restored = deletion.value === 'false';
        const newerEdit = [...newest.values()].some((write) => write.entity === entity && write.register !== 'deleted' && write.at > deletion.at);
        expect(value.deleted === undefined, `${entity} live`).toBe(restored || newerEdit);
      }
    }), { numRuns: 200 });
  }, 60_000);
});

// --- adversarial clocks (issue 13) ---------------------------------------------------------------

const DAY_MS = 24 * 60 * 60 * 1000;
/** Clocks another device or a forger may send: far past, a month slow, honest, a little and far ahead, the last there is. */
const hostileClockArb = fc.oneof(
  fc.constantFrom('zzzzzzzzz:zzzz:evil', 'zzzzzzzzz:zzzy:evil', formatHlc({ ms: Date.UTC(2500, 0, 1), counter: 0, deviceId: 'evil' }), ZERO_HLC),
  fc.record({
    offset: fc.constantFrom(-400 * DAY_MS, -40 * DAY_MS, -29 * DAY_MS, -1, 0, 1, 3_600_000, MAX_CLOCK_SKEW_MS, MAX_CLOCK_SKEW_MS + 1, 2 * MAX_CLOCK_SKEW_MS),
    counter: fc.constantFrom(0, 1, MAX_HLC_COUNTER),
    deviceId: fc.constantFrom('evil', 'fast', 'slow', 'r0'),
  }).map(({ offset, counter, deviceId }) => formatHlc({ ms: Math.max(0, START_MS + offset), counter, deviceId })),
);

/** A copy of `base` as a hostile or broken device may send it: any field, removal or restore stamped with any clock. */
const hostileCopyArb = fc.record({
  title: fc.constantFrom('Forged title', 'Issue'),
  titleClock: hostileClockArb,
  issueRemoval: fc.option(hostileClockArb, { nil: undefined }),
  items: fc.array(fc.record({ pick: fc.nat(5), clock: hostileClockArb, removed: fc.boolean(), title: fc.constantFrom('Forged', 'Base') }), { maxLength: 6 }),
  sections: fc.array(fc.record({ pick: fc.nat(2), clock: hostileClockArb, removed: fc.boolean() }), { maxLength: 3 }),
}).map((spec) => (base: Issue): Issue => {
  const removal = (removed: boolean, clock: Hlc) => (removed ? { deleted: clock } : {});
  const items = base.items.map((item, index) => {
    const change = spec.items.find((candidate) => candidate.pick % base.items.length === index);
    if (change === undefined) return item;
    return { ...item, title: change.title, clocks: { ...item.clocks, title: change.clock, deleted: change.clock }, ...removal(change.removed, change.clock) };
  });
  const sections = base.sections.map((section, index) => {
    const change = spec.sections.find((candidate) => candidate.pick % base.sections.length === index);
    return change === undefined ? section : { ...section, clocks: { ...section.clocks, deleted: change.clock }, ...removal(change.removed, change.clock) };
  });
  return {
    ...base, title: spec.title, sections, items,
    clocks: { ...base.clocks, title: spec.titleClock, ...(spec.issueRemoval ? { deleted: spec.issueRemoval } : {}) },
    ...(spec.issueRemoval ? { deleted: spec.issueRemoval } : {}),
  };
});

interface Receiver {
  clock: ClockState;
  issue: Issue;
}

/** What sync does with another device's copy: screen it, move the clock past it, then merge (core/receive-issue.ts). */
function receive(device: Receiver, incoming: Issue, nowMs: number): void {
  const screened = screenIncomingIssue(incoming, nowMs);
  device.clock = receiveHlc(device.clock, screened.latest, nowMs).state;
  const { merged } = mergeReceivedIssue(device.issue, screened.issue, nowMs);
  if (merged !== null && parseIssue(merged).ok) device.issue = merged;
}

describe('merges of records with adversarial clocks', () => {
  it('leave this device able to make an edit that wins over everything it holds, and an honest device converges with it', () => {
    const { replicas: [base] } = simulate([], [0, 0, 0]);
    fc.assert(fc.property(fc.array(fc.tuple(hostileCopyArb, fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 12 }),
      fc.boolean(), (copies, honestEditsFirst) => {
        let nowMs = START_MS + 1_000;
        const device: Receiver = { clock: receiveHlc(createClock('device'), latestClockOf(base as Issue), nowMs).state, issue: base as Issue };
        for (const [copy, advanceMs] of copies) {
          nowMs += advanceMs;
          receive(device, copy(device.issue), nowMs);
          expect(parseIssue(device.issue).ok).toBe(true);
        }
        // Nothing it holds runs more than the skew ahead, and its clock still ticks.
        expect(hasFutureClock(device.issue, nowMs)).toBe(false);
        const honest: Receiver = { clock: receiveHlc(createClock('honest'), latestClockOf(base as Issue), nowMs).state, issue: base as Issue };
        if (honestEditsFirst) {
          const tick = tickHlc(honest.clock, nowMs);
          honest.clock = tick.state;
          honest.issue = updateIssueFields(honest.issue, { intro: 'From the honest device' }, tick.hlc);
        }
        const edit = tickHlc(device.clock, nowMs);
        device.clock = edit.state;
        expect(edit.hlc > latestClockOf(device.issue)).toBe(true);
        device.issue = updateIssueFields(device.issue, { title: 'The editor\u2019s title' }, edit.hlc);

        receive(honest, device.issue, nowMs);
        receive(device, honest.issue, nowMs);
        receive(honest, device.issue, nowMs);
        expect(JSON.stringify(honest.issue)).toBe(JSON.stringify(device.issue));
        expect(device.issue.title).toBe('The editor\u2019s title');
        if (honestEditsFirst) expect(device.issue.intro).toBe('From the honest device');
      }), { numRuns: 100 });
  }, 60_000);
});
