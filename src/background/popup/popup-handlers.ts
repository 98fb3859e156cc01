/** What the popup asks for: the state of the active tab, its pending edits, and adding the page. */
import browser from '../extension-api.ts';
import { newId } from '../../core/ids.ts';
import { addItem, moveItem, updateItem } from '../../core/issue-ops.ts';
import { liveItems } from '../../core/live-parts.ts';
import { listDrafts } from '../../storage/issues-repo.ts';
import { getPopupForm, pendingKeyForTab, putPopupForm } from '../../storage/pending-repo.ts';
import { getSyncedFeaturedKeys } from '../../sync/index.ts';
import { database } from '../database.ts';
import { featuredForPage } from '../featured-for-page.ts';
import { findItemForPage } from '../find-item-for-page.ts';
import { takeReads } from './early-reads.ts';
import { edit, requireIssue, summarize } from '../handlers/edit-issue.ts';
import type { HandlersFor } from '../handlers/handler-types.ts';
import { rememberSection } from '../last-section.ts';
import { LATE_CAPTURE_LIMIT_MS, lateCaptureFor } from './late-captures.ts';
import { takeMenuAdd } from './menu-adds.ts';
import { buildPopupState, type PopupTab } from './popup-state.ts';
import type { PopupState } from '../../messages.ts';

/** The tab the popup named (its window's active tab), else the active tab of the window focused last. */
async function popupTab(tabId: number | undefined): Promise<PopupTab> {
  const [active] = tabId === undefined ? await browser.tabs.query({ active: true, lastFocusedWindow: true }) : [await browser.tabs.get(tabId)];
  if (active?.id === undefined) throw new Error('Roundup could not tell which tab is open.');
  return { id: active.id, url: active.url ?? '', title: active.title ?? '' };
}

export const popupHandlers: HandlersFor<'popup/open' | 'popup/late-capture' | 'popup/details' | 'pending/save' | 'item/add'> = {
  async 'popup/open'({ tabId }): Promise<PopupState> {
    // After a click that reached the background (toolbar-click.ts), the popup is for the tab clicked, whose
    // reads started then (early-reads.ts). Else (the browser opened the popup itself) it is for the tab the
    // popup names, read now.
    const taken = takeReads();
    const early = taken && (tabId === undefined || taken.tab.id === tabId) ? taken : undefined;
    const tab = early?.tab ?? await popupTab(tabId);
    // A context-menu add that opened this popup has finished before the draft is read, so the popup shows it.
    const menuAdded = await takeMenuAdd();
    return { ...await buildPopupState(tab, { early: early?.capture, context: early?.context }), menuAdded };
  },

  async 'popup/late-capture'({ tabId, url }) {
    const page = lateCaptureFor(tabId, url);
    if (page === undefined) return null;
    const finished = await Promise.race([page, new Promise<null>((done) => setTimeout(() => done(null), LATE_CAPTURE_LIMIT_MS))]);
    return finished === null ? null : buildPopupState({ id: tabId, url, title: '' }, { late: Promise.resolve(finished) });
  },

  async 'popup/details'({ issueId, url, canonicalUrl }) {
    const db = await database();
    // Only the drafts are listed, and "already featured" is a keyed read: a long archive costs the popup nothing.
    const [listed, synced] = await Promise.all([listDrafts(db), getSyncedFeaturedKeys(db)]);
    const draft = listed.values.find((issue) => issue.id === issueId) ?? await requireIssue(issueId);
    const storedDrafts = listed.values;
    const drafts = storedDrafts.some((issue) => issue.id === draft.id) ? storedDrafts : [draft, ...storedDrafts];
    // This device's issues, plus the featured keys synced from devices that published issues it never held.
    const featured = await featuredForPage(db, { url, canonicalUrl, draftId: draft.id, synced });
    return {
      draft, drafts: drafts.map(summarize), featured,
      problems: listed.problems.map((problem) => `A stored ${problem.store} record could not be read: ${problem.message}`),
    };
  },

  async 'pending/save'({ tabId, url, title, summary, note, sectionId }) {
    const db = await database();
    const key = pendingKeyForTab(tabId);
    const previous = await getPopupForm(db, key, url);
    const itemId = previous?.itemId ?? null;
    const issueId = previous?.issueId ?? null;
    await putPopupForm(db, { key, url, title, summary, note, sectionId, itemId, issueId, updatedAt: new Date().toISOString() });
    if (itemId && issueId) {
      // Once added, the popup edits the stored item itself.
      await edit(issueId, (issue, at) => {
        if (!liveItems(issue).some((item) => item.id === itemId)) return issue;
        const edited = updateItem(issue, itemId, { title, summary, note }, at);
        const current = edited.items.find((item) => item.id === itemId);
        return sectionId && current && current.sectionId !== sectionId
          ? moveItem(edited, itemId, { sectionId, index: Infinity }, at) : edited;
      });
    }
  },

  async 'item/add'({ tabId, tabUrl, issueId, sectionId, fields }) {
    let itemId = '';
    let updatedExisting = false;
    const issue = await edit(issueId, (current, at) => {
      const existing = findItemForPage(current, fields.url, fields.canonicalUrl);
      if (existing) {
        // Adding a page that is already in the draft edits that item: never a duplicate.
        itemId = existing.id;
        updatedExisting = true;
        const { url: _url, canonicalUrl: _canonical, ...editable } = fields;
        const edited = updateItem(current, existing.id, editable, at);
        return existing.sectionId === sectionId ? edited : moveItem(edited, existing.id, { sectionId, index: Infinity }, at);
      }
      itemId = newId();
      return addItem(current, { id: itemId, capturedAt: new Date().toISOString(), ...fields }, { sectionId, at });
    });
    await rememberSection(fields.site, sectionId);
    const db = await database();
    if (tabId !== null) {
      // Kept under the tab's address, which the popup's later edits name (`pending/save`), so they reach the item.
      await putPopupForm(db, {
        key: pendingKeyForTab(tabId), url: tabUrl ?? fields.url, title: fields.title, summary: fields.summary, note: fields.note,
        sectionId, itemId, issueId, updatedAt: new Date().toISOString(),
      });
    }
    const sectionName = issue.sections.find((section) => section.id === sectionId)?.name ?? '';
    return { issue, itemId, sectionName, updatedExisting };
  },
};
