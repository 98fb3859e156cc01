/**
 * The one typed protocol between Roundup's pages (popup, editor page, options) and the background, which is
 * the single writer of IndexedDB. Each message names a valibot schema for its arguments (the background
 * validates every message before acting: a page can be stale or compromised) and the type of its result.
 * Errors cross the boundary as errors ({ ok: false }), never as `undefined`.
 */
import * as v from 'valibot';
import type { CapturedItemFields } from './core/capture-fields.ts';
import type { FeaturedHit } from './core/featured.ts';
import type { ArchiveSkip } from './core/archive-apply.ts';
import type { ImportPlan } from './core/import-plan.ts';
import type { Issue, Item, Settings } from './core/model.ts';
import type { RemovedEntry } from './core/recently-removed.ts';
import type { SearchHit } from './core/search-items.ts';
import type { SyncStatusView } from './sync/status-view.ts';
import { ITEM_KINDS } from './core/model.ts';
import { LIMITS, isPublishedDate, settingsSchema } from './core/schema.ts';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const tabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const nullableText = (max: number) => v.nullable(text(max));

// The model's own limits (schema.ts): a value the model stores is a value a message may carry, and back.
const url = text(LIMITS.url);
const nullableUrl = nullableText(LIMITS.url);
const publishedAt = v.nullable(v.pipe(v.string(), v.check(isPublishedDate, 'a published date is a year, month, day or date-time (2021, 2021-06, 2021-06-24)')));
const itemFields = {
  url, canonicalUrl: nullableUrl, title: text(LIMITS.title), summary: text(LIMITS.summary), note: text(LIMITS.note),
  site: text(LIMITS.site), authors: v.pipe(v.array(text(LIMITS.author)), v.maxLength(LIMITS.authors)), publishedAt,
  image: nullableUrl, kind: v.picklist(ITEM_KINDS),
};

/** An item's own fields, as `item/add` takes them (core/capture-fields.ts CapturedItemFields); the patches are parts of it. */
const captureFields = v.strictObject(itemFields);
const itemPatch = v.partial(captureFields);
// Compile-time proof that the message carries exactly the item's fields, no more and no fewer.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type _CaptureFieldsMatch = Assert<Same<v.InferOutput<typeof captureFields>, CapturedItemFields>>;
type Assert<T extends true> = T;

/** What the popup edits before (and after) the item is added. */
const pendingEdit = v.strictObject({ tabId, ...v.pick(captureFields, ['url', 'title', 'summary', 'note']).entries, sectionId: v.nullable(id) });

const index = v.pipe(v.number(), v.integer(), v.minValue(0));
const sectionName = v.pipe(v.string(), v.trim(), v.minLength(1, 'a section needs a name'), v.maxLength(200));
/**
 * The page reads and plans an import itself (core/import-plan.ts, core/archive-apply.ts) and sends what to
 * write in one message, or in batches of issues for a big archive (core/message-batches.ts); the handler
 * checks every issue again with the store's schema.
 */
const MAX_ISSUES_IN_ONE_MESSAGE = 10_000;

const issueNumber = v.pipe(v.number(), v.integer('an issue number is a whole number'), v.minValue(1, 'an issue number is 1 or more'),
  v.maxValue(Number.MAX_SAFE_INTEGER, 'that issue number is too large'));
const issuePatch = v.pipe(
  v.partial(v.strictObject({
    title: text(LIMITS.title), tagline: text(LIMITS.tagline), intro: text(LIMITS.markdown), outro: text(LIMITS.markdown), number: issueNumber,
  })),
  v.check((patch) => Object.keys(patch).length > 0, 'nothing to change'),
);

const itemRef = v.strictObject({ issueId: id, itemId: id });
const sectionRef = v.strictObject({ issueId: id, sectionId: id });
const issueRef = v.strictObject({ issueId: id });
const none = v.strictObject({});

/** Pairs an argument schema with a result type: `returns<R>()(schema)`. */
function returns<R>() {
  return <const A extends v.GenericSchema>(args: A): { args: A; result?: R } => ({ args });
}

