/**
 * Validation at the boundary (everything that crosses one is validated): whatever comes from a file, storage or the
 * sync area is parsed here once into the model's types; code inside trusts them.
 * Values are kept exactly as given (no trimming): a round trip through a file must not edit
 * anyone's text. Lengths are bounded only to refuse garbage, far above any real newsletter.
 */
import * as v from 'valibot';
import { HLC_PATTERN } from './hlc.ts';
import { houseStyleSchema } from './house-style.ts';
import { DATE_FORMATS, DEFAULT_SETTINGS, ISSUE_STATUSES, ITEM_KINDS } from './model.ts';
import type { Clocks } from './model.ts';
import { isPositionKey } from './position.ts';
import { describeValue, formatValidationIssue } from './validation-message.ts';

export { LIMITS } from './limits.ts';
import { LIMITS } from './limits.ts';

const DATE = '[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])';
const TIME = '([01][0-9]|2[0-3]):[0-5][0-9](:([0-5][0-9]|60)(\\.[0-9]{1,9})?)?';
const ZONE = '(Z|[+-]([01][0-9]|2[0-3]):?[0-5][0-9])';
/** An instant Roundup recorded (capture, creation, export): the zone is required. */
const ISO_DATE_TIME = new RegExp(`^${DATE}T${TIME}${ZONE}$`);
/**
 * A page's publication date: a year (`2021`), a month (`2021-06`: ACL Anthology's `2021/6`), a day, or a
 * date-time, sometimes local without a zone. Whatever the extractor (src/capture/normalize-date.ts) returns.
 */
const PUBLISHED_DATE = new RegExp(`^[0-9]{4}(-(0[1-9]|1[0-2]))?$|^${DATE}(T${TIME}${ZONE}?)?$`);

/** True for a value `publishedAt` accepts. */
export function isPublishedDate(value: string): boolean {
  return PUBLISHED_DATE.test(value);
}

const text = (max: number, description: string) => v.pipe(
  v.string(),
  v.maxLength(max, (issue) => `expected at most ${max} characters, got ${String(issue.received)}`),
  v.description(description),
);

const id = (description: string) => v.pipe(
  v.string(),
  v.minLength(1, 'expected a non-empty id'),
  v.maxLength(LIMITS.id, (issue) => `expected an id of at most ${LIMITS.id} characters, got ${String(issue.received)}`),
  v.description(description),
);

/** Any scheme may be stored; the renderers decide which ones become links. */
const absoluteUrl = (description: string) => v.pipe(
  v.string(),
  v.maxLength(LIMITS.url, (issue) => `expected a URL of at most ${LIMITS.url} characters, got ${String(issue.received)}`),
  v.url((issue) => `expected an absolute URL, got ${describeValue(issue.input)}`),
  v.description(description),
);

export const isoDateTime = (description: string) => v.pipe(
  v.string(),
  v.regex(ISO_DATE_TIME, (issue) => `expected an ISO 8601 date-time with a time zone, got ${describeValue(issue.input)}`),
  v.description(description),
);

const hlc = v.pipe(
  v.string(),
  v.regex(HLC_PATTERN, (issue) => `expected a hybrid logical clock like "0mjuohs00:0000:device", got ${describeValue(issue.input)}`),
  v.description('Hybrid logical clock: ms (base 36, 9 digits), counter (base 36, 4 digits), device id.'),
);

// Typed as the model's `Clocks` (a field may lack a clock), which valibot's record output cannot spell;
// the checks at run time are unchanged.
const clocks = v.pipe(
  v.record(v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.id)), hlc),
  v.maxEntries(LIMITS.clocks, (issue) => `expected at most ${LIMITS.clocks} clocks, got ${String(issue.received)}`),
  v.description('The clock of the last edit of each field, for merging; a missing clock is older than any edit.'),
) as v.GenericSchema<Record<string, string>, Clocks>;

