/**
 * Context menus: add the page, a link or the selection to a section of the current draft without opening
 * the popup first. Each menu has one entry per section of the draft ("Add link to Issue #3 ▸ Industry"),
 * rebuilt when the draft or its sections change. The click grants activeTab for the tab, so the page (or
 * the link's text) is read as from the toolbar; then the popup opens on what was added, with Undo.
 */
import browser, { type Menus, type Tabs } from './extension-api.ts';
import { itemFieldsFromCapture } from '../core/capture-fields.ts';
import type { Capture } from '../core/capture-types.ts';
import { guessKindFromUrl } from '../core/link-kind.ts';
import { liveSections } from '../core/live-parts.ts';
import type { Issue } from '../core/model.ts';
import type { MenuAddResult } from '../messages.ts';
import { getCurrentDraft } from '../storage/issues-repo.ts';
import { getSettings } from '../storage/settings-repo.ts';
import { captureTab } from './capture-tab.ts';
import { database } from './database.ts';
import { ensureCurrentDraft } from './drafts.ts';
import { handlers } from './handlers.ts';
import { sectionToOffer } from './last-section.ts';
import { noteMenuAdd } from './popup/menu-adds.ts';
import { inFirefox, openPopupOnTab } from './popup/toolbar-click.ts';
import { captureFromTabOnly } from './tab-fallback.ts';
import { logRejection } from '../core/rejections.ts';

export const MENU_KINDS = ['page', 'link', 'selection'] as const;
export type MenuKind = (typeof MENU_KINDS)[number];

const CONTEXTS: Record<MenuKind, Menus.ContextType> = { page: 'page', link: 'link', selection: 'selection' };
const WHAT: Record<MenuKind, string> = { page: 'page', link: 'link', selection: 'selection' };

export function menuId(kind: MenuKind, sectionId?: string): string {
  return sectionId === undefined ? `roundup-add-${kind}` : `roundup-add-${kind}:${sectionId}`;
}

/** `roundup-add-link:sec-1` → the kind and the section chosen in the menu (null: the remembered one). */
export function parseMenuId(id: string): { kind: MenuKind; sectionId: string | null } | null {
  const match = /^roundup-add-(page|link|selection)(?::(.+))?$/.exec(id);
  return match ? { kind: match[1] as MenuKind, sectionId: match[2] ?? null } : null;
}

/** Menu titles mark access keys with `&` (Chrome and Firefox alike): `&&` is a literal one. */
function menuText(text: string): string {
  return text.replace(/&/g, '&&');
}

function menuShape(draft: Issue | undefined): string {
  return draft ? JSON.stringify([draft.id, draft.number, liveSections(draft).map(({ id, name }) => [id, name])]) : '';
}

let shown: string | undefined;
let shownSections: Array<{ id: string; name: string }> = [];

/** The sections the menus offer now (for end-to-end tests, which cannot open a context menu). */
export async function menuSections(): Promise<Array<{ id: string; name: string }>> {
  await building;
  return shownSections;
}
let building = Promise.resolve();

/** (Re)builds the menus for the current draft; does nothing when its sections did not change. */
export function refreshMenus(): Promise<void> {
  building = building.then(async () => {
    const draft = await getCurrentDraft(await database()).catch((error: unknown) => {
      logRejection('read the current draft for the menus; they offer no sections')(error);
      return undefined;
    });
    const shape = menuShape(draft);
    if (shape === shown) return;
    shown = shape;
    await browser.contextMenus.removeAll();
    const sections = draft ? liveSections(draft) : [];
    shownSections = sections.map(({ id, name }) => ({ id, name }));
    for (const kind of MENU_KINDS) {
      const target = draft ? `Issue #${draft.number}` : 'Roundup';
      browser.contextMenus.create({ id: menuId(kind), title: `Add ${WHAT[kind]} to ${target}`, contexts: [CONTEXTS[kind]] });
      for (const section of sections) {
        browser.contextMenus.create({ id: menuId(kind, section.id), parentId: menuId(kind), title: menuText(section.name), contexts: [CONTEXTS[kind]] });
      }
    }
  }).catch((error: unknown) => {
    shown = undefined;
    console.error('Roundup could not build its context menus:', error);
  });
  return building;
}

let pending: ReturnType<typeof setTimeout> | undefined;

/** After a write: the menus are checked once the writes pause (typing writes on every keystroke). */
export function scheduleMenuRefresh(): void {
  if (pending !== undefined) clearTimeout(pending);
  pending = setTimeout(() => {
    pending = undefined;
    refreshMenus().catch(logRejection('rebuild the menus'));
  }, 400);
}

