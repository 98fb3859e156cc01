/**
 * Launches Debian's Chromium with the test build of the extension (dist-test/, `npm run build:test`: the
 * shipped build plus the background's test hooks) loaded, and gives tests the extension id, a CDP session on
 * the browser, and a way to press the toolbar button.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';

// playwright-core does not export its PageFunction type; this is the shape evaluate() accepts.
type PageFunction<A, T> = (arg: A) => T | Promise<T>;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DIST = resolve(import.meta.dirname, '../../dist-test');

/** Flags that keep Chromium quiet on a machine with no network (none of Chromium's own network traffic). */
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

export interface LaunchOptions {
  /** The build to load; default dist/. */
  dist?: string;
  /**
   * Host names whose requests go to a loopback server (Chromium's host resolver rules), so a fixture page is
   * served on loopback under the address a real site has (`http://arxiv.org/abs/…`). Only hosts that are not
   * on Chromium's HSTS preload list can be served over http this way (not github.com, youtube.com).
   */
  hosts?: { names: string[]; port: number };
  /** Return once the extension's worker answers (the default), or at once, as a fresh install is. */
  waitForWorker?: boolean;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const dist = options.dist ?? DIST;
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`No extension build in ${dist}: run \`npm run build:test\` first.`);
  const hostRules = options.hosts ? [`--host-resolver-rules=${options.hosts.names.map((name) => `MAP ${name} 127.0.0.1:${options.hosts!.port}`).join(', ')}`] : [];
  const profileDir = mkdtempSync(join(tmpdir(), 'roundup-e2e-'));
  const downloadsPath = mkdtempSync(join(tmpdir(), 'roundup-e2e-downloads-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    downloadsPath,
    args: [
      ...QUIET_FLAGS,
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--enable-unsafe-extension-debugging',
      '--remote-debugging-port=0',
      ...hostRules,
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
      // That client sent downloads to a folder of its own; back to this context's, where its download events look.
      await cdp.send('Browser.setDownloadBehavior', { behavior: 'allowAndName', downloadPath: downloadsPath, eventsEnabled: true });
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
      rmSync(downloadsPath, { recursive: true, force: true });
    },
  };
  // Chromium starts the worker of a just-installed extension a moment after the browser; until its script
  // has run, a click opens the manifest's popup (test/e2e/fresh-install.test.ts). The other tests are about
  // the clicks that reach the background, so they start once the worker answers.
  if (options.waitForWorker ?? true) await firstWorker.evaluate(() => true);
  return extension;
}

/**
 * A copy of the build with the optional `tabs` permission already granted, as it is once the editor said yes
 * to "Let Roundup see tab addresses": browser pages (chrome://…) then show their address. Remove it after.
 */
export function copyWithTabsGranted(dist = DIST): string {
  const dir = mkdtempSync(join(tmpdir(), 'roundup-tabs-granted-'));
  cpSync(dist, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { permissions: string[]; optional_permissions?: string[] };
  if (!manifest.optional_permissions?.includes('tabs')) throw new Error('the build no longer asks for `tabs` on demand: update this helper');
  manifest.permissions = [...manifest.permissions, 'tabs'];
  manifest.optional_permissions = manifest.optional_permissions.filter((permission) => permission !== 'tabs');
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

/** Sends one message of src/messages.ts from an extension page, as Roundup's own pages do; throws its error. */
export async function sendFromPage(browser: ExtensionBrowser, name: string, args: unknown): Promise<unknown> {
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
