/**
 * The popup's state: what the background knows about the active tab, and the form the editor is typing
 * into. Every keystroke is sent to the background at once (no debounce): the popup can close at any
 * moment, and a message that has left the page is not lost with it. Writes made elsewhere (the editor
 * tab, another device) are broadcast by the background; the popup then reads the draft again.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Issue } from '../src/core/model.ts';
import type { AddResult, PopupDetails, PopupState } from '../src/messages.ts';
import { errorText } from '../src/ui/error-text.ts';
import { send } from '../src/ui/send.ts';
import { useStoredChanges } from '../src/ui/stored-changes.ts';
import { openPopupForActiveTab } from './open-popup.ts';
import { ignoreRejection } from '../src/core/rejections.ts';

export interface Form {
  title: string;
  summary: string;
  note: string;
  sectionId: string | null;
}

export interface Added {
  issueId: string;
  issueNumber: number;
  itemId: string;
  sectionName: string;
  updatedExisting: boolean;
}

function initialForm(state: PopupState): Form {
  const base = state.existingItem ?? { title: state.fields.title, summary: state.fields.summary, note: '' };
  const pending = state.pending;
  return {
    title: pending?.title ?? base.title,
    summary: pending?.summary ?? base.summary,
    note: pending?.note ?? base.note,
    sectionId: state.defaultSectionId,
  };
}

/** "Added to …" again when the popup reopens on a page it already added (by the form or a menu). */
function addedEarlier(state: PopupState): Added | null {
  const item = state.addedItem;
  const section = state.draft.sections.find((candidate) => candidate.id === item?.sectionId);
  if (!item || !section) return null;
  const menu = state.menuAdded;
  const updatedExisting = menu?.ok === true && menu.itemId === item.id && menu.updatedExisting;
  return { issueId: state.draft.id, issueNumber: state.draft.number, itemId: item.id, sectionName: section.name, updatedExisting };
}

function addedNow(result: AddResult): Added {
  return { issueId: result.issue.id, issueNumber: result.issue.number, itemId: result.itemId, sectionName: result.sectionName, updatedExisting: result.updatedExisting };
}