const position = v.pipe(
  v.string(),
  v.minLength(1, 'expected a non-empty position key'),
  v.maxLength(LIMITS.position, (issue) => `expected a position key of at most ${LIMITS.position} characters, got ${String(issue.received)}`),
  v.regex(/^[0-9A-Za-z]+$/, (issue) => `expected a position key of letters and digits, got ${describeValue(issue.input)}`),
  v.check(isPositionKey, (issue) => `expected a fractional-index position key, got ${describeValue(issue.input)}`),
  v.description('Fractional-index key; siblings sort by this key in code-unit order, then by id.'),
);

/**
 * A strict object that also refuses arrays: valibot's object schemas take `[]` for an object
 * and then report a missing first key, or accept it outright when every key is optional.
 */
export const strictPlainObject = <const E extends v.ObjectEntries>(entries: E) => v.pipe(
  v.custom<Record<string, unknown>>(
    (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
    (issue) => `expected an object, got ${describeValue(issue.input)}`,
  ),
  v.strictObject(entries),
);

const optionalClocks = v.optional(clocks, () => ({}));
const tombstone = v.optional(v.pipe(hlc, v.description('Tombstone: the clock of the deletion.')));

const itemEntries = {
  id: id('Random id, unique within the issue.'),
  sectionId: id('The id of a section of the same issue.'),
  /** Fractional-index key ordering items within their section. */
  position,
  /** The URL the editor filed (what the export links to). */
  url: absoluteUrl('The URL the editor filed; what the export links to.'),
  /** The page's canonical URL when it declared one, else null. */
  canonicalUrl: v.optional(v.nullable(absoluteUrl("The page's canonical URL, when it declared one.")), null),
  title: text(LIMITS.title, 'Title as it appears in the issue.'),
  /** One to three sentences; may use inline Markdown (emphasis, code, links). */
  summary: text(LIMITS.summary, 'One to three sentences; may use inline Markdown.'),
  /** Private note for the editor; never exported. */
  note: v.optional(text(LIMITS.note, 'Private note for the editor; never exported.'), ''),
  site: text(LIMITS.site, 'Name of the site or publication.'),
  authors: v.optional(
    v.pipe(
      v.array(text(LIMITS.author, 'One author.')),
      v.maxLength(LIMITS.authors, (issue) => `expected at most ${LIMITS.authors} authors, got ${String(issue.received)}`),
    ),
    () => [],
  ),
  /** ISO 8601 year (`2021`), year-month (`2021-06`), date or date-time of the page's publication, when known. */
  publishedAt: v.optional(v.nullable(v.pipe(
    v.string(),
    v.regex(PUBLISHED_DATE, (issue) => `expected an ISO 8601 year, month, date or date-time, got ${describeValue(issue.input)}`),
    v.description("ISO 8601 year, year-month, date or date-time of the page's publication."),
  )), null),
  image: v.optional(v.nullable(absoluteUrl("URL of the page's preview image.")), null),
  kind: v.optional(v.picklist(ITEM_KINDS), 'article'),
  /** ISO 8601 date-time of capture. */
  capturedAt: isoDateTime('When the page was captured.'),
  clocks: optionalClocks,
  /** Tombstone: the clock of the deletion. */
  deleted: tombstone,
};

export const itemSchema = strictPlainObject(itemEntries);

/**
 * The item's data fields in the schema's order, without the merge bookkeeping (`clocks`, `deleted`): what the
 * portable file (portable.ts) and the sync layout (sync-pack.ts) carry, so a field added above is carried by both.
 */
export const ITEM_DATA_FIELDS = dataFields(itemEntries);

/** The keys of `entries` in order, without the merge bookkeeping and the nested lists. */
function dataFields<E extends v.ObjectEntries>(entries: E) {
  type Bookkeeping = 'clocks' | 'deleted' | 'sections' | 'items';
  const skipped: readonly string[] = ['clocks', 'deleted', 'sections', 'items'] satisfies Bookkeeping[];
  return (Object.keys(entries) as (keyof E & string)[])
    .filter((field): field is Exclude<keyof E & string, Bookkeeping> => !skipped.includes(field));
}

const sectionEntries = {
  id: id('Random id, unique within the issue.'),
  name: text(LIMITS.sectionName, 'Heading of the section.'),
  position,
  clocks: optionalClocks,
  deleted: tombstone,
};

export const sectionSchema = strictPlainObject(sectionEntries);
/** The section's data fields in the schema's order (see {@link ITEM_DATA_FIELDS}). */
export const SECTION_DATA_FIELDS = dataFields(sectionEntries);

/** The shape of an issue; {@link parseIssue} adds the checks that span fields (ids, references). */
const issueEntries = {
  id: id('Random id, unique across issues.'),
  number: v.pipe(
    v.number(),
    v.integer((issue) => `expected a positive integer, got ${describeValue(issue.input)}`),
    v.minValue(1, (issue) => `expected a positive integer, got ${describeValue(issue.input)}`),
    v.maxValue(Number.MAX_SAFE_INTEGER, (issue) => `expected a positive integer, got ${describeValue(issue.input)}`),
    v.description('Issue number, e.g. 206.'),
  ),
  title: text(LIMITS.title, "Title, usually made from the newsletter's title pattern."),
  tagline: text(LIMITS.tagline, 'One line under the title.'),
  /** Markdown. */
  intro: text(LIMITS.markdown, 'Markdown before the first section.'),
  /** Markdown. */
  outro: text(LIMITS.markdown, 'Markdown after the last section.'),
  status: v.picklist(ISSUE_STATUSES),
  /** ISO 8601 date-time. */
  createdAt: isoDateTime('When the issue was created.'),
  /** ISO 8601 date-time, set when the issue is marked published. */
  publishedAt: v.nullable(isoDateTime('When the issue was marked published.')),
  sections: v.pipe(
    v.array(sectionSchema),
    v.maxLength(LIMITS.sections, (issue) => `expected at most ${LIMITS.sections} sections, got ${String(issue.received)}`),
  ),
  items: v.pipe(
    v.array(itemSchema),
    v.maxLength(LIMITS.items, (issue) => `expected at most ${LIMITS.items} items, got ${String(issue.received)}`),
  ),
  clocks: optionalClocks,
  deleted: tombstone,
};
export const issueSchema = strictPlainObject(issueEntries);
/** The issue's own data fields in the schema's order, without its sections and items (see {@link ITEM_DATA_FIELDS}). */
export const ISSUE_DATA_FIELDS = dataFields(issueEntries);

/** The newsletter's settings; a file written by hand or by an older version may leave some out, and they take the defaults. */
const settingsEntries = {
  newsletterName: v.optional(text(LIMITS.newsletterName, 'Name of the newsletter.'), DEFAULT_SETTINGS.newsletterName),
  /** Placeholders: `{name}`, `{number}`, `{date}`. */
  titlePattern: v.optional(text(LIMITS.title, 'Title of a new issue; placeholders {name}, {number}, {date}.'), DEFAULT_SETTINGS.titlePattern),
  defaultSections: v.optional(
    v.pipe(
      v.array(text(LIMITS.sectionName, 'A section name.')),
      v.maxLength(LIMITS.defaultSections, (issue) => `expected at most ${LIMITS.defaultSections} sections, got ${String(issue.received)}`),
      v.description('Sections of a new issue, in order.'),
    ),
    () => [...DEFAULT_SETTINGS.defaultSections],
  ),
  introTemplate: v.optional(text(LIMITS.markdown, 'Markdown intro of a new issue.'), DEFAULT_SETTINGS.introTemplate),
  outroTemplate: v.optional(text(LIMITS.markdown, 'Markdown outro of a new issue.'), DEFAULT_SETTINGS.outroTemplate),
  /** Target summary length, in characters, for captured articles: cut at the sentence end nearest it, at most 1.2x (papers and selections are kept whole). */
  summaryLength: v.optional(v.pipe(
    v.number(),
    v.integer((issue) => `expected a positive integer, got ${describeValue(issue.input)}`),
    v.minValue(1, (issue) => `expected a positive integer, got ${describeValue(issue.input)}`),
    v.maxValue(LIMITS.summaryLength, (issue) => `expected at most ${LIMITS.summaryLength}, got ${describeValue(issue.input)}`),
    v.description('Target length of a captured article summary, in characters (cut at the nearest sentence end).'),
  ), DEFAULT_SETTINGS.summaryLength),
  /** How `{date}` is written: an Intl.DateTimeFormat `dateStyle`, or `iso`. */
  dateFormat: v.optional(v.picklist(DATE_FORMATS), DEFAULT_SETTINGS.dateFormat),
  /** Keep `utm_*` and the other tracking parameters in the links Roundup stores (core/stored-link.ts); off by default. */
  keepTrackingParameters: v.optional(v.pipe(v.boolean(), v.description('Keep utm_* and other tracking parameters in stored links.')),
    DEFAULT_SETTINGS.keepTrackingParameters),
  /** How issues are exported: a preset layout, and the editor's own template per format (core/house-style.ts). */
  houseStyle: v.optional(houseStyleSchema, () => ({ preset: DEFAULT_SETTINGS.houseStyle.preset, templates: {} })),
};

export const settingsSchema = strictPlainObject(settingsEntries);
/** The settings' fields in the schema's order: what a backup file (portable.ts) writes, so a setting added above is written too. */
export const SETTINGS_FIELDS = Object.keys(settingsEntries) as (keyof typeof settingsEntries)[];

/** An item of an issue, as checked by {@link itemSchema}: the one declaration of its fields. */
export type Item = v.InferOutput<typeof itemSchema>;
/** A section of an issue, as checked by {@link sectionSchema}. */
export type Section = v.InferOutput<typeof sectionSchema>;
/** An issue, as checked by {@link issueSchema}. */
export type Issue = v.InferOutput<typeof issueSchema>;
/** The newsletter's settings, as checked by {@link settingsSchema}. */
export type Settings = v.InferOutput<typeof settingsSchema>;

// Compile-time proof that the defaults (model.ts, typed by inference) are settings of exactly this type.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
type Assert<T extends true> = T;
type _DefaultSettingsMatch = Assert<Equal<typeof DEFAULT_SETTINGS, Settings>>;

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Validates the shape of `input` and reports the first problem as one line naming the path,
 * e.g. `issue.items[3].url: expected an absolute URL, got "foo"`.
 */
export function validateShape<S extends v.GenericSchema>(
  schema: S, input: unknown, rootPath: string,
): ValidationResult<v.InferOutput<S>> {
  const result = v.safeParse(schema, input, { abortEarly: true });
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, error: formatValidationIssue(result.issues[0], rootPath) };
}

