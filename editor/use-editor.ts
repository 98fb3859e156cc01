/**
 * The editor page's state: the issues, the open issue and the settings, as the background last
 * answered. Every change is sent at once; answers can overtake one another, so only the answer to
 * the newest request is shown (it already contains the earlier changes, which the background applies
 * in order). The open issue lives in the address (`#issue=<id>`, optionally `&item=<id>`).
 * Writes made elsewhere (the popup, another tab, another device) are broadcast by the background, and the
 * page reads the list, the open issue and the settings again at once: it never shows or exports a stale issue.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Issue, Settings } from '../src/core/model.ts';
import type { IssueSummary } from '../src/messages.ts';
import { errorText } from '../src/ui/error-text.ts';
import { send } from '../src/ui/send.ts';
import { useStoredChanges } from '../src/ui/stored-changes.ts';

export interface Route {
  issueId: string | null;
  itemId: string | null;
}

export function readRoute(hash = location.hash): Route {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return { issueId: params.get('issue'), itemId: params.get('item') };
}

export function routeHref(issueId: string, itemId?: string): string {
  return `#${new URLSearchParams(itemId ? { issue: issueId, item: itemId } : { issue: issueId }).toString()}`;
}

export function useEditor() {
  const [issues, setIssues] = useState<IssueSummary[] | null>(null);
  const [issue, setIssue] = useState<Issue | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focusItemId, setFocusItemId] = useState<string | null>(null);
  /** Counts stored changes, for "Recently removed" to read its list again. */
  const [removedVersion, setRemovedVersion] = useState(0);
  const sent = useRef(0);
  const shown = useRef(0);

  const fail = useCallback((caught: unknown) => setError(errorText(caught)), []);
  // The same words twice in a row would not be read again; a trailing no-break space makes them new.
  const announce = useCallback((text: string) => setAnnouncement((previous) => (previous === text ? `${text}\u00a0` : text)), []);

  const reloadList = useCallback(async () => {
    const list = await send('issue/list', {});
    setIssues(list);
    return list;
  }, []);

  const load = useCallback(async () => {
    const [list, loadedSettings] = await Promise.all([reloadList(), send('settings/get', {})]);
    setSettings(loadedSettings);
    const route = readRoute();
    const issueId = route.issueId ?? list[0]?.id ?? null;
    setIssue(issueId ? await send('issue/get', { issueId }) : null);
    setFocusItemId(route.itemId);
  }, [reloadList]);

  /** Sends one change of the open issue and shows the answer, unless a newer one was sent since. */
  const change = useCallback(async (action: () => Promise<Issue>, announceText?: string): Promise<Issue | null> => {
    const request = ++sent.current;
    try {
      const next = await action();
      if (request > shown.current) {
        shown.current = request;
        setIssue((current) => (current === null || current.id === next.id ? next : current));
      }
      setError(null);
      if (announceText) announce(announceText);
      return next;
    } catch (caught) {
      fail(caught);
      return null;
    }
  }, [announce, fail]);

  const open = useCallback((issueId: string, itemId?: string) => {
    const href = routeHref(issueId, itemId);
    if (location.hash === href) load().catch(fail);
    else location.hash = href;
  }, [load, fail]);

  /** What the popup (or another tab, or another device) changed: the list, the open issue, the settings. */
  const refresh = useCallback(async () => {
    const [list, loadedSettings] = await Promise.all([reloadList(), send('settings/get', {})]);
    setSettings(loadedSettings);
    const issueId = readRoute().issueId ?? list[0]?.id;
    if (issueId) await change(() => send('issue/get', { issueId }));
    setRemovedVersion((version) => version + 1);
  }, [reloadList, change]);

  useStoredChanges(() => { refresh().catch(fail); });

  useEffect(() => {
    load().catch(fail);
    const onHashChange = () => { setError(null); load().catch(fail); };
    const onVisible = () => { if (document.visibilityState === 'visible') refresh().catch(fail); };
    addEventListener('hashchange', onHashChange);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      removeEventListener('hashchange', onHashChange);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [load, refresh, fail]);

  return { issues, issue, settings, error, setError, fail, announcement, announce, change, open, reloadList, focusItemId, setFocusItemId, removedVersion };
}

export type EditorState = ReturnType<typeof useEditor>;