export function usePopup(opening: Promise<PopupState>) {
  const [state, setState] = useState<PopupState | null>(null);
  /** Arrives after the form: the whole draft, the draft list, "featured in". */
  const [details, setDetails] = useState<PopupDetails | null>(null);
  /** The whole draft: from the details, then from every edit's answer. */
  const [draft, setDraftState] = useState<Issue | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [added, setAdded] = useState<Added | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Counts the times the popup was (re)loaded, so late answers for an earlier load are dropped. */
  const loads = useRef(0);
  /** Orders every answer that carries the draft: only one newer than the draft shown replaces it. */
  const asked = useRef(0);
  const shownAnswer = useRef(0);
  /** What the form showed when the page was read, to tell typed fields from untouched ones. */
  const shownForm = useRef<Form | null>(null);
  const formRef = useRef<Form | null>(null);
  formRef.current = form;

  const fail = useCallback((caught: unknown) => setError(errorText(caught)), []);

  /** Shows a draft that came with an answer to request number `request`, unless a newer one is shown. */
  const showDraft = useCallback((next: Issue, request: number) => {
    if (request < shownAnswer.current) return;
    shownAnswer.current = request;
    setDraftState(next);
  }, []);

  /** For answers to edits: they carry the draft as the edit left it. */
  const setDraft = useCallback((next: Issue) => showDraft(next, ++asked.current), [showDraft]);

  const loadDetails = useCallback(async ({ draft: outline, fields }: PopupState) => {
    const load = loads.current;
    const request = ++asked.current;
    const next = await send('popup/details', { issueId: outline.id, url: fields.url, canonicalUrl: fields.canonicalUrl });
    if (load !== loads.current) return;
    setDetails(next);
    showDraft(next.draft, request);
    // The benchmark (bench/popup.ts) reads this too: the draft list and "Featured in" have arrived.
    performance.mark('roundup:details');
  }, [showDraft]);

  /** A busy page answered late: its fields fill what the editor has not typed into. */
  const awaitLateCapture = useCallback(async (shown: PopupState) => {
    const load = loads.current;
    const late = await send('popup/late-capture', { tabId: shown.tab.id, url: shown.tab.url });
    if (late === null || load !== loads.current) return;
    const before = shownForm.current;
    const current = formRef.current;
    const fresh = initialForm(late);
    if (before && current) {
      const untouched = (field: 'title' | 'summary' | 'note') => current[field] === before[field];
      const merged: Form = {
        title: untouched('title') ? fresh.title : current.title,
        summary: untouched('summary') ? fresh.summary : current.summary,
        note: untouched('note') ? fresh.note : current.note,
        sectionId: current.sectionId,
      };
      shownForm.current = fresh;
      setForm(merged);
    }
    setState({ ...late, menuAdded: shown.menuAdded });
    loadDetails(late).catch(fail);
  }, [fail, loadDetails]);

  const show = useCallback(async (next: Promise<PopupState>) => {
    const shown = await next;
    loads.current += 1;
    setState(shown);
    setDetails(null);
    const initial = initialForm(shown);
    shownForm.current = initial;
    setForm(initial);
    setAdded(addedEarlier(shown));
    requestAnimationFrame(() => {
      // The benchmark (bench/popup.ts) reads this too: the frame that paints the form has begun.
      performance.mark('roundup:frame');
      loadDetails(shown).catch(fail);
      if (shown.lateCapture) awaitLateCapture(shown).catch(fail);
      // Best effort: keep Roundup's data when the browser runs short of disk space.
      const persisting = navigator.storage?.persist?.();
      if (persisting !== undefined) ignoreRejection(persisting, 'a best effort: without it the browser may evict the data only when short of space');
    });
  }, [loadDetails, awaitLateCapture, fail]);

  const reload = useCallback(() => show(openPopupForActiveTab()), [show]);

  // A layout effect runs before the first paint, so a fast answer is not held back by a frame.
  useLayoutEffect(() => {
    show(opening).catch(fail);
  }, [opening, show, fail]);

  // The benchmark (bench/popup.ts) reads this: the capture is in the page and "Add to issue" can be
  // pressed. A layout effect runs once the form is in the DOM, before the browser paints it, as the empty
  // page's load event the benchmark compares it with comes before that page's first paint.
  const readyMarked = useRef(false);
  useLayoutEffect(() => {
    if (!state || !form || readyMarked.current) return;
    readyMarked.current = true;
    performance.mark('roundup:ready', { detail: { lateCapture: state.lateCapture } });
  }, [state, form]);

  // The editor tab (or another device) changed something. A change of this draft alone (the popup's own
  // typing among them) rereads the draft; any other change, the details too (other drafts, "featured in").
  useStoredChanges((changes) => {
    if (!state) return;
    const issueId = state.draft.id;
    if (!changes.every((change) => change.what === 'issues' && change.issueId === issueId)) {
      loadDetails(state).catch(fail);
      return;
    }
    const request = ++asked.current;
    send('issue/get', { issueId }).then((next) => {
      if (next.deleted !== undefined || next.status !== 'draft') reload().catch(fail); // deleted or published elsewhere
      else showDraft(next, request);
    }, fail);
  });

  const edit = useCallback((patch: Partial<Form>) => {
    if (!form || !state) return;
    const next = { ...form, ...patch };
    setForm(next);
    send('pending/save', { tabId: state.tab.id, url: state.tab.url, ...next }).catch(fail);
  }, [form, state, fail]);

  const add = useCallback(async () => {
    if (!state || !form?.sectionId || busy) return;
    setBusy(true);
    setError(null);
    try {
      const result = await send('item/add', {
        tabId: state.tab.id, tabUrl: state.tab.url, issueId: state.draft.id, sectionId: form.sectionId,
        fields: { ...state.fields, title: form.title, summary: form.summary, note: form.note },
      });
      setDraft(result.issue);
      setAdded(addedNow(result));
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  }, [state, form, busy, fail, setDraft]);

  const undoAdd = useCallback(async (target: { issueId: string; itemId: string } | null = added) => {
    if (!target) return;
    try {
      setDraft(await send('item/remove', { issueId: target.issueId, itemId: target.itemId }));
      setAdded(null);
      await reload();
    } catch (caught) {
      fail(caught);
    }
  }, [added, fail, reload, setDraft]);

  return { state, details, draft, form, added, error, busy, edit, add, undoAdd, setDraft, reload, fail, setError };
}
