/**
 * Sync between two devices: two Chromium profiles running the built extension, with the browser's sync
 * played by this test (sync-devices.ts). Edits go through the extension's own messages; results are read
 * from IndexedDB and from the sync area, and the "already featured" notice from the real popup, opened
 * by the toolbar button.
 * The mirror debounces its writes (a few seconds) and waits a minute before repairing a wiped area, so the
 * test polls for each write instead of sleeping.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeIssue } from '../../src/core/merge.ts';
import type { Issue, Item } from '../../src/core/model.ts';
import { FEATURED_KEY, decodeDraft, decodeFeaturedKeys, draftKey } from '../../src/core/sync-codec.ts';
import { servePages, type PageServer } from './pages.ts';
import { call, deliver, openDevice, storedIssue as storedIssueOn, storedWhen as storedWhenOn, syncArea, until, type Device } from './sync-devices.ts';

let a: Device;
let b: Device;
let pages: PageServer;
let issueId: string;
let itemId: string;

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

/** The issue as the device last wrote it to its sync area, once it satisfies `done`. */
async function syncedIssue(device: Device, done: (issue: Issue) => boolean, timeoutMs?: number): Promise<Issue> {
  const decoded = await until(`${device.name}'s sync area`, async () => decodeDraft(await syncArea(device), issueId),
    (result) => result.status === 'complete' && done(result.value), timeoutMs);
  if (decoded.status !== 'complete') throw new Error('unreachable');
  return decoded.value;
}

const storedIssue = (device: Device) => storedIssueOn(device, issueId);
const storedWhen = (device: Device, done: (issue: Issue) => boolean) => storedWhenOn(device, issueId, done);

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