/** The checks a shape cannot express: unique ids, and every item filed under a section of its issue. */
export function findIssueIntegrityProblem(issue: Issue, path: string): string | null {
  const sectionIds = new Map<string, number>();
  for (const [index, section] of issue.sections.entries()) {
    const first = sectionIds.get(section.id);
    if (first !== undefined) {
      return `${path}.sections[${index}].id: duplicate id ${describeValue(section.id)} (also ${path}.sections[${first}].id)`;
    }
    sectionIds.set(section.id, index);
  }
  const itemIds = new Map<string, number>();
  for (const [index, item] of issue.items.entries()) {
    const first = itemIds.get(item.id);
    if (first !== undefined) {
      return `${path}.items[${index}].id: duplicate id ${describeValue(item.id)} (also ${path}.items[${first}].id)`;
    }
    itemIds.set(item.id, index);
    if (!sectionIds.has(item.sectionId)) {
      return `${path}.items[${index}].sectionId: no section of this issue has the id ${describeValue(item.sectionId)}`;
    }
  }
  return null;
}

/** An issue from outside (file, storage, sync), fully checked. */
export function parseIssue(input: unknown, rootPath = 'issue'): ValidationResult<Issue> {
  const shape = validateShape(issueSchema, input, rootPath);
  if (!shape.ok) return shape;
  const problem = findIssueIntegrityProblem(shape.value, rootPath);
  return problem ? { ok: false, error: problem } : shape;
}

export function parseSettings(input: unknown, rootPath = 'settings'): ValidationResult<Settings> {
  return validateShape(settingsSchema, input, rootPath);
}
