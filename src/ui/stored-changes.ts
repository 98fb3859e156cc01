/**
 * Every Roundup page shows what is stored now: the background broadcasts each write (StoredChange,
 * src/background/changes.ts) and the page re-reads what changed. A burst of writes (typing, an import)
 * is read once, after a short pause.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { StoredChange } from '../messages.ts';
import { extensionApi } from './extension-api.ts';

const COALESCE_MS = 60;

export function isStoredChange(message: unknown): message is StoredChange {
  if (typeof message !== 'object' || message === null) return false;
  const change = message as Partial<StoredChange>;
  return change.roundupChange === 1 && (change.what === 'issues' || change.what === 'settings')
    && (change.issueId === null || typeof change.issueId === 'string');
}

/**
 * Calls `onChange` with the changes heard since the last call, at most once per pause. The listener never
 * answers: the page also hears other pages' requests to the background, which the background answers.
 */
export function useStoredChanges(onChange: (changes: StoredChange[]) => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    const { runtime } = extensionApi();
    let heard: StoredChange[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const listener = (message: unknown): undefined => {
      if (!isStoredChange(message)) return undefined;
      heard.push(message);
      timer ??= setTimeout(() => {
        const changes = heard;
        heard = [];
        timer = undefined;
        latest.current(changes);
      }, COALESCE_MS);
      return undefined;
    };
    runtime.onMessage.addListener(listener);
    return () => {
      runtime.onMessage.removeListener(listener);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
}
