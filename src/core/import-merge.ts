/**
 * Merging a file's copy of an issue into the stored copy, for import (restoring a backup, opening an
 * issue file). Last writer wins per field by hybrid logical clock, as in sync, with one difference
 * that matters to a person restoring a file: on a tie (equal clocks, typically both "never edited"
 * in a hand-written file) the stored value stays. Wherever the stored value stays although the file
 * says something else, a conflict is reported, so nothing is overwritten or ignored silently.
 *
 * Sections and items are joined by id: those only in the store stay, those only in the file are
 * added. An import never deletes or hides anything stored: a removal in the file is never applied to
 * an issue, section or item this device holds (it is reported as kept), while a restoration in the
 * file newer than the removal here does bring the entity back. A removal made here after the file
 * was written keeps the entity removed.
 */
import { ZERO_HLC, maxHlc } from './hlc.ts';
import type { Clocks, Hlc, Issue } from './model.ts';

/** A field where the stored value was kept although the file differs. */
export interface ImportConflict {
  /** `issue`, or the section or item in words, e.g. `item “Title”`. */
  where: string;
  /** The field name (`position` stands for the item's place: section and position). */
  field: string;
  kept: string;
  incoming: string;
}

export interface ImportMerge {
  merged: Issue;
  conflicts: ImportConflict[];
}

type Entity = { id: string; clocks: Clocks; deleted?: Hlc };
type Fields = Record<string, unknown>;

/** Not last-writer-wins fields: identity, bookkeeping, nested lists (merged by id), removal. */
const NOT_FIELDS = new Set(['id', 'clocks', 'deleted', 'sections', 'items']);
/** A move writes both at once; merging them apart would put an item in one move's section at another's place. */
const PLACE = ['position', 'sectionId'];

export function mergeIssueForImport(local: Issue, incoming: Issue): ImportMerge {
  if (local.id !== incoming.id) throw new RangeError(`cannot merge different issues ${local.id} and ${incoming.id}`);
  const conflicts: ImportConflict[] = [];
  const issue = mergeEntity(local, incoming, 'issue', conflicts);
  const sections = mergeById(local.sections, incoming.sections, (section) => `section “${section.name}”`, conflicts);
  const items = mergeById(local.items, incoming.items, (item) => `item “${item.title}”`, conflicts);
  const unchanged = issue === local && sameEntities(sections, local.sections) && sameEntities(items, local.items);
  return { merged: unchanged ? local : { ...issue, sections, items }, conflicts };
}

function sameEntities(merged: readonly Entity[], local: readonly Entity[]): boolean {
  return merged.length === local.length && merged.every((entity, i) => entity === local[i]);
}

function mergeById<T extends Entity>(local: readonly T[], incoming: readonly T[], name: (entity: T) => string,
  conflicts: ImportConflict[]): T[] {
  const fromFile = new Map(incoming.map((entity) => [entity.id, entity]));
  const localIds = new Set(local.map((entity) => entity.id));
  const merged = local.map((entity) => {
    const other = fromFile.get(entity.id);
    return other === undefined ? entity : mergeEntity(entity, other, name(entity), conflicts);
  });
  return [...merged, ...incoming.filter((entity) => !localIds.has(entity.id))];
}

/** Returns `local` itself when the file changes nothing, so callers can tell "unchanged" by identity. */
function mergeEntity<T extends Entity>(local: T, incoming: T, where: string, conflicts: ImportConflict[]): T {
  const changed: Fields = {};
  const clocks: Clocks = { ...local.clocks };
  for (const unit of fieldUnits(local, incoming)) {
    const localValues = unit.map((key) => field(local, key));
    const incomingValues = unit.map((key) => field(incoming, key));
    if (sameValue(localValues, incomingValues)) continue;
    if (unitClock(incoming, unit) > unitClock(local, unit)) {
      unit.forEach((key, i) => {
        changed[key] = incomingValues[i];
        const clock = incoming.clocks[key];
        if (clock === undefined) delete clocks[key];
        else clocks[key] = clock;
      });
    } else {
      conflicts.push({ where, field: unit[0] ?? '', kept: show(localValues), incoming: show(incomingValues) });
    }
  }
  const removal = mergeRemoval(local, incoming, where, conflicts);
  if (Object.keys(changed).length === 0 && removal === null) return local;
  const result: Fields = { ...local, ...changed, clocks };
  if (removal !== null) {
    delete result.deleted;
    if (removal.deleted !== undefined) result.deleted = removal.deleted;
    clocks.deleted = removal.clock;
  }
  return result as T;
}

/** The file's restoration when it is newer than the removal here; null to keep the stored state. */
function mergeRemoval(local: Entity, incoming: Entity, where: string, conflicts: ImportConflict[]):
  { deleted: Hlc | undefined; clock: Hlc } | null {
  const localRemoved = local.deleted !== undefined;
  if (localRemoved === (incoming.deleted !== undefined)) return null;
  const incomingClock = removalClock(incoming);
  if (localRemoved && incomingClock > removalClock(local)) return { deleted: undefined, clock: incomingClock };
  const state = (removed: boolean) => (removed ? 'removed' : 'present');
  conflicts.push({ where, field: 'removed', kept: state(localRemoved), incoming: state(!localRemoved) });
  return null;
}

function removalClock(entity: Entity): Hlc {
  return maxHlc(entity.clocks.deleted ?? ZERO_HLC, entity.deleted ?? ZERO_HLC);
}

function fieldUnits(a: Entity, b: Entity): string[][] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => !NOT_FIELDS.has(key)).sort();
  const place = PLACE.filter((key) => keys.includes(key));
  const rest = keys.filter((key) => !PLACE.includes(key)).map((key) => [key]);
  return place.length > 0 ? [place, ...rest] : rest;
}

function unitClock(entity: Entity, unit: readonly string[]): Hlc {
  return unit.reduce<Hlc>((latest, key) => maxHlc(latest, entity.clocks[key] ?? ZERO_HLC), ZERO_HLC);
}

function field(entity: Entity, key: string): unknown {
  return (entity as unknown as Fields)[key];
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function show(values: readonly unknown[]): string {
  return values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value) ?? '')).join(' · ');
}
