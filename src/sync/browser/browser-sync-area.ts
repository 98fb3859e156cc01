/**
 * `browser.storage.sync` as the mirror's SyncArea (src/sync/ports.ts). Change events reach it through
 * `dispatch`, which background/index.ts calls from its top-level `storage.onChanged` listener: a
 * listener added later, when the mirror starts, would not wake a stopped service worker.
 */
import type { Storage } from 'webextension-polyfill';
import type { SyncArea, SyncAreaChange } from '../ports.ts';

type Listener = (changes: Record<string, SyncAreaChange>) => void;

export class BrowserSyncArea implements SyncArea {
  private readonly listeners = new Set<Listener>();

  constructor(private readonly storage: Pick<Storage.StorageArea, 'get' | 'set' | 'remove'>) {}

  get(keys: string[] | null): Promise<Record<string, unknown>> {
    return this.storage.get(keys);
  }

  set(items: Record<string, unknown>): Promise<void> {
    return this.storage.set(items);
  }

  remove(keys: string[]): Promise<void> {
    return this.storage.remove(keys);
  }

  onChanged(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Changes in the `sync` area only. */
  dispatch(changes: Record<string, SyncAreaChange>): void {
    for (const listener of this.listeners) listener(changes);
  }
}
