/**
 * Launches Debian's Chromium with the built extension (dist/) loaded, as DESIGN.md's testing recipe says,
 * and gives tests the extension id, a CDP session on the browser, and a way to press the toolbar button.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';

// playwright-core does not export its PageFunction type; this is the shape evaluate() accepts.
type PageFunction<A, T> = (arg: A) => T | Promise<T>;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DIST = resolve(import.meta.dirname, '../../dist');

/** Flags that keep Chromium quiet on a machine with no network (see ../shared/DESIGN.md). */
export const QUIET_FLAGS = [
  '--no-first-run',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export interface StoredIssue {
  id: string;
  number: number;
  sections: Array<{ id: string; name: string; deleted?: string }>;
  items: Array<{ id: string; sectionId: string; url: string; title: string; summary: string; deleted?: string }>;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  /**
   * Presses the extension's toolbar button for the tab showing `page` (with its activeTab grant). Resolves
   * to the time (ms since the epoch) just before the press was sent, for the benchmark.
   */
  clickToolbarButton(page: Page): Promise<number>;
  /** The popup opened by the last toolbar click, driven through a second CDP client. */
  waitForPopup(path?: string): Promise<Page>;
  /** Runs a function in the extension's service worker (restarting it if Chromium stopped it). */
  inWorker<T, A>(fn: PageFunction<A, T>, arg: A): Promise<T>;
  /** Every issue record in the extension's IndexedDB, read raw. */
  storedIssues(): Promise<StoredIssue[]>;
  /** The toolbar badge's text. */
  badgeText(): Promise<string>;
  close(): Promise<void>;
}

export async function launchWithExtension(options: { dist?: string } = {}): Promise<ExtensionBrowser> {
  const dist = options.dist ?? DIST;
  const profileDir = mkdtempSync(join(tmpdir(), 'roundup-e2e-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...QUIET_FLAGS,
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--enable-unsafe-extension-debugging',
      '--remote-debugging-port=0',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  const firstWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 90_000 }));
  const extensionId = new URL(firstWorker.url()).host;
  let browserSession: CDPSession | undefined;
  let popupClient: Awaited<ReturnType<typeof chromium.connectOverCDP>> | undefined;

  async function session(): Promise<CDPSession> {
    browserSession ??= await context.browser()!.newBrowserCDPSession();
    return browserSession;
  }

  const extension: ExtensionBrowser = {
    context,
    extensionId,
    profileDir,
    async clickToolbarButton(page) {
      const cdp = await session();
      const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never) as {
        targetInfos: Array<{ targetId: string; url: string }>;
      };
      const url = page.url();
      const tab = targetInfos.find((target) => target.url === url);
      if (!tab) throw new Error(`no tab target for ${url}`);
      const sentAt = Date.now();
      await cdp.send('Extensions.triggerAction' as never, { id: extensionId, targetId: tab.targetId } as never);
      return sentAt;
    },
    async waitForPopup(path = 'popup/index.html') {
      // A CDP client attached before the popup exists does not always see it appear, so wait for the
      // popup's target first, then attach a fresh client that finds it among the existing pages.
      const popupUrl = `chrome-extension://${extensionId}/${path}`;
      const cdp = await session();
      for (let attempt = 0; ; attempt++) {
        const { targetInfos } = await cdp.send('Target.getTargets') as { targetInfos: Array<{ type: string; url: string }> };
        if (targetInfos.some((target) => target.type === 'page' && target.url.startsWith(popupUrl))) break;
        if (attempt === 100) throw new Error('the popup did not open');
        await new Promise((done) => setTimeout(done, 100));
      }
      await popupClient?.close().catch(() => undefined);
      const port = readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
      popupClient = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      const popup = popupClient.contexts().flatMap((ctx) => ctx.pages()).find((page) => page.url().startsWith(popupUrl));
      if (!popup) throw new Error('the popup opened but no CDP client can reach it');
      return popup;
    },
    async inWorker(fn, arg) {
      let worker = context.serviceWorkers().find((candidate) => candidate.url().includes(extensionId));
      if (!worker) {
        // An idle worker is stopped by Chromium; opening an extension page wakes it.
        const waking = context.waitForEvent('serviceworker');
        const page = await context.newPage();
        await page.goto(`chrome-extension://${extensionId}/options/index.html`);
        worker = await waking;
        await page.close();
      }
      return worker.evaluate(fn as never, arg);
    },
    storedIssues() {
      return extension.inWorker(() => new Promise<StoredIssue[]>((done, fail) => {
        const request = indexedDB.open('roundup');
        request.onerror = () => fail(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const read = db.transaction('issues').objectStore('issues').getAll();
          read.onsuccess = () => { done(read.result as StoredIssue[]); db.close(); };
          read.onerror = () => fail(read.error);
        };
      }), undefined);
    },
    badgeText() {
      return extension.inWorker(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } })
        .chrome.action.getBadgeText({}), undefined);
    },
    async close() {
      await popupClient?.close().catch(() => undefined);
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
  return extension;
}