export const protocol = {
  /** What the popup's form needs for the active tab: the capture (or why not), pending edits, the draft's sections. */
  /** The state of the tab the popup is for: the active tab of the popup's window (else of the window focused last). */
  'popup/open': returns<PopupState>()(v.strictObject({ tabId: v.optional(tabId) })),
  /** The popup's state again once a busy page answered (see PopupState.lateCapture); null if it never did. */
  'popup/late-capture': returns<PopupState | null>()(v.strictObject({ tabId, url })),
  /** What the popup shows once the form is ready: the whole draft, the other drafts, where else the page was filed. */
  'popup/details': returns<PopupDetails>()(v.strictObject({ issueId: id, url: text(8192), canonicalUrl: nullableText(8192) })),
  /** Saves what the editor typed, as they type; updates the stored item too once it was added. */
  'pending/save': returns<void>()(pendingEdit),
  /** `tabUrl`: the tab's address, which the popup's unsaved edits are kept under (it may differ from the item's link). */
  'item/add': returns<AddResult>()(v.strictObject({
    tabId: v.nullable(tabId), tabUrl: v.optional(url), issueId: id, sectionId: id, fields: captureFields,
  })),
  'item/update': returns<Issue>()(v.strictObject({ issueId: id, itemId: id, patch: itemPatch })),
  'item/remove': returns<Issue>()(itemRef),
  'item/restore': returns<Issue>()(itemRef),
  /** `index` counts the other live items of the target section; past the end means last. */
  'item/move': returns<Issue>()(v.strictObject({ issueId: id, itemId: id, sectionId: id, index })),
  'section/add': returns<{ issue: Issue; sectionId: string }>()(v.strictObject({ issueId: id, name: sectionName })),
  'section/rename': returns<Issue>()(v.strictObject({ issueId: id, sectionId: id, name: sectionName })),
  /** `index` counts the other live sections. */
  'section/move': returns<Issue>()(v.strictObject({ issueId: id, sectionId: id, index })),
  /** Removes the section with its items; `section/restore` undoes it. */
  'section/remove': returns<Issue>()(sectionRef),
  'section/restore': returns<Issue>()(sectionRef),
  'issue/create': returns<Issue>()(none),
  'issue/set-current': returns<Issue>()(issueRef),
  'issue/get': returns<Issue>()(issueRef),
  'issue/list': returns<IssueSummary[]>()(none),
  'issue/update': returns<Issue>()(v.strictObject({ issueId: id, patch: issuePatch })),
  /** Marks the issue published today; publishing a published issue changes nothing. */
  'issue/publish': returns<Issue>()(issueRef),
  /** Back to a draft (a published issue reopened); a draft stays as it is. */
  'issue/unpublish': returns<Issue>()(issueRef),
  /** Removes the issue (a tombstone that sync carries to other devices); `issue/restore` undoes it. */
  'issue/delete': returns<Issue>()(issueRef),
  'issue/restore': returns<Issue>()(issueRef),
  /** What can still be restored, newest first: removed issues, sections and items of every issue. */
  'removed/list': returns<RemovedEntry[]>()(none),
  /** A new draft (the next number, made current) with the issue's texts, sections and items. */
  'issue/duplicate': returns<Issue>()(issueRef),
  /** Items of every issue matching a link or words: "did we already feature this?" */
  'items/search': returns<SearchHit[]>()(v.strictObject({ query: text(8192) })),
  /** Everything the portable backup holds. */
  'backup/get': returns<{ settings: Settings; issues: Issue[] }>()(none),
  /** What an import is planned against, in the page: every readable issue (removed ones too), the unreadable ids, the settings. */
  'import/stored': returns<StoredForImport>()(none),
  /**
   * Imports a backup or issue file the page has read (`file`: the portable JSON value, or one batch of a
   * backup's issues) in one transaction, planned again on what is stored at that moment.
   */
  'import/apply': returns<ImportPreview>()(v.strictObject({ file: v.unknown(), replaceSettings: v.boolean() })),
  /** Writes past issues the page read from an archive (core/archive-apply.ts): only those whose id and number are free here. */
  'archive/import': returns<ArchiveImportResult>()(v.strictObject({
    issues: v.pipe(v.array(v.unknown()), v.minLength(1, 'no issue to import'), v.maxLength(MAX_ISSUES_IN_ONE_MESSAGE, 'too many issues in one request')),
  })),
  'settings/get': returns<Settings>()(none),
  /** What the editor should know about the stored settings, in plain words (a saved house style that could not be read). */
  'settings/notices': returns<string[]>()(none),
  'settings/put': returns<Settings>()(v.strictObject({ settings: settingsSchema })),
  // Sync (src/sync/, handlers/sync-handlers.ts).
  /** What the sync status line shows: last synced, syncing, full (which issues stay local and why), errors. */
  'sync/status': returns<SyncStatusView>()(none),
  /** The "sync this issue" switch, shared by every device; answers the new status. */
  'sync/set-issue': returns<SyncStatusView>()(v.strictObject({ issueId: id, sync: v.boolean() })),
};

