/**
 * One place that hears "stored issues changed": every background write calls `issuesChanged()`, and what
 * follows a write (the toolbar badge, the sync mirror) listens here instead of being called from each handler.
 */
import { refreshBadge } from './badge.ts';

type Listener = () => void;
const listeners = new Set<Listener>();

export function onIssuesChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function issuesChanged(): Promise<void> {
  for (const listener of listeners) listener();
  await refreshBadge();
}
