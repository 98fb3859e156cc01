/**
 * Sync between two devices: two Chromium profiles running the built extension, with the browser's sync
 * played by this test, which copies one profile's sync area into the other over CDP (as the sync server
 * would: changed keys set, missing keys removed; the receiver's `storage.onChanged` fires with area `sync`).
 * Edits go through the extension's own messages; results are read from IndexedDB and from the sync area, and the
 * "already featured" notice from the real popup, opened by the toolbar button.
 * The mirror debounces its writes (a few seconds) and waits a minute before repairing a wiped area, so the
 * test polls for each write instead of sleeping.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeIssue } from '../../src/core/merge.ts';
import type { Issue, Item } from '../../src/core/model.ts';
import { FEATURED_KEY, decodeDraft, decodeFeaturedKeys, draftKey } from '../../src/core/sync-codec.ts';
import type { MessageArgs, MessageName, MessageResult, Reply } from '../../src/messages.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness.ts';
import { servePages, type PageServer } from './pages.ts';

interface Device {
  name: string;
  browser: ExtensionBrowser;
  page: Page;
  cdp: CDPSession;
}

let a: Device;
let b: Device;
let pages: PageServer;
let issueId: string;
let itemId: string;

async function openDevice(name: string): Promise<Device> {
  const browser = await launchWithExtension();
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options/index.html`);
  return { name, browser, page, cdp: await browser.context.newCDPSession(page) };
}

beforeAll(async () => {
  pages = await servePages();
  a = await openDevice('A');
  b = await openDevice('B');
});

afterAll(async () => {
  await a?.browser.close();
  await b?.browser.close();
  // After the browsers: the server waits for their keep-alive connections to end.
  await pages?.close();
});

/** Sends one message of src/messages.ts from the device's extension page, as the popup and editor do. */
async function call<N extends MessageName>(device: Device, name: N, args: MessageArgs<N>): Promise<MessageResult<N>> {
  const reply = await device.page.evaluate(([messageName, messageArgs]) => {
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } };
    return chrome.runtime.sendMessage({ roundup: 1, name: messageName, args: messageArgs });
  }, [name, args] as const) as Reply<MessageResult<N>>;
  if (!reply.ok) throw new Error(`${device.name} ${name}: ${reply.error}`);
  return reply.value;
}

async function syncArea(device: Device): Promise<Record<string, unknown>> {
  const { data } = await device.cdp.send('Extensions.getStorageItems' as never,
    { id: device.browser.extensionId, storageArea: 'sync' } as never) as { data: Record<string, unknown> };
  return data;
}

/** The browser's sync, played once: `to`'s area ends up holding what `from`'s holds (of the keys `only` picks). */
async function deliver(from: Device, to: Device, only: (key: string) => boolean = () => true): Promise<void> {
  const [source, target] = await Promise.all([syncArea(from), syncArea(to)]);
  const id = to.browser.extensionId;
  const removed = Object.keys(target).filter((key) => only(key) && !(key in source));
  const changed = Object.fromEntries(Object.entries(source)
    .filter(([key, value]) => only(key) && JSON.stringify(value) !== JSON.stringify(target[key])));
  if (removed.length > 0) await to.cdp.send('Extensions.removeStorageItems' as never, { id, storageArea: 'sync', keys: removed } as never);
  if (Object.keys(changed).length > 0) await to.cdp.send('Extensions.setStorageItems' as never, { id, storageArea: 'sync', values: changed } as never);
}

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(value)?.slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The issue as the device last wrote it to its sync area, once it satisfies `done`. */
async function syncedIssue(device: Device, done: (issue: Issue) => boolean, timeoutMs?: number): Promise<Issue> {
  const decoded = await until(`${device.name}'s sync area`, async () => decodeDraft(await syncArea(device), issueId),
    (result) => result.status === 'complete' && done(result.value), timeoutMs);
  if (decoded.status !== 'complete') throw new Error('unreachable');
  return decoded.value;
}

async function storedIssue(device: Device): Promise<Issue | undefined> {
  return (await device.browser.storedIssues()).find((issue) => issue.id === issueId) as Issue | undefined;
}

/** The issue in the device's IndexedDB, once it satisfies `done`. */
async function storedWhen(device: Device, done: (issue: Issue) => boolean): Promise<Issue> {
  return await until(`${device.name}'s IndexedDB`, () => storedIssue(device), (issue) => issue !== undefined && done(issue)) as Issue;
}

