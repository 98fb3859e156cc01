/**
 * A page that refuses injection still yields an item from the tab's address and title, with the reason.
 * Chromium shows a browser page's address only to an extension holding `tabs`, which Roundup asks for on
 * demand ("Let Roundup see tab addresses", checked in popup.test.ts). This test loads a copy of the build
 * with that permission already granted, as it is once the editor has said yes, and goes through the real
 * toolbar action, popup and IndexedDB.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyWithTabsGranted, launchWithExtension, type ExtensionBrowser } from './harness.ts';

let browser: ExtensionBrowser;
let copy: string;

beforeAll(async () => {
  copy = copyWithTabsGranted();
  browser = await launchWithExtension({ dist: copy });
});

afterAll(async () => {
  await browser?.close();
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('a browser page that refuses injection', () => {
  it('yields an item from the tab address and title, says why, and files it', async () => {
    const tab = await browser.context.newPage();
    await tab.goto('chrome://version/');
    const tabTitle = await tab.title();
    expect(tabTitle).not.toBe('');
    await browser.clickToolbarButton(tab);
    const popup = await browser.waitForPopup();

    const title = popup.getByRole('textbox', { name: 'Title' });
    await expect.poll(() => title.inputValue()).toBe(tabTitle);
    expect(await popup.getByRole('textbox', { name: 'Summary' }).inputValue()).toBe('');
    expect(await popup.getByText('chrome://version/', { exact: true }).count()).toBe(1);
    expect(await popup.getByRole('status').filter({ hasText: 'This is a browser page, which extensions may not read: only its address and title were filled in.' }).count()).toBe(1);

    await popup.getByRole('textbox', { name: 'Summary' }).fill('Which Chromium runs the tests.');
    await popup.getByRole('button', { name: 'Add to issue' }).click();
    await expect.poll(() => popup.getByRole('status').filter({ hasText: /^Added to / }).count()).toBe(1);
    const items = (await browser.storedIssues()).flatMap((issue) => issue.items.filter((item) => !item.deleted));
    expect(items).toEqual([expect.objectContaining({ url: 'chrome://version/', title: tabTitle, summary: 'Which Chromium runs the tests.' })]);
    await popup.close();
    await tab.close();
  });
});
