/**
 * Launches Debian's Firefox ESR over WebDriver BiDi (puppeteer-core) with a test copy of dist-firefox/
 * installed, and drives Roundup's own pages through firefox-driver.js, since BiDi cannot reach
 * moz-extension pages. The copy adds to the build, and changes nothing in it:
 * - `host_permissions` for 127.0.0.1: a driver cannot click the toolbar button, so no activeTab grant
 *   ever happens; the host permission lets the real background inject capture.js into the served page.
 * - a second background script that, once installed, opens the driver page in an inactive tab.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const DIST_FIREFOX = resolve(import.meta.dirname, '../../dist-firefox');

interface Command {
  id: number;
  name: string;
  args: Record<string, unknown>;
}
type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export interface FirefoxWithExtension {
  browser: Browser;
  /** Loads an extension page (`popup/index.html`) into the driver's frame. */
  open(path: string): Promise<void>;
  text(): Promise<string>;
  value(selector: string): Promise<string>;
  fill(selector: string, value: string): Promise<void>;
  choose(selector: string, label: string): Promise<void>;
  /** Clicks the button with this accessible name (aria-label, else its text). */
  press(buttonName: string): Promise<void>;
  /** Files the open page downloaded since it was opened: caught in the page, never written to disk. */
  downloads(): Promise<Array<{ fileName: string; text: string }>>;
  /** Every record of an IndexedDB store, read raw by an extension page (same origin as the background). */
  storedRecords(store: string): Promise<unknown[]>;
  badgeText(): Promise<string>;
  close(): Promise<void>;
}

/** The loopback server the driver page polls for its next command and answers on. */
async function serveDriverCommands() {
  const queued: Command[] = [];
  const replies = new Map<number, (reply: Reply) => void>();
  let waitingDriver: ((command: Command) => void) | undefined;
  let connected: () => void = () => undefined;
  const driverConnected = new Promise<void>((done) => { connected = done; });
  let lastId = 0;

  async function handle(request: IncomingMessage, response: ServerResponse) {
    response.setHeader('access-control-allow-origin', '*');
    if (request.url === '/next') {
      connected();
      const command = queued.shift() ?? await new Promise<Command>((done) => { waitingDriver = done; });
      response.end(JSON.stringify(command));
    } else if (request.url === '/reply' && request.method === 'POST') {
      let body = '';
      for await (const chunk of request) body += String(chunk);
      const reply = JSON.parse(body) as Reply;
      replies.get(reply.id)?.(reply);
      replies.delete(reply.id);
      response.end();
    } else {
      response.statusCode = 404;
      response.end();
    }
  }

  const server = createServer((request, response) => { handle(request, response).catch((error: unknown) => { if (!response.headersSent) response.statusCode = 500; response.end(String(error)); }); });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    driverConnected,
    send(name: string, args: Record<string, unknown> = {}): Promise<unknown> {
      const command = { id: ++lastId, name, args };
      const replied = new Promise<Reply>((done) => replies.set(command.id, done));
      if (waitingDriver) {
        const deliver = waitingDriver;
        waitingDriver = undefined;
        deliver(command);
      } else queued.push(command);
      return replied.then((reply) => {
        if (!reply.ok) throw new Error(`driver ${name}: ${reply.error}`);
        return reply.value;
      });
    },
    close() {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** Copies the build and adds what only the test needs (see the file comment). */
function makeTestCopy(dist: string, driverUrl: string): string {
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} has no build: run \`npm run build:firefox\` first`);
  const copy = mkdtempSync(join(tmpdir(), 'roundup-firefox-ext-'));
  cpSync(dist, copy, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')) as {
    host_permissions?: string[];
    background: { scripts: string[] };
  };
  manifest.host_permissions = ['http://127.0.0.1/*'];
  manifest.background.scripts.push('e2e/open-driver.js');
  writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest, null, 2));
  cpSync(resolve(import.meta.dirname, 'firefox-driver.html'), join(copy, 'e2e/driver.html'));
  cpSync(resolve(import.meta.dirname, 'firefox-driver.js'), join(copy, 'e2e/driver.js'));
  // onInstalled, not top level: Firefox suspends idle event pages and reruns the scripts on waking.
  writeFileSync(join(copy, 'e2e/open-driver.js'), `browser.runtime.onInstalled.addListener(() => {
  void browser.tabs.create({ url: '/e2e/driver.html?server=${encodeURIComponent(driverUrl)}', active: false });
});\n`);
  return copy;
}

export async function launchFirefoxWithExtension(options: { dist?: string } = {}): Promise<FirefoxWithExtension> {
  const driver = await serveDriverCommands();
  const extensionDir = makeTestCopy(options.dist ?? DIST_FIREFOX, driver.url);
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  try {
    await browser.installExtension(extensionDir);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      driver.driverConnected,
      new Promise((_, fail) => { timer = setTimeout(() => fail(new Error('the driver page never opened')), 30_000); }),
    ]).finally(() => clearTimeout(timer));
  } catch (error) {
    await browser.close();
    driver.close();
    throw error;
  }
  const send = driver.send;
  return {
    browser,
    open: async (path) => { await send('open', { path }); },
    text: async () => String(await send('text')),
    value: async (selector) => String(await send('value', { selector })),
    fill: async (selector, value) => { await send('fill', { selector, value }); },
    choose: async (selector, label) => { await send('choose', { selector, label }); },
    press: async (name) => { await send('press', { name }); },
    downloads: async () => (await send('downloads')) as Array<{ fileName: string; text: string }>,
    storedRecords: async (store) => (await send('storedRecords', { store })) as unknown[],
    badgeText: async () => String(await send('badgeText')),
    async close() {
      await browser.close();
      driver.close();
      rmSync(extensionDir, { recursive: true, force: true });
    },
  };
}
