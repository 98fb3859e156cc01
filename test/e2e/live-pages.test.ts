/**
 * An open editor tab shows what the popup files, without a reload, and exports what is stored at the click.
 * The editor tab is never brought back to the front (no visibility change): only the background's broadcast
 * can tell it.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, sendFromPage, type ExtensionBrowser } from './harness.ts';
import { servePages, type PageServer } from './pages.ts';

let browser: ExtensionBrowser;
let pages: PageServer;
let editor: Page;

beforeAll(async () => {
  pages = await servePages();
  browser = await launchWithExtension();
  const draft = await sendFromPage(browser, 'popup/open', {}) as { draft: { id: string } };
  editor = await browser.context.newPage();
  await editor.goto(`chrome-extension://${browser.extensionId}/editor/index.html#issue=${draft.draft.id}`);
  await editor.getByRole('heading', { name: /^Issue #\d+$/ }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await pages?.close();
});

async function download(name: string): Promise<string> {
  const [file] = await Promise.all([editor.waitForEvent('download'), editor.getByRole('button', { name }).click()]);
  return readFileSync(await file.path(), 'utf8');
}

describe('an open editor tab', () => {
  it('shows an item filed from the popup at once, and its downloads contain it', async () => {
    expect(await editor.getByText('Small models that run on a microcontroller').count()).toBe(0);
    const tab = await browser.context.newPage();
    await tab.goto(`${pages.origin}/demo-article`);
    await browser.clickToolbarButton(tab);
    const popup = await browser.waitForPopup();
    await popup.getByRole('combobox', { name: 'Section' }).selectOption({ label: 'Industry' });
    await popup.getByRole('button', { name: 'Add to issue' }).click();
    await popup.getByRole('status').filter({ hasText: /^Added to Industry/ }).waitFor();

    // No reload, no tab switch: the editor hears the write.
    await expect.poll(() => editor.locator('.item-title').filter({ hasText: 'Small models that run on a microcontroller' }).count()).toBe(1);
    await expect.poll(() => editor.getByRole('region', { name: 'Section Industry' }).getByText('1 item').count()).toBe(1);
    await expect.poll(() => editor.getByRole('link', { name: /#\d+ .* · 1 item/ }).count()).toBe(1);

    // A summary edited in the popup after adding: the download, made from this tab, has it.
    await popup.getByRole('textbox', { name: 'Summary' }).fill('Edited in the popup after adding.');
    await expect.poll(async () => (await browser.storedIssues()).flatMap((issue) => issue.items).some((item) => item.summary === 'Edited in the popup after adding.')).toBe(true);
    expect(await download('Download Markdown (.md)')).toContain('Edited in the popup after adding.');
    expect(await download('Download plain text (.txt)')).toContain('Small models that run on a microcontroller');
    await popup.close();
    await tab.close();
  });

  it('renders exports from what is stored at the click, even before the tab has heard of a change', async () => {
    const [issue] = (await browser.storedIssues()).filter((candidate) => candidate.items.length > 0);
    const item = issue!.items[0]!;
    // Written behind the page's back: straight into IndexedDB from the worker, with no broadcast.
    await browser.inWorker(async ([issueId, itemId]) => new Promise<void>((done, fail) => {
      const request = indexedDB.open('roundup');
      request.onsuccess = () => {
        const tx = request.result.transaction('issues', 'readwrite');
        const store = tx.objectStore('issues');
        const read = store.get(issueId);
        read.onsuccess = () => {
          const stored = read.result;
          stored.items = stored.items.map((candidate: { id: string; summary: string }) => (candidate.id === itemId ? { ...candidate, summary: 'Written behind the page’s back.' } : candidate));
          store.put(stored);
        };
        tx.oncomplete = () => { request.result.close(); done(); };
        tx.onerror = () => fail(tx.error);
      };
    }), [issue!.id, item.id] as const);
    expect(await editor.getByText('Written behind the page’s back.').count()).toBe(0);
    expect(await download('Download Markdown (.md)')).toContain('Written behind the page’s back.');
  });
});
