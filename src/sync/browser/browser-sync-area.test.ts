import { describe, expect, it } from 'vitest';
import { BrowserSyncArea } from './browser-sync-area.ts';

describe('BrowserSyncArea', () => {
  it('passes calls to the storage area and changes to its listeners until they stop listening', async () => {
    const calls: unknown[][] = [];
    const area = new BrowserSyncArea({
      get: async (keys) => { calls.push(['get', keys]); return { s: 1 }; },
      set: async (items) => void calls.push(['set', items]),
      remove: async (keys) => void calls.push(['remove', keys]),
    });
    expect(await area.get(null)).toEqual({ s: 1 });
    await area.set({ f: 2 });
    await area.remove(['f']);
    expect(calls).toEqual([['get', null], ['set', { f: 2 }], ['remove', ['f']]]);

    const heard: unknown[] = [];
    const stop = area.onChanged((changes) => heard.push(changes));
    area.dispatch({ s: { newValue: 2, oldValue: 1 } });
    stop();
    area.dispatch({ s: { oldValue: 2 } });
    expect(heard).toEqual([{ s: { newValue: 2, oldValue: 1 } }]);
  });
});
