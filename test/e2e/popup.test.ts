/**
 * The editor's most frequent act, through the real toolbar button, the real popup, IndexedDB and badge.
 * Every test sets up what it needs and checks what changed, so the tests pass in any order.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './axe.ts';
import { launchWithExtension, sendFromPage, type ExtensionBrowser } from './harness.ts';
import { servePages, type PageServer } from './pages.ts';

let browser: ExtensionBrowser;
let pages: PageServer;

beforeAll(async () => {
  pages = await servePages();
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await pages?.close();
});

async function openPopupOn(url: string): Promise<{ tab: Page; popup: Page }> {
  const tab = await browser.context.newPage();
  await tab.goto(url);
  await browser.clickToolbarButton(tab);
  const popup = await browser.waitForPopup();
  await popup.getByRole('button', { name: 'Add to issue' }).waitFor();
  return { tab, popup };
}

const send = (name: string, args: unknown) => sendFromPage(browser, name, args);

function liveItems(issues: Awaited<ReturnType<ExtensionBrowser['storedIssues']>>) {
  return issues.flatMap((issue) => issue.items.filter((item) => !item.deleted).map((item) => ({ ...item, issue })));
}

/** The live items of the draft the popup files into, as the badge counts them. */
async function draftItemCount(): Promise<number> {
  const { draft } = await send('popup/open', {}) as { draft: { itemCount: number } };
  return draft.itemCount;
}

/** Files a page through the real popup into a section; returns the popup, still open. */
async function addThroughPopup(url: string, section: string): Promise<{ tab: Page; popup: Page }> {
  const opened = await openPopupOn(url);
  await opened.popup.getByRole('combobox', { name: 'Section' }).selectOption({ label: section });
  await opened.popup.getByRole('button', { name: 'Add to issue' }).click();
  await expect.poll(() => opened.popup.getByRole('status').filter({ hasText: new RegExp(`^(Added to|Updated in) ${section} · Issue #\\d+`) }).count()).toBe(1);
  return opened;
}

