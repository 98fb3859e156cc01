/**
 * The merge of two replicas of an issue (README.md, "Sync across your devices"): last writer wins
 * per field by hybrid logical clock, sections and items are joined by id, order comes from their
 * position keys, deletions are tombstones. The merge is commutative, associative and idempotent
 * (see merge.test.ts), so replicas that exchange states in any order, with duplicates, converge.
 *
 * Deletion is a register of its own: `clocks.deleted` is the clock of the last removal or restore,
 * and `deleted` says which it was. An entity is shown deleted only while that clock is newer than
 * every field clock, so an edit made after (or concurrently with, but later than) a removal brings
 * the entity back: no edit is lost to a removal it never saw. That is the only way back.
 *
 * The result is canonical (keys sorted, sections and items sorted by position then id), so two
 * replicas holding the same state also produce the same JSON, and a mirror can skip equal writes.
 */
import { ZERO_HLC, maxHlc } from './hlc.ts';
import type { Clocks, Hlc, Issue } from './model.ts';
import { compareByPosition } from './live-parts.ts';
import { deletionClockOf } from './tombstones.ts';

type Entity = { id: string; clocks: Clocks; deleted?: Hlc };
type Positioned = Entity & { position: string };

/** Keys that are not last-writer-wins fields: bookkeeping and the nested lists. */
const NOT_FIELDS = new Set(['clocks', 'deleted', 'sections', 'items']);

export function mergeIssues(a: Issue, b: Issue): Issue {
  if (a.id !== b.id) throw new RangeError(`cannot merge different issues ${a.id} and ${b.id}`);
  const sections = mergeById(a.sections, b.sections);
  const items = mergeById(a.items, b.items);
  // An edit anywhere inside a removed issue is newer work on it, so it brings the issue back.
  const nestedLatest = [...sections, ...items].reduce((latest, entity) => maxHlc(latest, latestClockOfEntity(entity)), ZERO_HLC);
  const { clocks, deleted, ...fields } = mergeEntity(a, b, nestedLatest);
  return { ...fields, sections, items, clocks, ...(deleted === undefined ? {} : { deleted }) };
}

/** Both sets joined by issue id; the result is sorted by id. */
export function mergeIssueSets(a: readonly Issue[], b: readonly Issue[]): Issue[] {
  const byId = new Map<string, Issue>();
  for (const issue of [...a, ...b]) byId.set(issue.id, mergeIssues(byId.get(issue.id) ?? issue, issue));
  return [...byId.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/** The canonical form of one replica: what merging it with itself gives. */
export function normalizeIssue(issue: Issue): Issue {
  return mergeIssues(issue, issue);
}

/** The newest clock anywhere in the issue: when it was last edited, on any device. */
export function latestClockOf(issue: Issue): Hlc {
  return [...issue.sections, ...issue.items].reduce(
    (latest, entity) => maxHlc(latest, latestClockOfEntity(entity)), latestClockOfEntity(issue));
}

function latestClockOfEntity(entity: Entity): Hlc {
  return Object.values(entity.clocks).reduce<Hlc>((latest, clock) => maxHlc(latest, clock ?? ZERO_HLC), deletionClockOf(entity));
}

function mergeById<T extends Positioned>(a: readonly T[], b: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const entity of [...a, ...b]) byId.set(entity.id, mergeEntity(byId.get(entity.id) ?? entity, entity, ZERO_HLC));
  return [...byId.values()].sort(compareByPosition);
}

/**
 * Where an item sits is one register, not two fields: a move to another section writes both
 * `sectionId` and `position`, a reorder within the section only `position`; merging them apart
 * would put the item in one move's section at the other move's place. The newest move wins whole.
 */
const FIELD_GROUPS: readonly (readonly string[])[] = [['position', 'sectionId']];

/** `otherLatest`: clocks outside the entity's own fields that also count as edits of it. */
function mergeEntity<T extends Entity>(a: T, b: T, otherLatest: Hlc): T {
  const fields: Record<string, unknown> = {};
  const clocks: Clocks = {};
  for (const unit of fieldUnits(a, b)) {
    const clockA = unitClock(a, unit);
    const clockB = unitClock(b, unit);
    const fromA = clockA > clockB || (clockA === clockB && canonicalJson(a, unit) >= canonicalJson(b, unit));
    const winner: Record<string, unknown> & Entity = fromA ? a : b;
    for (const key of unit) {
      if (winner[key] !== undefined) fields[key] = winner[key];
      const clock = winner.clocks[key];
      if (clock !== undefined && clock !== ZERO_HLC) clocks[key] = clock;
    }
  }
  const latestEdit = Object.values(clocks).reduce<Hlc>((latest, clock) => maxHlc(latest, clock ?? ZERO_HLC), otherLatest);
  const deletionA = deletionClockOf(a);
  const deletionB = deletionClockOf(b);
  const deletion = maxHlc(deletionA, deletionB);
  // Equal clocks are the same event seen twice; if either side saw it as a removal, it was one.
  const removed = deletionA === deletionB
    ? a.deleted !== undefined || b.deleted !== undefined
    : (deletionA > deletionB ? a : b).deleted !== undefined;
  if (deletion !== ZERO_HLC) clocks.deleted = deletion;
  const merged = { ...fields, clocks, ...(removed && deletion > latestEdit ? { deleted: deletion } : {}) };
  return merged as unknown as T;
}

/**
 * Every field of either side, in sorted order, grouped into registers. A clock names a field only when
 * that field exists: clocks for names no entity has (a forged copy may carry hundreds) are dropped, so
 * a merge never holds more clocks than the entity has fields, whatever either side carried.
 */
function fieldUnits(a: Entity, b: Entity): string[][] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((key) => !NOT_FIELDS.has(key))
    .sort();
  const grouped = new Set(FIELD_GROUPS.flat());
  const groups = FIELD_GROUPS.map((group) => group.filter((key) => keys.includes(key))).filter((group) => group.length > 0);
  return [...groups, ...keys.filter((key) => !grouped.has(key)).map((key) => [key])];
}

function unitClock(entity: Entity, unit: readonly string[]): Hlc {
  return unit.reduce<Hlc>((latest, key) => maxHlc(latest, entity.clocks[key] ?? ZERO_HLC), ZERO_HLC);
}

/** A total order on a register's values for clock ties (only unclocked or forged data ties). */
function canonicalJson(entity: Record<string, unknown> & Entity, unit: readonly string[]): string {
  // 0 stands for "absent", which must differ from every value, null included, to keep this injective.
  return JSON.stringify(unit.map((key) => [entity[key] === undefined ? 0 : [entity[key]], entity.clocks[key] ?? 0]));
}
