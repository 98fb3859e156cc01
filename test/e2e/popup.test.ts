/**
 * The editor's most frequent act, through the real toolbar button, the real popup, IndexedDB and badge.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './axe.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness.ts';
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

/** Sends one message of src/messages.ts from an extension page, as Roundup's own pages do. */
async function sendFromPage(name: string, args: unknown): Promise<unknown> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options/index.html`);
  const reply = await page.evaluate(([messageName, messageArgs]) => {
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } };
    return chrome.runtime.sendMessage({ roundup: 1, name: messageName, args: messageArgs });
  }, [name, args] as const) as { ok: boolean; value?: unknown; error?: string };
  await page.close();
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

function liveItems(issues: Awaited<ReturnType<ExtensionBrowser['storedIssues']>>) {
  return issues.flatMap((issue) => issue.items.filter((item) => !item.deleted).map((item) => ({ ...item, issue })));
}

describe('the popup', () => {
  // The popup's background injects capture.js with the default length at once; a changed length takes a second capture.
  it('cuts the summary to the length the editor chose in the settings', async () => {
    const settings = await sendFromPage('settings/get', {}) as { summaryLength: number };
    await sendFromPage('settings/put', { settings: { ...settings, summaryLength: 60 } });
    try {
      const { popup, tab } = await openPopupOn(`${pages.origin}/demo-article`);
      await expect.poll(() => popup.getByRole('textbox', { name: 'Summary' }).inputValue())
        .toBe('A tour of TinyML: how researchers squeeze neural networks…');
      await popup.close();
      await tab.close();
    } finally {
      await sendFromPage('settings/put', { settings });
    }
  });

  it('captures a served article, files the edited summary into the chosen section, and counts it on the badge', async () => {
    const { popup, tab } = await openPopupOn(`${pages.origin}/demo-article`);
    await expect.poll(() => popup.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('Small models that run on a microcontroller');
    expect(await popup.getByRole('textbox', { name: 'Summary' }).inputValue()).toMatch(/^A tour of TinyML/);

    await popup.getByRole('textbox', { name: 'Summary' }).fill('TinyML, explained for people who build sensors.');
    await popup.getByRole('combobox', { name: 'Section' }).selectOption({ label: 'Learning' });
    await popup.getByRole('button', { name: 'Add to issue' }).click();
    await expect.poll(() => popup.getByRole('status').filter({ hasText: 'Added to Learning · Issue #1' }).count()).toBe(1);

    const items = liveItems(await browser.storedIssues());
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ title: 'Small models that run on a microcontroller', summary: 'TinyML, explained for people who build sensors.' });
    const section = items[0]!.issue.sections.find((candidate) => candidate.id === items[0]!.sectionId);
    expect(section?.name).toBe('Learning');
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
  // popup for that tab only (src/background/toolbar-click.ts). Left set, the next click would skip the background.
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
    const { popup, tab } = await openPopupOn(`${pages.origin}/demo-article?utm_source=newsletter#comments`);
    await expect.poll(() => popup.getByText(/Already in Issue #1 · Learning/).count()).toBe(1);
    expect(await popup.getByRole('textbox', { name: 'Summary' }).inputValue()).toBe('TinyML, explained for people who build sensors.');
    await popup.getByRole('button', { name: 'Add to issue' }).click();
    await popup.getByRole('button', { name: 'Add to issue' }).click();
    await expect.poll(() => popup.getByText(/Updated in Learning · Issue #1/).count()).toBe(1);
    expect(liveItems(await browser.storedIssues())).toHaveLength(1);
    await popup.close();
    await tab.close();
  });

  it('adds a link from the context menu handler', async () => {
    const tab = await browser.context.newPage();
    await tab.goto(`${pages.origin}/demo-article`);
    const linkUrl = 'https://example.org/posts/federated-learning-with-flower?utm_campaign=x';
    const itemId = await browser.inWorker(async (url) => {
      const roundup = (globalThis as unknown as { roundup: { handleMenuClick(info: object, tab?: object): Promise<string | null> } }).roundup;
      return roundup.handleMenuClick({ menuItemId: 'roundup-add-link', linkUrl: url, linkText: '  Federated learning with Flower ', editable: false, modifiers: [] });
    }, linkUrl);
    const item = liveItems(await browser.storedIssues()).find((candidate) => candidate.id === itemId);
    expect(item).toMatchObject({ url: linkUrl, title: 'Federated learning with Flower', summary: '' });
    expect(await browser.badgeText()).toBe('2');
    await tab.close();
  });

  it('explains a browser page it may not read, and offers to see tab addresses', async () => {
    const tab = await browser.context.newPage();
    await tab.goto('chrome://version/');
    await browser.clickToolbarButton(tab);
    const popup = await browser.waitForPopup();
    await popup.getByRole('button', { name: 'Let Roundup see tab addresses' }).waitFor();
    expect(await popup.getByRole('status').filter({ hasText: /browser page/ }).count()).toBe(1);
    await expect.poll(() => popup.getByRole('heading', { name: /Issue #1: 2 items/ }).count()).toBe(1);
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
