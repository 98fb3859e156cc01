/**
 * Roundup's IndexedDB: the source of truth on this device (storage.sync is only a mirror).
 * The schema is typed for idb; the upgrade ladder below is append-only and reads like a changelog:
 * never edit a step that has shipped, add the next one.
 */
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { escapeMarkdownInline } from '../core/markdown-escape.ts';
import { featuredEntriesOf, type FeaturedEntry } from '../core/featured.ts';
import type { Issue, IssueStatus, Settings } from '../core/model.ts';
import { parseIssue } from '../core/schema.ts';
import { toStorageError } from './storage-error.ts';

export const ROUNDUP_DB_NAME = 'roundup';
export const ROUNDUP_DB_VERSION = 4;

/** What the popup was editing for one tab, so closing and reopening the popup loses nothing. */
export interface PopupForm {
  /** `tab:<id>` while the tab lives, or the page URL (see pending-repo's pendingKeyForTab). */
  key: string;
  url: string;
  title: string;
  summary: string;
  note: string;
  sectionId: string | null;
  /** The item this capture became once added to the issue, so further edits update it. */
  itemId: string | null;
  issueId: string | null;
  /** ISO 8601 date-time. */
  updatedAt: string;
}

export interface RoundupDB extends DBSchema {
  issues: { key: string; value: Issue; indexes: { 'by-status': IssueStatus; 'by-number': number } };
  /** One record under the key `settings`. */
  settings: { key: 'settings'; value: Settings };
  pending: { key: string; value: PopupForm; indexes: { 'by-updated': string } };
  /** Small values under fixed keys; each key has its own schema in meta-repo. */
  meta: { key: string; value: unknown };
  /** The featured index (featured-store.ts): one row per dedupe key of every live item, kept with each issue write. */
  featured: { key: [string, string, string]; value: FeaturedEntry; indexes: { 'by-key': string } };
}

export type RoundupDatabase = IDBPDatabase<RoundupDB>;
type UpgradeTransaction = IDBPTransaction<RoundupDB, StoreNames<RoundupDB>[], 'versionchange'>;

/**
 * Version 3 reads item titles as inline Markdown (BRIEF decision 1); until then they were plain text. A
 * stored title is escaped once (core/markdown-escape.ts), so every export shows it exactly as before:
 * `2*3*4` stays `2*3*4`, not emphasis. The popup's unsaved titles too. Clocks stay: the text means the same.
 */
export function withMarkdownTitles(record: unknown): unknown {
  if (typeof record !== 'object' || record === null || !Array.isArray((record as { items?: unknown }).items)) return record;
  const issue = record as { items: unknown[] };
  const items = issue.items.map((item) => {
    const title = (item as { title?: unknown } | null)?.title;
    return typeof title === 'string' ? { ...(item as object), title: escapeMarkdownInline(title) } : item;
  });
  return { ...issue, items };
}

async function escapeStoredTitles(tx: UpgradeTransaction): Promise<void> {
  for (let cursor = await tx.objectStore('issues').openCursor(); cursor; cursor = await cursor.continue()) {
    await cursor.update(withMarkdownTitles(cursor.value) as Issue);
  }
  for (let cursor = await tx.objectStore('pending').openCursor(); cursor; cursor = await cursor.continue()) {
    const pending = cursor.value as Partial<PopupForm>;
    if (typeof pending.title === 'string') await cursor.update({ ...cursor.value, title: escapeMarkdownInline(pending.title) });
  }
}

/** Version 4 stores the featured index; the issues already stored fill it here (a damaged record has no rows). */
async function fillFeaturedIndex(tx: UpgradeTransaction): Promise<void> {
  const featured = tx.objectStore('featured');
  for (let cursor = await tx.objectStore('issues').openCursor(); cursor; cursor = await cursor.continue()) {
    const parsed = parseIssue(cursor.value);
    if (parsed.ok) for (const entry of featuredEntriesOf(parsed.value)) await featured.put(entry);
  }
}

/** Runs the steps from `oldVersion` up; the returned promise settles when the asynchronous ones (record rewrites) have. */
export function upgradeRoundupDb(db: RoundupDatabase, oldVersion: number, tx: UpgradeTransaction): Promise<void> {
  if (oldVersion < 1) {
    const issues = db.createObjectStore('issues', { keyPath: 'id' });
    issues.createIndex('by-status', 'status');
    issues.createIndex('by-number', 'number');
    db.createObjectStore('settings');
    db.createObjectStore('pending', { keyPath: 'key' });
    db.createObjectStore('meta');
  }
  if (oldVersion < 2) {
    // Drafts of tabs closed long ago are pruned by age; the index finds them without reading every draft.
    tx.objectStore('pending').createIndex('by-updated', 'updatedAt');
  }
  if (oldVersion < 4) {
    db.createObjectStore('featured', { keyPath: ['issueId', 'itemId', 'key'] }).createIndex('by-key', 'key');
  }
  const titles = oldVersion >= 1 && oldVersion < 3 ? escapeStoredTitles(tx) : Promise.resolve();
  return oldVersion >= 1 && oldVersion < 4 ? titles.then(() => fillFeaturedIndex(tx)) : titles;
}

export interface OpenRoundupDbOptions {
  /** Defaults to the global `indexedDB`; tests pass a fresh fake factory each. */
  factory?: IDBFactory;
  name?: string;
  /** Another tab still holds an older version open and has not let go yet. */
  onBlocked?: () => void;
}

export async function openRoundupDb(options: OpenRoundupDbOptions = {}): Promise<RoundupDatabase> {
  const action = 'open the database';
  let raw: IDBDatabase;
  try {
    const request = (options.factory ?? indexedDB).open(options.name ?? ROUNDUP_DB_NAME, ROUNDUP_DB_VERSION);
    raw = await new Promise<IDBDatabase>((resolve, reject) => {
      let upgradeError: unknown;
      request.onupgradeneeded = (event) => {
        try {
          // idb's `wrap` is untyped; these are the objects openDB() would hand its upgrade callback.
          const tx = wrap(request.transaction as IDBTransaction) as unknown as UpgradeTransaction;
          upgradeRoundupDb(wrap(request.result) as RoundupDatabase, event.oldVersion, tx).catch((error: unknown) => {
            upgradeError = error;
            request.transaction?.abort();
          });
        } catch (error) {
          upgradeError = error;
          request.transaction?.abort();
        }
      };
      request.onblocked = () => options.onBlocked?.();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(upgradeError ?? request.error);
    });
  } catch (error) {
    throw toStorageError(error, action);
  }
  // A newer version opening elsewhere (an updated extension) waits until every old connection closes.
  raw.onversionchange = () => raw.close();
  return wrap(raw) as RoundupDatabase;
}
