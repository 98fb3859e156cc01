/**
 * What Roundup writes to `storage.sync` (README.md, "Sync across your devices"). Each record
 * (a draft, the settings, the featured links) is JSON, deflated (`CompressionStream('deflate-raw')`),
 * base64-encoded and split into chunks that respect the per-item quota:
 *
 *   d:<issue id>      head {v, n, sum, at}: format, chunk count, checksum of the payload, last edit clock
 *   d:<issue id>:<i>  chunk i of n (a string)
 *   s, s:<i>          the settings;  f, f:<i>  the featured keys of recent issues (featured-keys.ts)
 *
 * A record's keys are written in one `set()`, but another device may still see them arrive one
 * by one: a missing chunk or a checksum that does not match means "half-arrived, wait", never
 * "apply". The issue id is URI-encoded in keys so that `:` always separates the parts.
 */
import { mergeFeaturedKeys, type FeaturedIssueKeys } from './featured-keys.ts';
import { parseFeaturedKeys } from './featured-keys-schema.ts';
import { HLC_PATTERN } from './hlc.ts';
import { latestClockOf, normalizeIssue } from './merge.ts';
import { parseHouseStyle, type HouseStyle } from './house-style.ts';
import type { Hlc, Issue, Settings } from './model.ts';
import { parseIssue, parseSettings } from './schema.ts';
import { packIssue, unpackIssue } from './sync-pack.ts';

/** Chrome's limits (Firefox publishes none, so they are hard-coded for both). */
export const SYNC_QUOTA = {
  totalBytes: 102_400,
  itemBytes: 8_192,
  maxItems: 512,
  writesPerMinute: 120,
  writesPerHour: 1_800,
} as const;

export const SYNC_FORMAT_VERSION = 1;
export const SETTINGS_KEY = 's';
export const FEATURED_KEY = 'f';
const DRAFT_PREFIX = 'd:';

export interface SyncHead {
  v: number;
  /** Number of chunks. */
  n: number;
  /** FNV-1a 32 of the joined chunks, 8 hex digits. */
  sum: string;
  /** Clock of the record's last edit: newest first when the area is full. */
  at: Hlc;
}

export interface EncodedRecord {
  /** The head key, which names the record. */
  key: string;
  head: SyncHead;
  /** Head and chunks, ready for one `set()`. */
  items: Record<string, unknown>;
  /** Quota bytes of all its items (key + JSON of value each). */
  bytes: number;
}

export type DecodeResult<T> =
  | { status: 'complete'; value: T; head: SyncHead }
  /** Half-arrived: a chunk is missing or the checksum does not match yet. Wait; do not apply. */
  | { status: 'incomplete'; reason: string }
  /** Cannot be read; `newerVersion`: written in a format a newer Roundup writes (left alone, not overwritten). */
  | { status: 'invalid'; error: string; newerVersion?: true }
  /** No head: the record is not in the area. */
  | { status: 'absent' };

/**
 * The settings as the sync area carries them. Without `houseStyle`, the device that wrote them kept its
 * house style on itself (too big for the settings' share of the area, sync-budget.ts), or an older
 * Roundup wrote them: a device taking them keeps its own house style.
 */
export type SyncedSettings = Omit<Settings, 'houseStyle'> & {
  houseStyle?: HouseStyle;
  /** Set on decoding when the record's house style could not be read: why. The rest of the settings is read as usual. */
  houseStyleProblem?: string;
};

export type SyncRecordRef = { kind: 'draft'; issueId: string } | { kind: 'settings' } | { kind: 'featured' };

export function draftKey(issueId: string): string {
  return `${DRAFT_PREFIX}${encodeURIComponent(issueId)}`;
}

export function chunkKey(recordKey: string, index: number): string {
  return `${recordKey}:${index}`;
}

/** The record a key belongs to and, for a chunk, its index; null for keys Roundup did not write. */
export function parseSyncKey(key: string): { record: SyncRecordRef; recordKey: string; chunk: number | null } | null {
  const match = /^(d:([^:]+)|s|f)(?::(0|[1-9][0-9]{0,3}))?$/.exec(key);
  if (!match) return null;
  const [, recordKey = '', encodedId, index] = match;
  const chunk = index === undefined ? null : Number(index);
  if (recordKey === SETTINGS_KEY) return { record: { kind: 'settings' }, recordKey, chunk };
  if (recordKey === FEATURED_KEY) return { record: { kind: 'featured' }, recordKey, chunk };
  try {
    const issueId = decodeURIComponent(encodedId ?? '');
    // Only the spelling draftKey() writes, so one issue never has two sets of keys.
    return draftKey(issueId) === recordKey ? { record: { kind: 'draft', issueId }, recordKey, chunk } : null;
  } catch {
    return null;
  }
}