describe('the popup', () => {
  // The popup's background injects capture.js with the default length at once; a changed length takes a second capture.
  it('cuts the summary to the length the editor chose in the settings', async () => {
    await send('issue/create', {}); // a draft without the page, so the popup shows the capture, not a filed item
    const settings = await send('settings/get', {}) as { summaryLength: number };
    await send('settings/put', { settings: { ...settings, summaryLength: 60 } });
    try {
      const { popup, tab } = await openPopupOn(`${pages.origin}/demo-article`);
      await expect.poll(() => popup.getByRole('textbox', { name: 'Summary' }).inputValue())
        .toBe('A tour of TinyML: how researchers squeeze neural networks…');
      await popup.close();
      await tab.close();
    } finally {
      await send('settings/put', { settings });
    }
  });

  it('captures a served article, files the edited summary into the chosen section, and counts it on the badge', async () => {
    await send('issue/create', {}); // a fresh draft, whatever ran before
    const { popup, tab } = await openPopupOn(`${pages.origin}/demo-article`);
    await expect.poll(() => popup.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('Small models that run on a microcontroller');
    expect(await popup.getByRole('textbox', { name: 'Summary' }).inputValue()).toMatch(/^A tour of TinyML/);

    await popup.getByRole('textbox', { name: 'Summary' }).fill('TinyML, explained for people who build sensors.');
    await popup.getByRole('combobox', { name: 'Section' }).selectOption({ label: 'Learning' });
    await popup.getByRole('button', { name: 'Add to issue' }).click();
    await expect.poll(() => popup.getByRole('status').filter({ hasText: /^Added to Learning · Issue #\d+/ }).count()).toBe(1);
    // The draft menu counts the new item at once (it read "(0)" before).
    await expect.poll(() => popup.getByRole('combobox', { name: 'Draft issue' }).locator('option:checked').textContent()).toMatch(/· 1 item$/);

    const item = liveItems(await browser.storedIssues()).find((candidate) => candidate.summary === 'TinyML, explained for people who build sensors.');
    expect(item).toMatchObject({ title: 'Small models that run on a microcontroller' });
    expect(item?.issue.sections.find((candidate) => candidate.id === item.sectionId)?.name).toBe('Learning');
    expect(await browser.badgeText()).toBe('1');
    await popup.close();
    await tab.close();
  });

  it('keeps what was typed when the popup closes before adding', async () => {
    const first = await openPopupOn(`${pages.origin}/arxiv-abs`);
    const summary = first.popup.getByRole('textbox', { name: 'Summary' });
    await expect.poll(() => summary.inputValue()).toMatch(/^What is the computational model behind a Transformer\?/);
    await summary.fill('A programming language, RASP, that thinks like a transformer encoder.');
    await first.popup.close();

    await browser.clickToolbarButton(first.tab);
    const again = await browser.waitForPopup();
    await expect.poll(() => again.getByRole('textbox', { name: 'Summary' }).inputValue())
      .toBe('A programming language, RASP, that thinks like a transformer encoder.');
    expect(await again.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('Thinking Like Transformers');
    await again.close();
    await first.tab.close();
  });

  // Chrome's manifest names no popup: the click reaches the background, which reads the page and opens the
  // popup for that tab only (src/background/popup/toolbar-click.ts). Left set, the next click would skip the background.
  it('opens the popup from the background and leaves the next click to the background too', async () => {
    const { popup, tab } = await openPopupOn(`${pages.origin}/arxiv-abs`);
    const popups = await browser.inWorker(async (url) => {
      const { action, tabs } = (globalThis as unknown as { chrome: {
        action: { getPopup(details: { tabId?: number }): Promise<string> };
        tabs: { query(filter: object): Promise<Array<{ id: number; url: string }>> };
      } }).chrome;
      const [shown] = (await tabs.query({})).filter((candidate) => candidate.url === url);
      return { global: await action.getPopup({}), tab: await action.getPopup({ tabId: shown!.id }) };
    }, tab.url());
    expect(popups).toEqual({ global: '', tab: '' });
    const notes = await popup.locator('.notice, [role=alert]').allTextContents();
    expect(await popup.getByRole('textbox', { name: 'Title' }).inputValue(), notes.join(' / ')).toBe('Thinking Like Transformers');
    await popup.close();
    await tab.close();
  });

  it('opens the existing item for a page already in the draft and never adds it twice', async () => {
    const filed = await addThroughPopup(`${pages.origin}/demo-article`, 'Learning');
    await filed.popup.close();
    await filed.tab.close();
    const before = liveItems(await browser.storedIssues()).length;

    const { popup, tab } = await openPopupOn(`${pages.origin}/demo-article?utm_source=newsletter#comments`);
    await expect.poll(() => popup.getByText(/Already in Issue #\d+ · Learning: adding updates it/).count()).toBe(1);
    await popup.getByRole('button', { name: 'Add to issue' }).click();
    await popup.getByRole('button', { name: 'Add to issue' }).click();
    await expect.poll(() => popup.getByText(/Updated in Learning · Issue #\d+/).count()).toBe(1);
    expect(liveItems(await browser.storedIssues())).toHaveLength(before);
    await popup.close();
    await tab.close();
  });

  it('stores and shows a link without its tracking parameters, keeping the others', async () => {
    const { popup, tab } = await addThroughPopup(`${pages.origin}/journey-tracking?utm_source=hn&utm_medium=social&id=7`, 'Industry');
    expect(await popup.locator('.source .url').textContent()).toBe(`${pages.origin}/journey-tracking?id=7`);
    expect(liveItems(await browser.storedIssues()).map((item) => item.url)).toContain(`${pages.origin}/journey-tracking?id=7`);
    await popup.close();
    await tab.close();
  });

  it('files a page with a 2,100-character title and a 9,000-character image address, cut to fit, in plain words', async () => {
    const { popup, tab } = await openPopupOn(`${pages.origin}/oversized-page`);
    await expect.poll(() => popup.getByRole('status').filter({ hasText: 'The page’s title was 2,100 characters long; it was shortened.' }).count()).toBe(1);
    expect((await popup.getByRole('textbox', { name: 'Title' }).inputValue()).length).toBeLessThanOrEqual(2_000);
    await popup.getByRole('textbox', { name: 'Summary' }).fill('Typed, and saved as typed.');
    await popup.getByRole('button', { name: 'Add to issue' }).click();
    await expect.poll(() => popup.getByRole('status').filter({ hasText: /^Added to / }).count()).toBe(1);
    expect(await popup.getByRole('alert').count()).toBe(0);
    expect(liveItems(await browser.storedIssues()).some((item) => item.summary === 'Typed, and saved as typed.')).toBe(true);
    await popup.close();
    await tab.close();
  });

  // While the page is busy, no CDP client can attach to the browser (Playwright attaches to every tab), so the
  // popup is read once the page is done: when its form was ready, and with what, it wrote down itself.
  it('shows a busy page’s title and address while the page is still busy, and fills in the rest when it answers', async () => {
    const tab = await browser.context.newPage();
    await tab.goto(`${pages.origin}/busy-page?busy=6`);
    await tab.waitForTimeout(600); // the page's script is now blocking its main thread
    await browser.clickToolbarButton(tab);
    const popup = await browser.waitForPopup();
    const busyEndedAt = await tab.evaluate(() => (window as unknown as { busyEndedAt: number }).busyEndedAt);
    const ready = await popup.evaluate(() => {
      const mark = performance.getEntriesByName('roundup:ready')[0] as PerformanceMark | undefined;
      return mark ? { at: performance.timeOrigin + mark.startTime, detail: mark.detail as { lateCapture: boolean } } : null;
    });
    expect(ready?.detail.lateCapture).toBe(true);
    expect(ready!.at).toBeLessThan(busyEndedAt);
    // The capture arrived once the script was done: the summary filled in, under the page's own title.
    await expect.poll(() => popup.getByRole('textbox', { name: 'Summary' }).inputValue())
      .toBe('Its script runs for seconds after the page loads; the summary arrives only then.');
    expect(await popup.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('A page that keeps its main thread busy');
    await popup.close();
    await tab.close();
  });

  it('adds a link from the context menu under its own text, into the chosen section, and opens the popup on it', async () => {
    // A right-click on the page grants activeTab as the toolbar button does; a test cannot right-click, so it clicks the button.
    const { tab, popup: first } = await openPopupOn(`${pages.origin}/demo-article`);
    await first.close();
    const linkUrl = 'https://example.org/posts/federated-learning-with-flower?utm_campaign=x';
    const sections = await browser.inWorker(async () => {
      const roundup = (globalThis as unknown as { roundupTestHooks: { refreshMenus(): Promise<void>; menuSections(): Promise<Array<{ id: string; name: string }>> } }).roundupTestHooks;
      await roundup.refreshMenus();
      return roundup.menuSections();
    }, undefined);
    const industry = sections.find((section) => section.name === 'Industry');
    expect(industry).toBeDefined();
    const menuTab = await browser.inWorker(async (url) => {
      const { tabs } = (globalThis as unknown as { chrome: { tabs: { query(filter: object): Promise<Array<{ id: number; windowId: number; url: string }>> } } }).chrome;
      const found = (await tabs.query({})).find((candidate) => candidate.url === url);
      return { id: found?.id, windowId: found?.windowId };
    }, tab.url());
    // Chromium gives no link text to the menu: Roundup reads it from the page.
    const result = await browser.inWorker(async ([url, onTab, sectionId]) => {
      const roundup = (globalThis as unknown as { roundupTestHooks: { handleMenuClick(info: object, tab?: object): Promise<{ ok: boolean; itemId?: string }> } }).roundupTestHooks;
      return roundup.handleMenuClick({ menuItemId: `roundup-add-link:${sectionId}`, linkUrl: url, editable: false, modifiers: [], frameId: 0 }, onTab);
    }, [linkUrl, menuTab, industry!.id] as const);
    expect(result).toMatchObject({ ok: true });
    const items = liveItems(await browser.storedIssues());
    const item = items.find((candidate) => candidate.id === result.itemId);
    expect(item).toMatchObject({ url: 'https://example.org/posts/federated-learning-with-flower', title: 'federated learning with Flower', summary: '' });
    expect(item?.issue.sections.find((section) => section.id === item.sectionId)?.name).toBe('Industry');
    const popup = await browser.waitForPopup();
    await expect.poll(() => popup.getByRole('status').filter({ hasText: /^Added link “federated learning with Flower” to Industry · Issue #\d+/ }).count()).toBe(1);
    expect(await browser.badgeText()).toBe(String(await draftItemCount()));
    await popup.close();
    await tab.close();
  });

  it('explains a browser page it may not read, and offers to see tab addresses', async () => {
    const count = await draftItemCount(); // before the popup opens: a page opened now would close it
    const tab = await browser.context.newPage();
    await tab.goto('chrome://version/');
    await browser.clickToolbarButton(tab);
    const popup = await browser.waitForPopup();
    await popup.getByRole('button', { name: 'Let Roundup see tab addresses' }).waitFor();
    expect(await popup.getByRole('status').filter({ hasText: /browser page/ }).count()).toBe(1);
    await expect.poll(() => popup.getByRole('heading', { name: new RegExp(`Issue #\\d+: ${count} items?`) }).count()).toBe(1);
    await popup.close();
    await tab.close();
  });

  it('has the suggested shortcut Alt+Shift+U, which the browser leaves to Roundup', async () => {
    const commands = await browser.inWorker(() => (globalThis as unknown as { chrome: { commands: { getAll(): Promise<Array<{ name: string; shortcut: string }>> } } })
      .chrome.commands.getAll(), undefined);
    expect(commands.find((command) => command.name === '_execute_action')?.shortcut).toBe('Alt+Shift+U');
  });

  it('shows a long title whole in a growing box, and puts "featured" notices below the form, where they push nothing', async () => {
    const { popup, tab } = await openPopupOn(`${pages.origin}/arxiv-abs`);
    const title = popup.getByRole('textbox', { name: 'Title' });
    expect(await title.evaluate((element) => element.tagName)).toBe('TEXTAREA');
    await title.fill('A title long enough to need three lines in the popup, so that its end is not all the editor can see of it');
    const box = await title.evaluate((element) => ({ scroll: element.scrollHeight, client: element.clientHeight, scrollLeft: element.scrollLeft }));
    expect(box.scroll).toBeLessThanOrEqual(box.client + 1);
    expect(box.scrollLeft).toBe(0);
    const order = await popup.locator('form.capture > *').evaluateAll((nodes) => nodes.map((node) => node.className || node.tagName));
    expect(order.indexOf('row add-row')).toBeLessThan(Math.max(order.indexOf('notice featured'), order.length));
    const wraps = await popup.getByRole('button', { name: 'Add section' }).evaluate((element) => element.getBoundingClientRect().height);
    const oneLine = await popup.getByRole('button', { name: 'New issue' }).evaluate((element) => element.getBoundingClientRect().height);
    expect(wraps).toBeLessThanOrEqual(oneLine + 1);
    await popup.close();
    await tab.close();
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    const { popup, tab } = await openPopupOn(`${pages.origin}/demo-article`);
    expect(await seriousAxeViolations(popup)).toEqual([]);
    await popup.close();
    await tab.close();
  });
});
