/**
 * The compact JSON layout of an issue for the sync area, made to compress well before it is
 * deflated: no repeated key names, one column per field (all titles together, all URLs together,
 * so deflate finds the shared words and URL prefixes), and every clock written once in a table,
 * each entity listing its clocks as [clock index, field indexes...] groups (an item added in one
 * edit has one group). Measured on seed-like items (src/sync/capacity.ts), deflated it takes a
 * fifth (30-item drafts) to a third (one 450-item draft) fewer bytes than the issue's own JSON deflated.
 *
 * Unpacking returns plain data for the schema to check; it only refuses a broken layout.
 */
import type { Clocks, Hlc, Issue, Item, Section } from './model.ts';
import { ISSUE_DATA_FIELDS, ITEM_DATA_FIELDS, SECTION_DATA_FIELDS } from './schema.ts';

export const PACK_LAYOUT_VERSION = 1;

const ISSUE_FIELDS = ISSUE_DATA_FIELDS;
const SECTION_FIELDS = SECTION_DATA_FIELDS;
/** The item's fields come from its schema, in its order, so a field added there is synced too. */
const ITEM_FIELDS = ITEM_DATA_FIELDS;

// A field added to the model must be added above, or the sync area would silently drop it.
type Assert<T extends true> = T;
type Covers<M, F> = [Exclude<keyof M, F | 'clocks' | 'deleted' | 'sections' | 'items'>] extends [never] ? true : false;
export type _PackCoversModel = Assert<Covers<Issue, (typeof ISSUE_FIELDS)[number]> & Covers<Section, (typeof SECTION_FIELDS)[number]>
  & Covers<Item, (typeof ITEM_FIELDS)[number]>>;

/** [layout, clock table, clock field names, issue row, section columns, item columns]. */
export type PackedIssue = [number, Hlc[], string[], unknown[], unknown[][], unknown[][]];

interface Entity { clocks: Clocks; deleted?: Hlc }

export function packIssue(issue: Issue): PackedIssue {
  const entities: Entity[] = [issue, ...issue.sections, ...issue.items];
  const clockTable = [...new Set(entities.flatMap(clocksOf))].sort();
  const fieldNames = [...new Set(entities.flatMap((entity) => Object.keys(entity.clocks)))].sort();
  const clockIndex = new Map(clockTable.map((clock, index) => [clock, index]));
  const fieldIndex = new Map(fieldNames.map((field, index) => [field, index]));
  const bookkeeping = (entity: Entity): unknown[] => [
    packClocks(entity.clocks, clockIndex, fieldIndex),
    entity.deleted === undefined ? null : clockIndex.get(entity.deleted),
  ];
  const columns = <T extends Entity>(list: readonly T[], fields: readonly (keyof T)[]): unknown[][] => {
    const extras = list.map(bookkeeping);
    return [...fields.map((field) => list.map((entity) => entity[field])), ...[0, 1].map((column) => extras.map((extra) => extra[column]))];
  };
  const issueRow = [...ISSUE_FIELDS.map((field) => issue[field]), ...bookkeeping(issue)];
  return [PACK_LAYOUT_VERSION, clockTable, fieldNames, issueRow, columns(issue.sections, SECTION_FIELDS),
    columns(issue.items, ITEM_FIELDS)];
}

/** The issue as plain data, still to be validated; throws on a layout it cannot read. */
export function unpackIssue(packed: unknown): unknown {
  if (!Array.isArray(packed) || packed.length !== 6) throw new Error('expected a packed issue of 6 parts');
  const [layout, clockTable, fieldNames, issueRow, sectionColumns, itemColumns] = packed as unknown[];
  if (layout !== PACK_LAYOUT_VERSION) throw new Error(`unknown packed issue layout ${String(layout)}`);
  const clocks = stringArray(clockTable, 'clock table');
  const fields = stringArray(fieldNames, 'clock field names');
  const row = array(issueRow, 'issue row');
  return {
    ...readEntity(ISSUE_FIELDS, row, clocks, fields),
    sections: readColumns(SECTION_FIELDS, sectionColumns, clocks, fields),
    items: readColumns(ITEM_FIELDS, itemColumns, clocks, fields),
  };
}

function clocksOf(entity: Entity): Hlc[] {
  const clocks = Object.values(entity.clocks).filter((clock) => clock !== undefined);
  return entity.deleted === undefined ? clocks : [...clocks, entity.deleted];
}

/** Groups of [clock index, ...indexes of the fields last edited at that clock]. */
function packClocks(clocks: Clocks, clockIndex: Map<Hlc, number>, fieldIndex: Map<string, number>): number[][] {
  const groups = new Map<number, number[]>();
  for (const [field, clock] of Object.entries(clocks)) {
    if (clock === undefined) continue;
    const index = clockIndex.get(clock) ?? -1;
    groups.set(index, [...(groups.get(index) ?? []), fieldIndex.get(field) ?? -1]);
  }
  return [...groups].sort(([a], [b]) => a - b).map(([index, fields]) => [index, ...fields.sort((a, b) => a - b)]);
}

function readColumns(names: readonly string[], input: unknown, clocks: readonly Hlc[], fields: readonly string[]): unknown[] {
  const columns = array(input, 'columns').map((column) => array(column, 'column'));
  if (columns.length !== names.length + 2) throw new Error(`expected ${names.length + 2} columns, got ${columns.length}`);
  const count = columns[0]?.length ?? 0;
  if (columns.some((column) => column.length !== count)) throw new Error('columns of different lengths');
  return Array.from({ length: count }, (_, index) => readEntity(names, columns.map((column) => column[index]), clocks, fields));
}

function readEntity(names: readonly string[], row: readonly unknown[], clocks: readonly Hlc[], fields: readonly string[]) {
  if (row.length !== names.length + 2) throw new Error(`expected a row of ${names.length + 2} values, got ${row.length}`);
  const entity: Record<string, unknown> = Object.fromEntries(names.map((name, index) => [name, row[index]]));
  entity.clocks = readClocks(row[names.length], clocks, fields);
  const deleted = row[names.length + 1];
  if (deleted !== null) entity.deleted = lookup(clocks, deleted, 'clock');
  return entity;
}

function readClocks(input: unknown, clocks: readonly Hlc[], fields: readonly string[]): Clocks {
  const result: Clocks = {};
  for (const group of array(input, 'clocks')) {
    const [clock, ...fieldIndexes] = array(group, 'clock group');
    const at = lookup(clocks, clock, 'clock');
    for (const field of fieldIndexes) result[lookup(fields, field, 'clock field')] = at;
  }
  return result;
}

function lookup(table: readonly string[], index: unknown, what: string): string {
  const value = typeof index === 'number' ? table[index] : undefined;
  if (value === undefined) throw new Error(`no ${what} number ${String(index)}`);
  return value;
}

function array(input: unknown, what: string): unknown[] {
  if (!Array.isArray(input)) throw new Error(`expected an array for the ${what}`);
  return input;
}

function stringArray(input: unknown, what: string): string[] {
  const values = array(input, what);
  if (!values.every((value) => typeof value === 'string')) throw new Error(`expected strings in the ${what}`);
  return values as string[];
}