/** Written in canonical form, so two devices holding the same state write the same bytes. */
export function encodeDraft(issue: Issue): Promise<EncodedRecord> {
  const canonical = normalizeIssue(issue);
  return encodeRecord(draftKey(issue.id), packIssue(canonical), latestClockOf(canonical));
}

export function encodeSettings(settings: SyncedSettings, at: Hlc): Promise<EncodedRecord> {
  return encodeRecord(SETTINGS_KEY, settings, at);
}

/** `at`: the newest record's clock; the records are written in canonical form (featured-keys.ts). */
export function encodeFeaturedKeys(list: readonly FeaturedIssueKeys[], at: Hlc): Promise<EncodedRecord> {
  return encodeRecord(FEATURED_KEY, mergeFeaturedKeys(list, []), at);
}

export async function decodeDraft(items: Readonly<Record<string, unknown>>, issueId: string): Promise<DecodeResult<Issue>> {
  return decodeRecord(items, draftKey(issueId), (json) => {
    const parsed = parseIssue(unpackIssue(json));
    if (!parsed.ok) return parsed;
    if (parsed.value.id !== issueId) return { ok: false, error: `holds issue ${parsed.value.id}, not ${issueId}` };
    return parsed;
  });
}

export function decodeSettings(items: Readonly<Record<string, unknown>>): Promise<DecodeResult<SyncedSettings>> {
  return decodeRecord(items, SETTINGS_KEY, (json): { ok: true; value: SyncedSettings } | { ok: false; error: string } => {
    const carriesStyle = typeof json === 'object' && json !== null && !Array.isArray(json) && Object.hasOwn(json, 'houseStyle');
    // A style that cannot be read costs the settings their style only, as in a backup file (portable.ts).
    const style = carriesStyle ? parseHouseStyle((json as { houseStyle: unknown }).houseStyle) : null;
    const parsed = parseSettings(style?.ok === false ? { ...(json as object), houseStyle: undefined } : json);
    if (!parsed.ok) return parsed;
    if (style?.ok) return parsed;
    // Left out by the writer: not "the default style", which would overwrite the receiver's own.
    const { houseStyle: _leftOut, ...rest } = parsed.value;
    return { ok: true, value: style === null ? rest : { ...rest, houseStyleProblem: style.error } };
  });
}

export function decodeFeaturedKeys(items: Readonly<Record<string, unknown>>): Promise<DecodeResult<FeaturedIssueKeys[]>> {
  return decodeRecord(items, FEATURED_KEY, (json) => parseFeaturedKeys(json));
}

/** Keys of `present` that belong to the record but not to its new version: chunks past the new count. */
export function staleChunkKeys(present: Iterable<string>, record: EncodedRecord): string[] {
  return [...present].filter((key) => {
    const parsed = parseSyncKey(key);
    return parsed?.recordKey === record.key && parsed.chunk !== null && parsed.chunk >= record.head.n;
  });
}

/**
 * What one item costs against the quota: the key's length plus the JSON of the value, in UTF-8
 * bytes, as Chromium's JSON writer spells it (it also escapes `<`, U+2028 and U+2029 as `\uXXXX`).
 */
export function syncItemBytes(key: string, value: unknown): number {
  return utf8Bytes(key) + jsonBytes(value);
}

// --- encoding --------------------------------------------------------------------------------

/** Any JSON value as a record under `key`; drafts, settings and featured keys all go through here. */
export async function encodeRecord(key: string, value: unknown, at: Hlc): Promise<EncodedRecord> {
  const payload = bytesToBase64(await transform(new TextEncoder().encode(JSON.stringify(value)), new CompressionStream('deflate-raw')));
  const chunks: string[] = [];
  for (let offset = 0; offset < payload.length || chunks.length === 0;) {
    // Base64 needs no escaping in JSON: a chunk costs its key, two quotes and its characters.
    const room = SYNC_QUOTA.itemBytes - utf8Bytes(chunkKey(key, chunks.length)) - 2;
    chunks.push(payload.slice(offset, offset + room));
    offset += room;
  }
  const head: SyncHead = { v: SYNC_FORMAT_VERSION, n: chunks.length, sum: checksum(payload), at };
  const items: Record<string, unknown> = { [key]: head };
  chunks.forEach((chunk, index) => { items[chunkKey(key, index)] = chunk; });
  const bytes = Object.entries(items).reduce((total, [itemKey, item]) => total + syncItemBytes(itemKey, item), 0);
  return { key, head, items, bytes };
}