export type MessageName = keyof typeof protocol;
export type MessageArgs<N extends MessageName> = v.InferInput<(typeof protocol)[N]['args']>;
export type ValidArgs<N extends MessageName> = v.InferOutput<(typeof protocol)[N]['args']>;
export type MessageResult<N extends MessageName> = Exclude<(typeof protocol)[N]['result'], undefined>;

export interface Envelope<N extends MessageName = MessageName> {
  roundup: 1;
  name: N;
  args: MessageArgs<N>;
}
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Not a request: what the background broadcasts to every open page after a write (src/background/changes.ts),
 * so each page re-reads what changed (src/ui/stored-changes.ts).
 */
export interface StoredChange {
  roundupChange: 1;
  what: 'issues' | 'settings';
  /** The one issue written, when only one was; null: any issue may have changed. */
  issueId: string | null;
}

export interface IssueSummary {
  id: string;
  number: number;
  title: string;
  status: Issue['status'];
  createdAt: string;
  publishedAt: string | null;
  itemCount: number;
}

/** The current draft as the popup's form needs it: its live sections in order, not its items. */
export interface DraftOutline extends IssueSummary {
  sections: Array<{ id: string; name: string }>;
}

/**
 * What the popup's form needs, and no more: a draft of a thousand items is a large message, and the
 * form is what the editor came for. The rest follows in PopupDetails.
 */
export interface PopupState {
  /** The tab the popup is for: the one whose toolbar button was clicked, else the focused window's active tab. */
  tab: { id: number; url: string };
  /**
   * The tab's page as the fields of an item (core/capture-fields.ts: cleaned, cut to the model's limits,
   * page text escaped as Markdown); for pages that refuse injection, built from the tab's URL and title.
   */
  fields: CapturedItemFields;
  /** What was changed on the way that the editor should know (a canonical on another site, a cut title). */
  captureNotes: string[];
  /** Plain words for why the page could not be read, when it could not. */
  captureProblem: string | null;
  /** The page had not answered in time (a busy page): `popup/late-capture` brings the rest when it does. */
  lateCapture: boolean;
  /** What the editor typed earlier for this tab, if anything. */
  pending: { title: string; summary: string; note: string; sectionId: string | null; itemId: string | null } | null;
  draft: DraftOutline;
  /** The live item of the current draft that has this page's URL, if any: the popup edits it instead of adding. */
  existingItem: Item | null;
  /** The live item of the current draft this tab's capture was added as (pending.itemId), if any. */
  addedItem: Item | null;
  defaultSectionId: string | null;
  /** What a context-menu add just did, when the menu opened this popup (src/background/popup/menu-adds.ts). */
  menuAdded: MenuAddResult | null;
}

/** The outcome of "Add page/link/selection to …" from a context menu, for the popup to show. */
export type MenuAddResult =
  | { ok: true; what: 'page' | 'link' | 'selection'; issueId: string; issueNumber: number; itemId: string; title: string; sectionName: string; updatedExisting: boolean }
  | { ok: false; what: 'page' | 'link' | 'selection'; problem: string };

export interface PopupDetails {
  /** The current draft, whole. */
  draft: Issue;
  drafts: IssueSummary[];
  /** Earlier issues (and other drafts) that featured this URL, on this device or synced from another. */
  featured: FeaturedHit[];
  /** Storage records that could not be read, in plain words. */
  problems: string[];
}

export interface AddResult {
  issue: Issue;
  itemId: string;
  sectionName: string;
  /** True when the URL was already in the draft and the existing item was updated instead. */
  updatedExisting: boolean;
}

/** An import plan as the page shows it: without the issues to write. */
export type ImportPreview = Omit<ImportPlan, 'writes' | 'fileSettings'>;

/** What a plan of an import needs to know of the store (core/import-plan.ts StoredState, without the clock). */
export interface StoredForImport {
  issues: Issue[];
  damagedIds: string[];
  settings: Settings;
}

/** What `archive/import` wrote, and what it left alone and why. */
export interface ArchiveImportResult {
  imported: Array<{ id: string; number: number; title: string }>;
  skipped: ArchiveSkip[];
}
