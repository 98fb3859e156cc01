/**
 * The sync mirror's memory (../mirror-memory.ts) in IndexedDB's meta store, beside the drafts it describes:
 * cleared together with them, so the mirror never believes it applied a record whose data is gone (a
 * memory in `storage.local` would outlive a cleared database). One small record, written only when it
 * changed, at most once a run.
 */
import type { RoundupDatabase } from '../../storage/db.ts';
import { inTransaction } from '../../storage/transaction.ts';
import type { MirrorMemoryStore } from '../ports.ts';

const MEMORY_KEY = 'syncMirrorMemory';

export function createMirrorMemoryRepo(db: () => Promise<RoundupDatabase>): MirrorMemoryStore {
  return {
    async load() {
      return inTransaction(await db(), ['meta'], 'readonly', 'read what sync remembers', (tx) => tx.store.get(MEMORY_KEY));
    },
    async save(memory) {
      await inTransaction(await db(), ['meta'], 'readwrite', 'remember what sync did', async (tx) => void await tx.store.put(memory, MEMORY_KEY));
    },
  };
}
