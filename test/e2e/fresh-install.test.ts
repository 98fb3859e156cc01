/**
 * The first clicks after Roundup is installed, before Chrome has run its background: the manifest names
 * the popup, so the browser opens it itself, and the popup reads the page it was opened on. Each launch
 * is a new profile, so each first click is made on a freshly installed extension.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from './harness.ts';
import { servePages, type PageServer } from './pages.ts';

let pages: PageServer;

beforeAll(async () => {
  pages = await servePages();
});

afterAll(async () => {
  await pages?.close();
});

const LAUNCHES = 4;

describe('a toolbar click right after installing', () => {
  it(`opens the popup on the page clicked, in each of ${LAUNCHES} fresh installs`, async () => {
    const titles: string[] = [];
    for (let i = 0; i < LAUNCHES; i++) {
      const browser = await launchWithExtension({ waitForWorker: false });
      try {
        const tab = await browser.context.newPage();
        await tab.goto(`${pages.origin}/demo-article?install=${i}`);
        await browser.clickToolbarButton(tab);
        const popup = await browser.waitForPopup();
        await popup.getByRole('button', { name: 'Add to issue' }).waitFor();
        titles.push(await popup.getByRole('textbox', { name: 'Title' }).inputValue());
      } finally {
        await browser.close();
      }
    }
    expect(titles).toEqual(Array.from({ length: LAUNCHES }, () => 'Small models that run on a microcontroller'));
  });
});
