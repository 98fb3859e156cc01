/**
 * A toolbar click opens the popup every time, also right after the editor's focus moved to another page
 * (the editor page, another article): the click the editor made is never lost. Both ways the popup
 * opens: from the background, and as the browser's own popup (as before the background first ran).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const CLICKS = 12;

/** Whether a popup page is open within `ms`. */
async function popupOpens(ms: number): Promise<boolean> {
  const cdp = await browser.context.browser()!.newBrowserCDPSession();
  try {
    const popupUrl = `chrome-extension://${browser.extensionId}/popup/index.html`;
    for (const end = Date.now() + ms; Date.now() < end;) {
      const { targetInfos } = await cdp.send('Target.getTargets') as { targetInfos: Array<{ type: string; url: string }> };
      if (targetInfos.some((target) => target.type === 'page' && target.url.startsWith(popupUrl))) return true;
      await new Promise((done) => setTimeout(done, 50));
    }
    return false;
  } finally {
    await cdp.detach();
  }
}

/** Closes the popup once it shows the clicked page (demo-article's title), not the page that had the focus. */
async function closePopup(): Promise<void> {
  const popup = await browser.waitForPopup();
  await popup.getByRole('button', { name: 'Add to issue' }).waitFor();
  expect(await popup.getByRole('textbox', { name: 'Title' }).inputValue()).not.toBe('Thinking Like Transformers');
  await popup.close();
}

/** Another page, in the same window or a window of its own; it takes the focus. */
async function otherPage(newWindow: boolean): Promise<Page> {
  if (!newWindow) return browser.context.newPage();
  const cdp = await browser.context.browser()!.newBrowserCDPSession();
  const opened = browser.context.waitForEvent('page');
  await cdp.send('Target.createTarget', { url: 'about:blank', newWindow: true });
  await cdp.detach();
  return opened;
}

/** The toolbar button's popup for every tab: '' sends clicks to the background, as it sets once running. */
async function setButtonPopup(popup: string): Promise<void> {
  await browser.inWorker((path) => (globalThis as unknown as { chrome: { action: { setPopup(details: object): Promise<void> } } })
    .chrome.action.setPopup({ popup: path }), popup);
}

describe('a toolbar click', () => {
  it.each([
    ['to another page and back', false, true, ''],
    ['to another window', true, false, ''],
    ['to another window, the browser opening the popup itself', true, false, 'popup/index.html'],
  ])(`opens the popup, on the page clicked, on each of ${CLICKS} clicks made just after focus moved %s`, async (_name, newWindow, back, buttonPopup) => {
    await setButtonPopup(buttonPopup);
    const opened: boolean[] = [];
    for (let i = 0; i < CLICKS; i++) {
      const tab: Page = await browser.context.newPage();
      await tab.goto(`${pages.origin}/demo-article?click=${i}`);
      const other = await otherPage(newWindow); // focus moves to another page, as to the editor's tab
      await other.goto(`${pages.origin}/arxiv-abs`);
      if (back) await tab.bringToFront(); // and back to the article, where the editor clicks the button
      await browser.clickToolbarButton(tab);
      const open = await popupOpens(5_000);
      opened.push(open);
      if (open) await closePopup();
      await other.close();
      await tab.close();
    }
    await setButtonPopup('');
    console.log(`popup opened on ${opened.filter(Boolean).length} of ${CLICKS} clicks after focus moved: ${opened.map((open) => (open ? 'o' : '-')).join('')}`);
    expect(opened.filter((open) => !open).length).toBe(0);
  });
});
