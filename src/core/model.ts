/**
 * Roundup's data model: issues, their sections and their items.
 *
 * Designed for sync from day one (see README.md, "Sync across your devices"):
 * - every entity has a stable random id;
 * - order is a fractional-index position key (a string compared with `<`), never an array index,
 *   so two devices that reorder concurrently still agree after a merge;
 * - an item's section is a field (`sectionId`), so "moved to another section" is one field edit;
 * - every mergeable field may carry a hybrid logical clock in `clocks`, so a later merge can be
 *   last-writer-wins per field; a missing clock is the zero clock (older than any edit);
 * - deletion is a tombstone (`deleted` holds the clock of the deletion), not removal.
 *
 * Items are stored flat on the issue (not nested in sections) for the same reason: moving an item
 * must not be a delete in one place and an insert in another.
 */

import type { HouseStyle } from './house-style.ts';

/** Hybrid logical clock, `ms(base36, 9 digits):counter(base36, 4 digits):deviceId`; compares as a string. */
export type Hlc = string;

/** Clock per field name; absent means "never edited since import" (the zero clock). */
export type Clocks = Partial<Record<string, Hlc>>;

export const ITEM_KINDS = ['article', 'paper', 'repo', 'video'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const ISSUE_STATUSES = ['draft', 'published'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

/** How `{date}` is written: an Intl.DateTimeFormat `dateStyle`, or `iso`. */
export const DATE_FORMATS = ['iso', 'short', 'medium', 'long', 'full'] as const;
type DateFormat = (typeof DATE_FORMATS)[number];

// The item, its section, its issue and the settings are declared once, as the valibot schemas that check them
// (schema.ts). Only the types come back here (erased at run time), so schema.ts may import model.ts's constants
// without a cycle and pages that only read the model do not load valibot.
export type { Issue, Item, Section, Settings } from './schema.ts';

/**
 * The settings of a new install, and of each setting a file leaves out. Its type is inferred, not written as
 * `Settings`: the settings schema (schema.ts) takes its defaults from here and `Settings` is derived from that
 * schema, so the annotation would be circular; schema.ts proves the two types are the same.
 */
export const DEFAULT_SETTINGS = {
  newsletterName: 'My Newsletter',
  titlePattern: '{name}: Issue #{number}',
  defaultSections: ['Industry', 'Learning', 'Libraries & Code', 'Papers & Publications'],
  introTemplate: '',
  outroTemplate: '',
  summaryLength: 300,
  dateFormat: 'long' as DateFormat,
  keepTrackingParameters: false,
  // Written out rather than imported, so pages that only read the model do not load house-style.ts's validation.
  houseStyle: { preset: 'heading', templates: {} } as HouseStyle,
};
