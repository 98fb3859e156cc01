/**
 * One place that hears "stored data changed": every background write calls `issuesChanged()` (or
 * `settingsChanged()`), and what follows a write listens here instead of being called from each handler:
 * the toolbar badge, the sync mirror, the context menus, and every open Roundup page, which is told with a
 * broadcast (STORED_CHANGE) and re-reads what changed, so an open editor page never shows or exports a stale issue.
 */
import browser from './extension-api.ts';
import type { StoredChange } from '../messages.ts';
import { refreshBadge } from './badge.ts';
import { logRejection } from '../core/rejections.ts';

type Listener = () => void;
const listeners = new Set<Listener>();

export function onIssuesChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells every open extension page; a page that is not open is not an error ("Receiving end does not exist"). */
export function announce(change: Omit<StoredChange, 'roundupChange'>): void {
  const message: StoredChange = { roundupChange: 1, ...change };
  browser.runtime.sendMessage(message).catch((error: unknown) => {
    if (!String(error).includes('Receiving end does not exist')) logRejection('tell the open pages what changed')(error);
  });
}

/** After a write of issues; `issueId` names the one issue written, when only one was. */
export async function issuesChanged(issueId?: string): Promise<void> {
  for (const listener of listeners) listener();
  announce({ what: 'issues', issueId: issueId ?? null });
  await refreshBadge();
}

export function settingsChanged(): void {
  announce({ what: 'settings', issueId: null });
}
