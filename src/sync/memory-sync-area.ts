/**
 * An in-memory `storage.sync` for tests that enforces the real limits, measured as Chrome
 * measures them and written independently of core/sync-codec.ts so the two check each other:
 * 8,192 bytes per item (key + JSON of the value), 102,400 in all, 512 items, 120 writes a minute
 * and 1,800 an hour (each `set`/`remove` call is one write). Failing calls change nothing.
 * `receive` plays another device's changes arriving through the browser's sync.
 */
import { SYNC_QUOTA } from '../core/sync-codec.ts';
import type { SyncArea, SyncAreaChange } from './ports.ts';

type Listener = (changes: Record<string, SyncAreaChange>) => void;

export class MemorySyncArea implements SyncArea {
  readonly calls = { get: 0, set: 0, remove: 0 };
  private items = new Map<string, string>();
  private writeTimes: number[] = [];
  private readonly listeners = new Set<Listener>();

  constructor(private readonly now: () => number, private readonly quota = SYNC_QUOTA) {}

  async get(keys: string[] | null): Promise<Record<string, unknown>> {
    this.calls.get++;
    return this.snapshot(keys);
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.calls.set++;
    this.checkRate();
    const next = new Map(this.items);
    for (const [key, value] of Object.entries(items)) {
      const json = JSON.stringify(value);
      if (chromeQuotaBytes(key, json) > this.quota.itemBytes) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      next.set(key, json);
    }
    if (next.size > this.quota.maxItems) throw new Error('MAX_ITEMS quota exceeded');
    if (totalBytes(next) > this.quota.totalBytes) throw new Error('QUOTA_BYTES quota exceeded');
    this.writeTimes.push(this.now());
    this.commit(next);
  }

  async remove(keys: string[]): Promise<void> {
    this.calls.remove++;
    this.checkRate();
    const next = new Map(this.items);
    for (const key of keys) next.delete(key);
    this.writeTimes.push(this.now());
    this.commit(next);
  }

  onChanged(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Changes made on another device arrive: no quota, no rate limit, listeners are told. */
  receive(items: Record<string, unknown>, removed: readonly string[] = []): void {
    const next = new Map(this.items);
    for (const [key, value] of Object.entries(items)) next.set(key, JSON.stringify(value));
    for (const key of removed) next.delete(key);
    this.commit(next);
  }

  snapshot(keys: string[] | null = null): Record<string, unknown> {
    const wanted = keys ?? [...this.items.keys()];
    return Object.fromEntries(wanted.flatMap((key) => {
      const json = this.items.get(key);
      return json === undefined ? [] : [[key, JSON.parse(json) as unknown]];
    }));
  }

  bytesInUse(): number {
    return totalBytes(this.items);
  }

  private checkRate(): void {
    const now = this.now();
    this.writeTimes = this.writeTimes.filter((time) => time > now - 3_600_000);
    if (this.writeTimes.length >= this.quota.writesPerHour) {
      throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.');
    }
    if (this.writeTimes.filter((time) => time > now - 60_000).length >= this.quota.writesPerMinute) {
      throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    }
  }

  private commit(next: Map<string, string>): void {
    const changes: Record<string, SyncAreaChange> = {};
    for (const key of new Set([...this.items.keys(), ...next.keys()])) {
      const [before, after] = [this.items.get(key), next.get(key)];
      if (before === after) continue;
      changes[key] = {
        ...(before === undefined ? {} : { oldValue: JSON.parse(before) as unknown }),
        ...(after === undefined ? {} : { newValue: JSON.parse(after) as unknown }),
      };
    }
    this.items = next;
    if (Object.keys(changes).length === 0) return;
    // Like the browser's event, listeners hear about a change after the call that made it.
    for (const listener of this.listeners) queueMicrotask(() => listener(changes));
  }
}

/** Makes `to` hold what `from` holds, as the sync server would (keys missing from `from` go). */
export function deliverSync(from: MemorySyncArea, to: MemorySyncArea, only?: (key: string) => boolean): void {
  const source = from.snapshot();
  const target = to.snapshot();
  const wanted = (key: string) => only === undefined || only(key);
  const changed = Object.fromEntries(Object.entries(source).filter(([key, value]) =>
    wanted(key) && JSON.stringify(value) !== JSON.stringify(target[key])));
  to.receive(changed, Object.keys(target).filter((key) => wanted(key) && !(key in source)));
}

/** Chromium's JSON writer also escapes `<`, U+2028 and U+2029 as six-character `\uXXXX`. */
function chromeQuotaBytes(key: string, json: string): number {
  const escapes = json.match(/[<\u2028\u2029]/g) ?? [];
  const encoder = new TextEncoder();
  return encoder.encode(key).length + encoder.encode(json).length + escapes.reduce((extra, character) => extra + 6 - encoder.encode(character).length, 0);
}

function totalBytes(items: ReadonlyMap<string, string>): number {
  let total = 0;
  for (const [key, json] of items) total += chromeQuotaBytes(key, json);
  return total;
}