type Parse<T> = (json: unknown) => { ok: true; value: T } | { ok: false; error: string };

async function decodeRecord<T>(items: Readonly<Record<string, unknown>>, key: string, parse: Parse<T>): Promise<DecodeResult<T>> {
  if (items[key] === undefined) return { status: 'absent' };
  const head = readHead(items[key]);
  if (typeof head === 'string') {
    return { status: 'invalid', error: `${key}: ${head}`, ...(isNewerVersion(items[key]) ? { newerVersion: true as const } : {}) };
  }
  const chunks: string[] = [];
  for (let index = 0; index < head.n; index++) {
    const chunk = items[chunkKey(key, index)];
    if (chunk === undefined) return { status: 'incomplete', reason: `${key}: chunk ${index} of ${head.n} has not arrived` };
    if (typeof chunk !== 'string') return { status: 'invalid', error: `${chunkKey(key, index)}: expected a string chunk` };
    chunks.push(chunk);
  }
  const payload = chunks.join('');
  if (checksum(payload) !== head.sum) return { status: 'incomplete', reason: `${key}: checksum does not match (chunks of another version?)` };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await transform(base64ToBytes(payload), new DecompressionStream('deflate-raw'))));
  } catch (error) {
    return { status: 'invalid', error: `${key}: cannot read the payload (${error instanceof Error ? error.message : String(error)})` };
  }
  let parsed: ReturnType<Parse<T>>;
  try {
    parsed = parse(json);
  } catch (error) {
    return { status: 'invalid', error: `${key}: ${error instanceof Error ? error.message : String(error)}` };
  }
  return parsed.ok ? { status: 'complete', value: parsed.value, head } : { status: 'invalid', error: `${key}: ${parsed.error}` };
}

function isNewerVersion(head: unknown): boolean {
  const version = typeof head === 'object' && head !== null ? (head as { v?: unknown }).v : undefined;
  return typeof version === 'number' && Number.isInteger(version) && version > SYNC_FORMAT_VERSION;
}

/** The head, or why it is not one. */
function readHead(value: unknown): SyncHead | string {
  if (typeof value !== 'object' || value === null) return 'expected a head object';
  const { v, n, sum, at } = value as Record<string, unknown>;
  if (typeof v !== 'number') return 'the head has no format version';
  if (v !== SYNC_FORMAT_VERSION) return `written in format ${v} by another version of Roundup; this one reads ${SYNC_FORMAT_VERSION}`;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > SYNC_QUOTA.maxItems) return 'the head has no valid chunk count';
  if (typeof sum !== 'string' || !/^[0-9a-f]{8}$/.test(sum)) return 'the head has no valid checksum';
  if (typeof at !== 'string' || !HLC_PATTERN.test(at)) return 'the head has no valid clock';
  return { v, n, sum, at };
}

/** Pipes bytes through a (de)compression stream; rejects when the input is not valid deflate. */
async function transform(input: Uint8Array<ArrayBuffer>, stream: { readable: ReadableStream<Uint8Array>; writable: WritableStream<BufferSource> }): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  const written = writer.write(input).then(() => writer.close());
  const parts: Uint8Array[] = [];
  const reader = stream.readable.getReader();
  const read = (async () => {
    for (let next = await reader.read(); !next.done; next = await reader.read()) parts.push(next.value);
  })();
  await Promise.all([written, read]);
  const output = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    output.set(part, offset);
    offset += part.length;
  }
  return output;
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  return btoa(binary);
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new Error('not base64');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** FNV-1a, 32 bits: enough to tell chunks of two versions apart; not a defence against forgery (tests forge it). */
export function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  let extra = 0;
  for (const match of json.matchAll(/[<\u2028\u2029]/g)) extra += 6 - utf8Bytes(match[0]);
  return utf8Bytes(json) + extra;
}

function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length && isLowSurrogate(text.charCodeAt(index + 1))) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
