import { describe, expect, it } from 'vitest';
import type { Storage } from 'webextension-polyfill';
import { BrowserSyncArea } from './browser-sync-area.ts';

type StorageArea = Pick<Storage.StorageArea, 'get' | 'set' | 'remove'>;

/** `storage.sync` as the browser keeps it: values copied in and out, `get` answering only the keys it holds. */
function memoryStorageArea(initial: Record<string, unknown> = {}): StorageArea & { held: Map<string, unknown> } {
  const held = new Map(Object.entries(structuredClone(initial)));
  return {
    held,
    get: async (keys) => {
      const wanted = keys === null || keys === undefined ? [...held.keys()]
        : typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : Object.keys(keys);
      return Object.fromEntries(wanted.filter((key) => held.has(key)).map((key) => [key, structuredClone(held.get(key))]));
    },
    set: async (items) => {
      for (const [key, value] of Object.entries(items)) held.set(key, structuredClone(value));
    },
    remove: async (keys) => {
      for (const key of typeof keys === 'string' ? [keys] : keys) held.delete(key);
    },
  };
}

describe('BrowserSyncArea', () => {
  it('reads back what it wrote: every key, or only the named ones it holds', async () => {
    const storage = memoryStorageArea({ s: 1 });
    const area = new BrowserSyncArea(storage);
    await area.set({ 'd:issue-1': { head: 'h' }, f: [2] });
    expect(await area.get(null)).toEqual({ s: 1, 'd:issue-1': { head: 'h' }, f: [2] });
    expect(await area.get(['f', 'missing'])).toEqual({ f: [2] });
  });

  it('removes the named keys and keeps the others', async () => {
    const storage = memoryStorageArea({ s: 1, f: 2, 'o:issue-1': true });
    const area = new BrowserSyncArea(storage);
    await area.remove(['f', 'o:issue-1']);
    expect(Object.fromEntries(storage.held)).toEqual({ s: 1 });
  });

  it('hands the browser\u2019s refusal to its caller and leaves the area as it was', async () => {
    const storage = memoryStorageArea({ s: 1 });
    const refusal = Object.assign(new Error('QuotaExceededError: storage.sync API call exceeded its quota limitations.'), { name: 'QuotaExceededError' });
    const area = new BrowserSyncArea({ ...storage, set: async () => { throw refusal; } });
    await expect(area.set({ f: 2 })).rejects.toBe(refusal);
    expect(await area.get(null)).toEqual({ s: 1 });
  });

  it('tells every listener of the changes until that listener stops listening', () => {
    const area = new BrowserSyncArea(memoryStorageArea());
    const first: unknown[] = [];
    const second: unknown[] = [];
    const stopFirst = area.onChanged((changes) => first.push(changes));
    area.onChanged((changes) => second.push(changes));
    area.dispatch({ s: { newValue: 2, oldValue: 1 } });
    stopFirst();
    area.dispatch({ s: { oldValue: 2 } });
    expect(first).toEqual([{ s: { newValue: 2, oldValue: 1 } }]);
    expect(second).toEqual([{ s: { newValue: 2, oldValue: 1 } }, { s: { oldValue: 2 } }]);
  });
});
