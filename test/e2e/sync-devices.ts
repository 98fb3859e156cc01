/**
 * Devices for the sync end-to-end tests: Chromium profiles running the built extension, with the browser's
 * sync played by the test, which copies one profile's sync area into another over CDP (as the sync server
 * would: changed keys set, missing keys removed; the receiver's `storage.onChanged` fires with area `sync`),
 * or writes what a broken or hostile device would (`Extensions.setStorageItems`).
 */
import type { CDPSession, Page } from 'playwright-core';
import type { Issue } from '../../src/core/model.ts';
import type { MessageArgs, MessageName, MessageResult, Reply } from '../../src/messages.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness.ts';

export interface Device {
  name: string;
  browser: ExtensionBrowser;
  /** The device's settings page, from which messages are sent and the status line is read. */
  page: Page;
  cdp: CDPSession;
}

export async function openDevice(name: string): Promise<Device> {
  // ROUNDUP_E2E_DIST runs these tests against another build, e.g. one of an older commit, to see them fail there.
  const browser = await launchWithExtension(process.env.ROUNDUP_E2E_DIST ? { dist: process.env.ROUNDUP_E2E_DIST } : {});
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options/index.html`);
  return { name, browser, page, cdp: await browser.context.newCDPSession(page) };
}

/** Sends one message of src/messages.ts from the device's extension page, as the popup and editor do. */
export async function call<N extends MessageName>(device: Device, name: N, args: MessageArgs<N>): Promise<MessageResult<N>> {
  const reply = await device.page.evaluate(([messageName, messageArgs]) => {
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } };
    return chrome.runtime.sendMessage({ roundup: 1, name: messageName, args: messageArgs });
  }, [name, args] as const) as Reply<MessageResult<N>>;
  if (!reply.ok) throw new Error(`${device.name} ${name}: ${reply.error}`);
  return reply.value;
}

export async function syncArea(device: Device): Promise<Record<string, unknown>> {
  const { data } = await device.cdp.send('Extensions.getStorageItems' as never,
    { id: device.browser.extensionId, storageArea: 'sync' } as never) as { data: Record<string, unknown> };
  return data;
}

/** What another device (or a forger) writes into this device's sync area. */
export async function writeSyncArea(device: Device, values: Record<string, unknown>): Promise<void> {
  await device.cdp.send('Extensions.setStorageItems' as never, { id: device.browser.extensionId, storageArea: 'sync', values } as never);
}

/** The browser's sync, played once: `to`'s area ends up holding what `from`'s holds (of the keys `only` picks). */
export async function deliver(from: Device, to: Device, only: (key: string) => boolean = () => true): Promise<void> {
  const [source, target] = await Promise.all([syncArea(from), syncArea(to)]);
  const id = to.browser.extensionId;
  const removed = Object.keys(target).filter((key) => only(key) && !(key in source));
  const changed = Object.fromEntries(Object.entries(source)
    .filter(([key, value]) => only(key) && JSON.stringify(value) !== JSON.stringify(target[key])));
  if (removed.length > 0) await to.cdp.send('Extensions.removeStorageItems' as never, { id, storageArea: 'sync', keys: removed } as never);
  if (Object.keys(changed).length > 0) await writeSyncArea(to, changed);
}

export async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(value)?.slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function storedIssue(device: Device, issueId: string): Promise<Issue | undefined> {
  return (await device.browser.storedIssues()).find((issue) => issue.id === issueId) as Issue | undefined;
}

/** The issue in the device's IndexedDB, once it satisfies `done`. */
export async function storedWhen(device: Device, issueId: string, done: (issue: Issue) => boolean, timeoutMs?: number): Promise<Issue> {
  return await until(`${device.name}'s IndexedDB`, () => storedIssue(device, issueId), (issue) => issue !== undefined && done(issue), timeoutMs) as Issue;
}

/** The sync status line as the settings page shows it to the editor, with "What happened" opened: as text. */
export async function statusLine(device: Device): Promise<string> {
  const notices = device.page.locator('.sync-status details');
  if (await notices.count() > 0 && !(await notices.evaluate((element) => (element as HTMLDetailsElement).open).catch(() => true))) {
    await device.page.locator('.sync-status summary').click().catch(() => undefined);
  }
  return (await device.page.locator('.sync-status').innerText()).trim();
}
