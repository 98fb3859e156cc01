/** What the popup asks for: the state of the active tab, its pending edits, and adding the page. */
import { buildFeaturedIndex, dedupeKeysOf } from '../../core/featured.ts';
import { findFeaturedEverywhere } from '../../core/featured-lookup.ts';
import { newId } from '../../core/ids.ts';
import { addItem, liveItems, liveSections, moveItem, updateItem } from '../../core/issue-ops.ts';
import type { Issue, Item } from '../../core/model.ts';
import type { PopupState } from '../../messages.ts';
import { listIssues } from '../../storage/issues-repo.ts';
import { getCurrentDraftId, getLastSectionId, putLastSectionId } from '../../storage/meta-repo.ts';
import { getPendingDraft, pendingKeyForTab, putPendingDraft } from '../../storage/pending-repo.ts';
import { getSettings } from '../../storage/settings-repo.ts';
import { getSyncedFeaturedKeys } from '../../storage/synced-featured-keys.ts';
import { captureTab } from '../capture-tab.ts';
import { database } from '../database.ts';
import { createNextIssue } from '../drafts.ts';
import { edit, summarize } from './edit-issue.ts';
import type { HandlersFor } from './handler-types.ts';

/** Any site's last-used section is remembered under the site; this key remembers the last one overall. */
const ANY_SITE = '*';

function findLiveItemByUrl(issue: Issue, url: string, canonicalUrl: string | null): Item | undefined {
  const keys = new Set(dedupeKeysOf(url, canonicalUrl));
  return liveItems(issue).find((item) => dedupeKeysOf(item.url, item.canonicalUrl).some((key) => keys.has(key)));
}

async function defaultSectionFor(issue: Issue, site: string): Promise<string | null> {
  const db = await database();
  const live = new Set(liveSections(issue).map((section) => section.id));
  for (const key of [site, ANY_SITE]) {
    const remembered = await getLastSectionId(db, key);
    if (remembered && live.has(remembered)) return remembered;
  }
  return liveSections(issue)[0]?.id ?? null;
}

export const popupHandlers: HandlersFor<'popup/open' | 'pending/save' | 'item/add'> = {
  async 'popup/open'({ tabId, url, title }): Promise<PopupState> {
    const db = await database();
    // The capture (the slow part: it runs in the page) starts as soon as the summary length is known,
    // while the issues are read once, for the current draft, the draft list and "already featured" alike.
    const [tab, currentId, pending, listed, synced] = await Promise.all([
      getSettings(db).then(({ settings }) => captureTab(tabId, url, title, settings.summaryLength)),
      getCurrentDraftId(db),
      getPendingDraft(db, pendingKeyForTab(tabId), url),
      listIssues(db),
      getSyncedFeaturedKeys(db),
    ]);
    const storedDrafts = listed.values.filter((issue) => issue.status === 'draft');
    const draft = storedDrafts.find((issue) => issue.id === currentId) ?? storedDrafts[0] ?? await createNextIssue();
    const drafts = storedDrafts.some((issue) => issue.id === draft.id) ? storedDrafts : [draft, ...storedDrafts];
    const { capture } = tab;
    const existing = findLiveItemByUrl(draft, capture.url, capture.canonicalUrl);
    // This device's issues, plus the featured keys synced from devices that published issues it never held.
    const featured = findFeaturedEverywhere({
      index: buildFeaturedIndex(listed.values.filter((issue) => issue.id !== draft.id)),
      issues: listed.values, synced, dedupeKeys: dedupeKeysOf(capture.url, capture.canonicalUrl),
    });
    const pendingFields = pending
      ? { title: pending.title, summary: pending.summary, note: pending.note, sectionId: pending.sectionId, itemId: pending.itemId }
      : null;
    return {
      capture, captureProblem: tab.problem, pending: pendingFields, draft,
      drafts: drafts.map(summarize),
      existingItemId: existing?.id ?? null, featured,
      defaultSectionId: pending?.sectionId ?? existing?.sectionId ?? await defaultSectionFor(draft, capture.site),
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
      const existing = findLiveItemByUrl(current, fields.url, fields.canonicalUrl);
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
