/**
 * The service worker stopped by the browser (CDP `ServiceWorker.stopAllWorkers`), as Chrome stops it
 * whenever it idles, at the worst moments: between noticing that its sync area was emptied and writing it
 * back, and in the middle of requests while the editor types in the popup and in the editor. To catch a
 * request mid-flight, the page holds Roundup's database for a moment (one readwrite transaction kept
 * busy), so the worker's answer waits on it while the worker is stopped.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/model.ts';
import { decodeDraft, draftKey } from '../../src/core/sync-codec.ts';
import { servePages, type PageServer } from './pages.ts';
import { call, openDevice, storedWhen, syncArea, until, type Device } from './sync-devices.ts';

let device: Device;
let pages: PageServer;

beforeAll(async () => {
  pages = await servePages();
  device = await openDevice('B');
});

afterAll(async () => {
  await device?.browser.close();
  await pages?.close();
});

async function stopWorker(): Promise<void> {
  const cdp = await device.browser.context.newCDPSession(device.page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** Holds every store of Roundup's database from `page` until `release`, so the worker's requests wait. */
async function holdDatabase(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(() => new Promise<void>((held, fail) => {
    const scope = globalThis as unknown as { roundupTestRelease?: boolean; roundupTestReleased?: Promise<void> };
    scope.roundupTestRelease = false;
    const request = indexedDB.open('roundup');
    request.onerror = () => fail(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction([...db.objectStoreNames], 'readwrite');
      const store = tx.objectStore('meta');
      const spin = () => { if (!scope.roundupTestRelease) store.get('nothing').onsuccess = spin; };
      spin();
      scope.roundupTestReleased = new Promise((done) => { tx.oncomplete = () => { db.close(); done(); }; });
      held();
    };
  }));
  return () => page.evaluate(() => {
    const scope = globalThis as unknown as { roundupTestRelease?: boolean; roundupTestReleased?: Promise<void> };
    scope.roundupTestRelease = true;
    return scope.roundupTestReleased;
  });
}

async function pendingTitle(page: Page): Promise<string | undefined> {
  return page.evaluate(() => new Promise<string | undefined>((done, fail) => {
    const request = indexedDB.open('roundup');
    request.onerror = () => fail(request.error);
    request.onsuccess = () => {
      const read = request.result.transaction('pending').objectStore('pending').getAll();
      read.onsuccess = () => { done((read.result as Array<{ title: string; updatedAt: string }>).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0]?.title); request.result.close(); };
      read.onerror = () => fail(read.error);
    };
  }));
}

describe('a service worker stopped by the browser', () => {
  it('writes an emptied sync area back a minute after it was emptied, not at once when it restarts', async () => {
    const issue = await call(device, 'issue/create', {});
    await until('the draft in the area', async () => decodeDraft(await syncArea(device), issue.id), (result) => result.status === 'complete');
    const before = await storedWhen(device, issue.id, () => true);
    await device.cdp.send('Extensions.clearStorageItems' as never, { id: device.browser.extensionId, storageArea: 'sync' } as never);
    const emptiedAt = Date.now();
    // Give the mirror the moment it takes to notice (a change is read half a second after it arrives).
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await stopWorker();
    // The settings page asks for the sync status every few seconds: that wakes a new worker, which starts the mirror.
    await until('the worker to start again', () => device.browser.inWorker(() => true, undefined), (up) => up);
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    expect(Object.keys(await syncArea(device)).filter((key) => key.startsWith(draftKey(issue.id)))).toEqual([]);
    const repaired = await until('the draft to be written back', async () => decodeDraft(await syncArea(device), issue.id),
      (result) => result.status === 'complete', 90_000);
    const waited = Date.now() - emptiedAt;
    expect(waited).toBeGreaterThan(55_000);
    expect(waited).toBeLessThan(100_000);
    expect(repaired).toMatchObject({ status: 'complete', value: { id: issue.id } });
    expect(await storedWhen(device, issue.id, () => true)).toEqual(before);
  }, 150_000);

  it('loses no keystroke in the popup when the worker is stopped while the editor types', async () => {
    const tab = await device.browser.context.newPage();
    await tab.goto(`${pages.origin}/demo-article`);
    await device.browser.clickToolbarButton(tab);
    const popup = await device.browser.waitForPopup();
    const title = popup.getByRole('textbox', { name: 'Title' });
    await popup.getByRole('button', { name: 'Add to issue' }).waitFor();
    await title.fill('');
    await title.press('End');
    // Every keystroke of "Hello" is still waiting for its answer when the worker is stopped: none is lost.
    const release = await holdDatabase(popup);
    await title.pressSequentially('Hello');
    await stopWorker();
    await release();
    await expect.poll(() => pendingTitle(popup), { timeout: 20_000 }).toBe('Hello');
    // Keystrokes typed while the stopped worker's requests are failing and a new worker starts.
    const releaseAgain = await holdDatabase(popup);
    await title.pressSequentially(' there');
    await stopWorker();
    await title.pressSequentially(', world');
    await releaseAgain();
    await expect.poll(() => pendingTitle(popup), { timeout: 20_000 }).toBe('Hello there, world');
    expect(await popup.getByRole('alert').count()).toBe(0);
    await popup.close();
    await device.browser.clickToolbarButton(tab);
    const reopened = await device.browser.waitForPopup();
    await expect.poll(() => reopened.getByRole('textbox', { name: 'Title' }).inputValue(), { timeout: 20_000 }).toBe('Hello there, world');

    // A request that must not run twice (adding a section) says, in plain words, that the background restarted.
    const release2 = await holdDatabase(reopened);
    await reopened.getByLabel('New section name').fill('Robotics');
    await reopened.getByRole('button', { name: 'Add section' }).click();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await stopWorker();
    await release2();
    await expect.poll(() => reopened.getByRole('alert').textContent(), { timeout: 20_000 })
      .toBe('Roundup’s background restarted before it answered, so this may not have been done. Check, then try again.');
    await reopened.close();
    await tab.close();
  }, 120_000);

  it('loses no keystroke in the editor, and shows no browser error', async () => {
    let issue: Issue = await call(device, 'issue/create', {});
    ({ issue } = await call(device, 'item/add', { tabId: null, issueId: issue.id, sectionId: issue.sections[0]?.id ?? '', fields: {
      url: 'https://example.org/typing', canonicalUrl: null, title: 'Draft', summary: '', note: '', site: '', authors: [], publishedAt: null, image: null, kind: 'article' } }));
    const item = issue.items[0];
    const editor = await device.browser.context.newPage();
    const errors: string[] = [];
    editor.on('pageerror', (error) => errors.push(error.message));
    await editor.goto(`chrome-extension://${device.browser.extensionId}/editor/index.html#issue=${issue.id}`);
    await editor.getByRole('button', { name: /^Edit “Draft/ }).click();
    const field = editor.locator(`#item-${item?.id ?? ''}-title`);
    await field.click();
    await field.press('End');
    const release = await holdDatabase(editor);
    await field.pressSequentially(' one');
    await stopWorker();
    await release();
    await storedWhen(device, issue.id, (stored) => stored.items[0]?.title === 'Draft one');
    const releaseAgain = await holdDatabase(editor);
    await field.pressSequentially(' two');
    await stopWorker();
    await field.pressSequentially(' three');
    await releaseAgain();
    await storedWhen(device, issue.id, (stored) => stored.items[0]?.title === 'Draft one two three');
    expect(await editor.getByRole('alert').count()).toBe(0);
    expect(errors).toEqual([]);
    await editor.close();
  }, 120_000);
});
