/**
 * The popup's state: what the background knows about the active tab, and the form the editor is typing
 * into. Every keystroke is sent to the background at once (no debounce): the popup can close at any
 * moment, and a message that has left the page is not lost with it.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Issue } from '../src/core/model.ts';
import type { AddResult, PopupState } from '../src/messages.ts';
import { send } from '../src/ui/send.ts';

export interface Form {
  title: string;
  summary: string;
  note: string;
  sectionId: string | null;
}

export interface Added {
  result: AddResult;
  issueNumber: number;
}

function initialForm(state: PopupState): Form {
  const existing = state.draft.items.find((item) => item.id === state.existingItemId);
  const base = existing ?? { title: state.capture.title, summary: state.capture.summary, note: '' };
  const pending = state.pending;
  return {
    title: pending?.title ?? base.title,
    summary: pending?.summary ?? base.summary,
    note: pending?.note ?? base.note,
    sectionId: state.defaultSectionId,
  };
}

export function usePopup() {
  const [tab, setTab] = useState<{ id: number; url: string } | null>(null);
  const [state, setState] = useState<PopupState | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [added, setAdded] = useState<Added | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fail = useCallback((caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)), []);

  const load = useCallback(async () => {
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    if (active?.id === undefined) throw new Error('Roundup could not tell which tab is open.');
    const url = active.url ?? '';
    const next = await send('popup/open', { tabId: active.id, url, title: active.title ?? '' });
    setTab({ id: active.id, url });
    setState(next);
    setForm(initialForm(next));
    // The benchmark (bench/popup.ts) reads this: the capture is shown and "Add to issue" can be pressed.
    requestAnimationFrame(() => performance.mark('roundup:ready'));
    if (next.pending?.itemId) {
      const item = next.draft.items.find((candidate) => candidate.id === next.pending?.itemId && !candidate.deleted);
      const section = next.draft.sections.find((candidate) => candidate.id === item?.sectionId);
      if (item && section) {
        setAdded({ result: { issue: next.draft, itemId: item.id, sectionName: section.name, updatedExisting: false }, issueNumber: next.draft.number });
      }
    }
  }, []);

  useEffect(() => {
    load().catch(fail);
    // Best effort: keep Roundup's data when the browser runs short of disk space.
    void navigator.storage?.persist?.().catch(() => undefined);
  }, [load, fail]);

  const setDraft = useCallback((draft: Issue) => setState((current) => (current ? { ...current, draft } : current)), []);

  const edit = useCallback((patch: Partial<Form>) => {
    if (!form || !tab) return;
    const next = { ...form, ...patch };
    setForm(next);
    send('pending/save', { tabId: tab.id, url: tab.url, ...next }).catch(fail);
  }, [form, tab, fail]);

  const add = useCallback(async () => {
    if (!state || !form?.sectionId || busy) return;
    setBusy(true);
    setError(null);
    try {
      const { url, canonicalUrl, site, authors, publishedAt, image, kind } = state.capture;
      const result = await send('item/add', {
        tabId: tab?.id ?? null, issueId: state.draft.id, sectionId: form.sectionId,
        fields: { url, canonicalUrl, title: form.title, summary: form.summary, note: form.note, site, authors, publishedAt, image, kind },
      });
      setDraft(result.issue);
      setAdded({ result, issueNumber: result.issue.number });
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  }, [state, form, tab, busy, fail, setDraft]);

  const undoAdd = useCallback(async () => {
    if (!added) return;
    try {
      setDraft(await send('item/remove', { issueId: added.result.issue.id, itemId: added.result.itemId }));
      setAdded(null);
      await load();
    } catch (caught) {
      fail(caught);
    }
  }, [added, fail, setDraft, load]);

  return { state, form, added, error, busy, edit, add, undoAdd, setDraft, reload: load, fail, setError };
}