/** Runs in the page (activeTab): the visible text of the link the menu was opened on, else its title or label. */
function findLinkLabel(href: string): string {
  for (const link of document.querySelectorAll<HTMLAnchorElement | HTMLAreaElement>('a[href], area[href]')) {
    if (link.href !== href) continue;
    const text = ((link as HTMLElement).innerText || link.textContent || '').replace(/\s+/g, ' ').trim();
    const label = text || link.getAttribute('title') || link.getAttribute('aria-label') || link.querySelector('img[alt]')?.getAttribute('alt') || '';
    if (label.trim() !== '') return label.trim().slice(0, 5_000);
  }
  return '';
}

async function linkLabel(info: Menus.OnClickData, tab: Tabs.Tab | undefined, url: string): Promise<string> {
  // Firefox gives the link's text; Chromium does not, so it is read from the page.
  const given = (info as Menus.OnClickData & { linkText?: string }).linkText?.trim();
  if (given) return given;
  if (tab?.id === undefined) return '';
  try {
    const [frame] = await browser.scripting.executeScript({
      target: { tabId: tab.id, frameIds: [info.frameId ?? 0] }, func: findLinkLabel, args: [url],
    });
    return typeof frame?.result === 'string' ? frame.result : '';
  } catch {
    return ''; // a page that refuses scripts: the link's address stands in for its title
  }
}

async function linkCapture(info: Menus.OnClickData, tab: Tabs.Tab | undefined): Promise<Capture> {
  const url = info.linkUrl ?? '';
  const kind = guessKindFromUrl(url);
  const repo = kind === 'repo' ? new URL(url).pathname.split('/').filter(Boolean).join('/') : '';
  const title = (await linkLabel(info, tab, url)) || repo || url;
  return { ...captureFromTabOnly(url, title), kind };
}

async function pageCapture(tab: Tabs.Tab): Promise<Capture> {
  return (await captureTab(tab.id ?? -1, tab.url ?? '', tab.title ?? '')).capture;
}

/** The section chosen in the menu, else the one the popup would offer (last-section.ts). */
async function sectionFor(draft: Issue, chosen: string | null, site: string): Promise<{ id: string; name: string }> {
  const section = liveSections(draft).find((candidate) => candidate.id === chosen) ?? await sectionToOffer(draft, site);
  if (!section) throw new Error(`Issue #${draft.number} has no section to file into. Add one in the editor.`);
  return section;
}

async function addFromMenu(kind: MenuKind, chosenSection: string | null, info: Menus.OnClickData, tab: Tabs.Tab | undefined): Promise<MenuAddResult> {
  try {
    const { settings } = await getSettings(await database());
    const pageUrl = kind === 'link' ? info.linkUrl ?? '' : tab?.url ?? '';
    let capture: Capture;
    if (kind === 'link') capture = await linkCapture(info, tab);
    else if (!tab) throw new Error('Roundup could not tell which tab the menu was opened in.');
    else capture = await pageCapture(tab);
    if (kind === 'selection') capture = { ...capture, summary: info.selectionText ?? '', summarySource: 'selection' };
    const { fields } = itemFieldsFromCapture(capture, { pageUrl, keepTrackingParameters: settings.keepTrackingParameters, summaryLength: settings.summaryLength });
    const draft = await ensureCurrentDraft();
    const section = await sectionFor(draft, chosenSection, fields.site);
    // A page or selection is remembered for the tab, so the popup edits the item it became; a link is not the tab's page.
    const tabId = kind === 'link' || tab?.id === undefined ? null : tab.id;
    const result = await handlers['item/add']({ tabId, tabUrl: tab?.url, issueId: draft.id, sectionId: section.id, fields });
    return {
      ok: true, what: kind, issueId: draft.id, issueNumber: draft.number, itemId: result.itemId, title: fields.title,
      sectionName: result.sectionName, updatedExisting: result.updatedExisting,
    };
  } catch (error) {
    return { ok: false, what: kind, problem: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Opens the popup on what the menu added. Firefox lets `openPopup` run only within the click's handler,
 * before any await, and shows its manifest's popup; Chrome opens it as after a toolbar click
 * (popup/toolbar-click.ts).
 */
function openPopupForFeedback(tab: Tabs.Tab | undefined): Promise<void> {
  return inFirefox() || tab?.id === undefined ? browser.action.openPopup() : openPopupOnTab(tab.id, tab.windowId);
}

/** Runs one menu command; resolves to what it added (for end-to-end tests), or null for a menu not Roundup's. */
export async function handleMenuClick(info: Menus.OnClickData, tab: Tabs.Tab | undefined): Promise<MenuAddResult | null> {
  const menu = parseMenuId(String(info.menuItemId));
  if (!menu || (menu.kind === 'link' && !info.linkUrl)) return null;
  const adding = addFromMenu(menu.kind, menu.sectionId, info, tab);
  noteMenuAdd(adding);
  const opening = openPopupForFeedback(tab).catch((error: unknown) => {
    // No popup (no focused window, say): the badge still counts the item.
    console.warn('Roundup could not open its popup after a menu add:', error);
  });
  const result = await adding;
  await opening;
  return result;
}
