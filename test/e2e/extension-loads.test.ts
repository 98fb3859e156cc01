import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './harness.ts';

interface DeveloperPrivate {
  updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void>;
  reload(id: string, options: { failQuietly: boolean; populateErrorForUnpacked: boolean }): Promise<unknown>;
  getExtensionInfo(id: string): Promise<{ manifestErrors: unknown[]; runtimeErrors: unknown[]; installWarnings: string[]; state: string }>;
}

let browser: ExtensionBrowser;
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((_request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end('<!doctype html><title>A served article</title><h1>A served article</h1><p>Body text.</p>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('the built extension', () => {
  it('loads with no errors or warnings on the extensions page', async () => {
    const page = await browser.context.newPage();
    await page.goto('chrome://extensions/');
    // Chromium records manifest warnings and runtime errors only in developer mode, so switch it on
    // and reload the extension, as a developer loading dist/ unpacked would see it.
    const report = await page.evaluate(async (id) => {
      const developer = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }).chrome.developerPrivate;
      await developer.updateProfileConfiguration({ inDeveloperMode: true });
      await developer.reload(id, { failQuietly: true, populateErrorForUnpacked: true });
      await new Promise((done) => setTimeout(done, 1000));
      const info = await developer.getExtensionInfo(id);
      return { manifestErrors: info.manifestErrors, runtimeErrors: info.runtimeErrors, installWarnings: info.installWarnings, state: info.state };
    }, browser.extensionId);
    expect(report).toEqual({ manifestErrors: [], runtimeErrors: [], installWarnings: [], state: 'ENABLED' });
    await page.close();
  });

  it('opens the popup from the real toolbar button', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${origin}/article.html`);
    await browser.clickToolbarButton(page);
    const popup = await browser.waitForPopup();
    await expect.poll(() => popup.getByRole('heading', { name: 'Roundup' }).count()).toBe(1);
  });
});