/** The issue ids of the featured keys the device keeps in IndexedDB (src/sync/idb/synced-featured-keys.ts). */
async function storedFeaturedIssueIds(device: Device): Promise<string[]> {
  return device.browser.inWorker(() => new Promise<string[]>((done, fail) => {
    const request = indexedDB.open('roundup');
    request.onerror = () => fail(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const read = db.transaction('meta').objectStore('meta').get('syncFeaturedKeys');
      read.onsuccess = () => { done(((read.result ?? []) as { issueId: string }[]).map((record) => record.issueId)); db.close(); };
      read.onerror = () => fail(read.error);
    };
  }), undefined);
}

function itemOf(issue: Issue): Item | undefined {
  return issue.items.find((item) => item.id === itemId);
}

describe('sync between two browser profiles', () => {
  it('brings an item added on A to B', async () => {
    const issue = await call(a, 'issue/create', {});
    issueId = issue.id;
    const added = await call(a, 'item/add', {
      tabId: null, issueId, sectionId: issue.sections[0]?.id ?? '',
      fields: { url: 'https://example.org/tiny-ml', canonicalUrl: null, title: 'Tiny ML', summary: 'Models on a microcontroller.',
        note: '', site: 'example.org', authors: [], publishedAt: null, image: null, kind: 'article' },
    });
    itemId = added.itemId;
    await syncedIssue(a, (synced) => itemOf(synced)?.title === 'Tiny ML');
    await deliver(a, b);
    const onB = await storedWhen(b, (stored) => itemOf(stored) !== undefined);
    expect(itemOf(onB)).toMatchObject({ title: 'Tiny ML', summary: 'Models on a microcontroller.', url: 'https://example.org/tiny-ml' });
    expect(onB.sections.map((section) => section.name)).toEqual(issue.sections.map((section) => section.name));
    const status = await until('A to finish syncing', () => call(a, 'sync/status', {}), (view) => view.state === 'idle');
    expect(status).toMatchObject({ error: null, lastSyncedAt: expect.any(Number), localOnly: [], optedOut: [] });
  });

  it('keeps both edits when A and B change different fields of the same item', async () => {
    await call(a, 'item/update', { issueId, itemId, patch: { title: 'Title from A' } });
    await call(b, 'item/update', { issueId, itemId, patch: { summary: 'Summary from B.' } });
    await syncedIssue(a, (synced) => itemOf(synced)?.title === 'Title from A');
    await syncedIssue(b, (synced) => itemOf(synced)?.summary === 'Summary from B.');
    await deliver(a, b);
    // B merges A's copy into its own and writes the result for A.
    await syncedIssue(b, (synced) => itemOf(synced)?.title === 'Title from A' && itemOf(synced)?.summary === 'Summary from B.');
    await deliver(b, a);
    for (const device of [a, b]) {
      const stored = await storedWhen(device, (issue) => itemOf(issue)?.title === 'Title from A' && itemOf(issue)?.summary === 'Summary from B.');
      expect(itemOf(stored)).toMatchObject({ title: 'Title from A', summary: 'Summary from B.' });
    }
  });

  it('keeps the later edit when A and B change the same field, whichever arrives last', async () => {
    await call(a, 'item/update', { issueId, itemId, patch: { title: 'Earlier, from A' } });
    await syncedIssue(a, (synced) => itemOf(synced)?.title === 'Earlier, from A');
    await call(b, 'item/update', { issueId, itemId, patch: { title: 'Later, from B' } });
    await syncedIssue(b, (synced) => itemOf(synced)?.title === 'Later, from B');
    // The earlier edit reaches B after B's own later one: B keeps its own, and writes it back over A's copy.
    await deliver(a, b);
    await syncedIssue(b, (synced) => itemOf(synced)?.title === 'Later, from B');
    await deliver(b, a);
    await storedWhen(a, (issue) => itemOf(issue)?.title === 'Later, from B');
    expect(itemOf(await storedWhen(b, () => true))?.title).toBe('Later, from B');
  });

  it('removes on B an item deleted on A', async () => {
    await call(a, 'item/remove', { issueId, itemId });
    await syncedIssue(a, (synced) => itemOf(synced)?.deleted !== undefined);
    await deliver(a, b);
    const onB = await storedWhen(b, (issue) => itemOf(issue)?.deleted !== undefined);
    expect(onB.items.filter((item) => item.deleted === undefined)).toEqual([]);
  });

  it('shares the "sync this issue" switch: off on A stops B too; on again from B syncs B\u2019s edits', async () => {
    const off = await call(a, 'sync/set-issue', { issueId, sync: false });
    expect(off.optedOut).toEqual([issueId]);
    await until('the draft to leave A\u2019s sync area', () => syncArea(a), (area) => area[draftKey(issueId)] === undefined);
    await deliver(a, b);
    await until('B to learn of the switch', () => call(b, 'sync/status', {}), (status) => status.optedOut.includes(issueId));
    expect((await storedIssue(b))?.id).toBe(issueId); // switching off deletes nothing anywhere

    await call(b, 'issue/update', { issueId, patch: { tagline: 'Written on B while sync was off' } });
    const on = await call(b, 'sync/set-issue', { issueId, sync: true });
    expect(on.optedOut).toEqual([]);
    await syncedIssue(b, (synced) => synced.tagline === 'Written on B while sync was off');
    await deliver(b, a);
    await storedWhen(a, (issue) => issue.tagline === 'Written on B while sync was off');
    await until('A to learn of the switch', () => call(a, 'sync/status', {}), (status) => status.optedOut.length === 0);
  });

  it('loses nothing when B\u2019s sync area is emptied (as Chrome\u2019s first sync can), and writes it back', async () => {
    const before = await storedWhen(b, () => true);
    expect(Object.keys(await syncArea(b))).toContain(draftKey(issueId));
    await b.cdp.send('Extensions.clearStorageItems' as never, { id: b.browser.extensionId, storageArea: 'sync' } as never);
    // B waits a minute before writing back (another device's writes may be on their way); meanwhile its copy stays whole.
    const repaired = await until('B to write its draft back', async () => {
      expect(await storedIssue(b)).toEqual(before);
      return decodeDraft(await syncArea(b), issueId);
    }, (result) => result.status === 'complete', 120_000);
    expect(repaired).toMatchObject({ status: 'complete', value: normalizeIssue(before) });
    expect(await storedIssue(b)).toEqual(before);
  }, 180_000);

  it('tells B, in the popup, that a page was featured in an issue A published, though B never held that issue', async () => {
    const pageX = `${pages.origin}/demo-article`;
    const published = await call(a, 'issue/create', {});
    const section = published.sections.find((candidate) => candidate.name === 'Libraries & Code') ?? published.sections[0];
    await call(a, 'item/add', {
      tabId: null, issueId: published.id, sectionId: section?.id ?? '',
      // As the popup files it: the page declares a canonical URL, which the capture on B will report too.
      fields: { url: `${pageX}?utm_source=newsletter`, canonicalUrl: `${pages.origin}/articles/tinyml-tour`,
        title: 'Small models that run on a microcontroller', summary: 'TinyML.', note: '', site: 'The Edge Report', authors: [],
        publishedAt: null, image: null, kind: 'article' },
    });
    await call(a, 'issue/publish', { issueId: published.id });
    await until('A to write the featured keys of the published issue', async () => decodeFeaturedKeys(await syncArea(a)),
      (result) => result.status === 'complete' && result.value.some((record) => record.issueId === published.id && record.removed !== true));
    // Only the featured keys travel, as when the issue's own record has long left the area (7 days after publishing).
    await deliver(a, b, (key) => key === FEATURED_KEY || key.startsWith(`${FEATURED_KEY}:`));
    await until('B to keep the featured keys', () => storedFeaturedIssueIds(b), (ids) => ids.includes(published.id));

    const tab = await b.browser.context.newPage();
    await tab.goto(pageX);
    await b.browser.clickToolbarButton(tab);
    const popup = await b.browser.waitForPopup();
    const notice = `Featured in Issue #${published.number}, ${section?.name ?? ''}`;
    await expect.poll(() => popup.getByRole('status').filter({ hasText: notice }).count(), { timeout: 20_000 }).toBe(1);
    expect((await b.browser.storedIssues()).map((issue) => issue.id)).not.toContain(published.id);
    await popup.close();
    await tab.close();
  });
});
