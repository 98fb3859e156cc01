/**
 * Context menus: add the page, a link, or the selection to the current draft without opening the popup.
 * The click grants activeTab for the tab, so the page can be captured as from the toolbar.
 */
import browser, { type Menus, type Tabs } from 'webextension-polyfill';
import type { Capture } from '../core/capture-types.ts';
import { normalizeUrlForDedupe } from '../core/url.ts';
import { getSettings } from '../storage/settings-repo.ts';
import { captureTab } from './capture-tab.ts';
import { captureFromTabOnly } from './tab-fallback.ts';
import { database } from './database.ts';
import { ensureCurrentDraft } from './drafts.ts';
import { handlers } from './handlers.ts';
import { liveSections } from '../core/live-parts.ts';
import { getLastSectionId } from '../storage/meta-repo.ts';

export const MENU_IDS = { page: 'roundup-add-page', link: 'roundup-add-link', selection: 'roundup-add-selection' } as const;

export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_IDS.page, title: 'Add page to Roundup', contexts: ['page'] });
  browser.contextMenus.create({ id: MENU_IDS.link, title: 'Add link to Roundup', contexts: ['link'] });
  browser.contextMenus.create({ id: MENU_IDS.selection, title: 'Add selection to Roundup', contexts: ['selection'] });
}

function linkCapture(info: Menus.OnClickData): Capture {
  const url = info.linkUrl ?? '';
  // Chromium calls the link's text `linkText`; Firefox too (since 58). The polyfill's types lack it.
  const text = (info as Menus.OnClickData & { linkText?: string }).linkText?.replace(/\s+/g, ' ').trim();
  return { ...captureFromTabOnly(url, text || url), dedupeKey: normalizeUrlForDedupe(url) };
}

async function pageCapture(tab: Tabs.Tab): Promise<Capture> {
  const { settings } = await getSettings(await database());
  return (await captureTab(tab.id ?? -1, tab.url ?? '', tab.title ?? '', settings.summaryLength)).capture;
}

/** Runs one menu command; returns the id of the item it added or updated. Exposed for end-to-end tests. */
export async function handleMenuClick(info: Menus.OnClickData, tab: Tabs.Tab | undefined): Promise<string | null> {
  let capture: Capture;
  if (info.menuItemId === MENU_IDS.link && info.linkUrl) capture = linkCapture(info);
  else if (info.menuItemId === MENU_IDS.page && tab) capture = await pageCapture(tab);
  else if (info.menuItemId === MENU_IDS.selection && tab) {
    capture = { ...(await pageCapture(tab)), summary: (info.selectionText ?? '').trim(), summarySource: 'selection' };
  } else return null;

  const draft = await ensureCurrentDraft();
  const db = await database();
  const live = liveSections(draft);
  const remembered = (await getLastSectionId(db, capture.site)) ?? (await getLastSectionId(db, '*'));
  const sectionId = live.find((section) => section.id === remembered)?.id ?? live[0]?.id;
  if (!sectionId) throw new Error(`Issue #${draft.number} has no section to file into.`);
  const { url, canonicalUrl, title, summary, site, authors, publishedAt, image, kind } = capture;
  const result = await handlers['item/add']({
    tabId: null, issueId: draft.id, sectionId,
    fields: { url, canonicalUrl, title, summary, note: '', site, authors, publishedAt, image, kind },
  });
  return result.itemId;
}
