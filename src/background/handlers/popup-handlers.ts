/** What the popup asks for: the state of the active tab, its pending edits, and adding the page. */
import browser from 'webextension-polyfill';
import { buildFeaturedIndex, dedupeKeysOf } from '../../core/featured.ts';
import { findFeaturedEverywhere } from '../../core/featured-lookup.ts';
import { newId } from '../../core/ids.ts';
import { addItem, moveItem, updateItem } from '../../core/issue-ops.ts';
import { liveItems, liveSections } from '../../core/live-parts.ts';
import { DEFAULT_SETTINGS, type Issue } from '../../core/model.ts';
import type { DraftOutline, PopupState } from '../../messages.ts';
import { listIssues } from '../../storage/issues-repo.ts';
import { getLastSectionId, putLastSectionId } from '../../storage/meta-repo.ts';
import { getPendingDraft, pendingKeyForTab, putPendingDraft } from '../../storage/pending-repo.ts';
import { getSyncedFeaturedKeys } from '../../storage/synced-featured-keys.ts';
import { captureTab } from '../capture-tab.ts';
import { database } from '../database.ts';
import { takeEarlyPopup, type ClickedTab } from '../early-popup.ts';
import { findItemForPage } from '../find-item-for-page.ts';
import { readPopupContext } from '../popup-context.ts';
import { edit, requireIssue, summarize } from './edit-issue.ts';
import type { HandlersFor } from './handler-types.ts';

/** Any site's last-used section is remembered under the site; this key remembers the last one overall. */
const ANY_SITE = '*';

async function defaultSectionFor(issue: Issue, site: string): Promise<string | null> {
  const db = await database();
  const live = new Set(liveSections(issue).map((section) => section.id));
  const remembered = await Promise.all([site, ANY_SITE].map((key) => getLastSectionId(db, key)));
  return remembered.find((id) => id !== undefined && live.has(id)) ?? liveSections(issue)[0]?.id ?? null;
}

/** The active tab of the window the editor is using: where a popup opened without a click of ours belongs. */
async function focusedTab(): Promise<ClickedTab> {
  const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (active?.id === undefined) throw new Error('Roundup could not tell which tab is open.');
  return { id: active.id, url: active.url ?? '', title: active.title ?? '' };
}

function outline(issue: Issue): DraftOutline {
  return { ...summarize(issue), sections: liveSections(issue).map(({ id, name }) => ({ id, name })) };
}

export const popupHandlers: HandlersFor<'popup/open' | 'popup/details' | 'pending/save' | 'item/add'> = {
  async 'popup/open'(): Promise<PopupState> {
    // In Chrome the click came here first (early-popup.ts): its tab, and the page and storage read then.
    // Else (Firefox, a reopened popup) the popup is for the focused window's active tab, read now.
    const early = takeEarlyPopup();
    const { id: tabId, url, title } = early?.tab ?? await focusedTab();
    // The capture (the slow part: it runs in the page) uses the default summary length; an editor who
    // changed the length gets a second capture.
    const readPage = async () => (await early?.capture) ?? captureTab(tabId, url, title, DEFAULT_SETTINGS.summaryLength);
    const [first, { summaryLength, draft, pending }] = await Promise.all([readPage(), early?.context ?? readPopupContext(tabId, url)]);
    const tab = first.problem === null && summaryLength !== DEFAULT_SETTINGS.summaryLength
      ? await captureTab(tabId, url, title, summaryLength) : first;
    const { capture } = tab;
    const existing = findItemForPage(draft, capture.url, capture.canonicalUrl);
    const added = pending?.itemId ? liveItems(draft).find((item) => item.id === pending.itemId) : undefined;
    const pendingFields = pending
      ? { title: pending.title, summary: pending.summary, note: pending.note, sectionId: pending.sectionId, itemId: pending.itemId }
      : null;
    return {
      tab: { id: tabId, url }, capture, captureProblem: tab.problem, pending: pendingFields, draft: outline(draft),
      existingItem: existing, addedItem: added ?? null,
      defaultSectionId: pending?.sectionId ?? existing?.sectionId ?? await defaultSectionFor(draft, capture.site),
    };
  },

  async 'popup/details'({ issueId, url, canonicalUrl }) {
    const db = await database();
    // The issues are read once, for the whole draft, the draft list and "already featured" alike.
    const [listed, synced] = await Promise.all([listIssues(db), getSyncedFeaturedKeys(db)]);
    const draft = listed.values.find((issue) => issue.id === issueId) ?? await requireIssue(issueId);
    const storedDrafts = listed.values.filter((issue) => issue.status === 'draft');
    const drafts = storedDrafts.some((issue) => issue.id === draft.id) ? storedDrafts : [draft, ...storedDrafts];
    // This device's issues, plus the featured keys synced from devices that published issues it never held.
    const featured = findFeaturedEverywhere({
      index: buildFeaturedIndex(listed.values.filter((issue) => issue.id !== draft.id)),
      issues: listed.values, synced, dedupeKeys: dedupeKeysOf(url, canonicalUrl),
    });
    return {
      draft, drafts: drafts.map(summarize), featured,
      problems: listed.problems.map((problem) => `A stored ${problem.store} record could not be read: ${problem.message}`),
    };
  },

  async 'pending/save'({ tabId, url, title, summary, note, sectionId }) {
    const db = await database();
    const key = pendingKeyForTab(tabId);
    const previous = await getPendingDraft(db, key, url);
    const itemId = previous?.itemId ?? null;
    const issueId = previous?.issueId ?? null;
    await putPendingDraft(db, { key, url, title, summary, note, sectionId, itemId, issueId, updatedAt: new Date().toISOString() });
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

  async 'item/add'({ tabId, issueId, sectionId, fields }) {
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
    const db = await database();
    const site = fields.site || ANY_SITE;
    await Promise.all([putLastSectionId(db, site, sectionId), putLastSectionId(db, ANY_SITE, sectionId)]);
    if (tabId !== null) {
      await putPendingDraft(db, {
        key: pendingKeyForTab(tabId), url: fields.url, title: fields.title, summary: fields.summary, note: fields.note,
        sectionId, itemId, issueId, updatedAt: new Date().toISOString(),
      });
    }
    const sectionName = issue.sections.find((section) => section.id === sectionId)?.name ?? '';
    return { issue, itemId, sectionName, updatedExisting };
  },
};
