/**
 * The settings page in real Chromium with the built extension: settings saved and applied to new
 * issues only, a full backup round trip through a cleared profile, a refused malformed file, and
 * accessibility.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/model.ts';
import { seriousAxeViolations } from './axe.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness.ts';

const SEED = resolve(import.meta.dirname, '../fixtures/issue-206.json');

let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await page.goto(optionsUrl());
});

afterAll(async () => {
  await browser?.close();
});

function optionsUrl(): string {
  return `chrome-extension://${browser.extensionId}/options/index.html`;
}

/** Every issue record and the settings record, read raw from the extension's IndexedDB. */
async function storedState(): Promise<{ issues: unknown[]; settings: unknown }> {
  return page.evaluate(() => new Promise<{ issues: unknown[]; settings: unknown }>((done, fail) => {
    const request = indexedDB.open('roundup');
    request.onerror = () => fail(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction(['issues', 'settings']);
      const issues = tx.objectStore('issues').getAll();
      const settings = tx.objectStore('settings').get('settings');
      tx.oncomplete = () => {
        db.close();
        const byId = (issues.result as Array<{ id: string }>).sort((a, b) => (a.id < b.id ? -1 : 1));
        done({ issues: byId, settings: settings.result });
      };
    };
  }));
}

async function importFile(file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByLabel('Import a backup or issue file').setInputFiles(file);
}

describe('the settings page', () => {
  it('imports the published seed issue, then saves settings that shape new issues but never rewrite it', async () => {
    await importFile(SEED);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/Imported “issue-206.json”: 1 new issue/).waitFor();
    const seedBefore = (await storedState()).issues;

    await page.getByLabel('Newsletter name').fill('Deep Learning Weekly');
    await page.getByLabel('Title pattern').fill('{name} #{number}: {date}');
    await page.getByLabel('Date format, for {date}').selectOption('iso');
    await page.getByLabel('New default section').fill('Robotics');
    await page.getByRole('button', { name: 'Add section' }).click();
    await page.getByRole('button', { name: 'Move Robotics up' }).click();
    await page.getByRole('button', { name: 'Remove Learning' }).click();
    await page.getByLabel('Intro template').fill('Hello, readers!');
    await page.getByLabel('Summary length (characters)').fill('0');
    await page.getByText('Enter a whole number from 1 to 20000.').waitFor();
    await page.getByLabel('Summary length (characters)').fill('420');

    await expect.poll(async () => (await storedState()).settings).toEqual({
      newsletterName: 'Deep Learning Weekly', titlePattern: '{name} #{number}: {date}',
      defaultSections: ['Industry', 'Libraries & Code', 'Robotics', 'Papers & Publications'],
      introTemplate: 'Hello, readers!', outroTemplate: '', summaryLength: 420, dateFormat: 'iso', keepTrackingParameters: false,
      houseStyle: { preset: 'heading', templates: {} },
    });
    expect((await storedState()).issues).toEqual(seedBefore);

    await page.reload();
    expect(await page.getByLabel('Title pattern').inputValue()).toBe('{name} #{number}: {date}');

    const editor = await browser.context.newPage();
    await editor.goto(`chrome-extension://${browser.extensionId}/editor/index.html`);
    await editor.getByRole('button', { name: 'New issue' }).click();
    await editor.getByRole('heading', { name: 'Issue #207' }).waitFor();
    const created = (await browser.storedIssues()).find((issue) => issue.number === 207) as unknown as Issue;
    expect(created.title).toMatch(/^Deep Learning Weekly #207: \d{4}-\d{2}-\d{2}$/);
    expect(created.sections.map((section) => section.name)).toEqual(['Industry', 'Libraries & Code', 'Robotics', 'Papers & Publications']);
    expect(created.intro).toBe('Hello, readers!');
    expect((await browser.storedIssues()).find((issue) => issue.number === 206)).toEqual((seedBefore as Issue[])[0]);
    await editor.close();
  });

  it('refuses a malformed, a foreign and an invalid file with a message naming the problem, and changes nothing', async () => {
    const before = await storedState();
    const seed = JSON.parse(readFileSync(SEED, 'utf8')) as { issue: { items: Array<{ url: string }> } };
    seed.issue.items[3]!.url = 'not a link';
    const cases: Array<[string, string, RegExp]> = [
      ['truncated.json', '{"format": "roundup-backup", "version": 1, "issues": [', /Could not import “truncated.json”: not valid JSON: unexpected end of input \(is the file truncated\?\)/],
      ['foreign.json', '{"name": "some other app"}', /Could not import “foreign.json”: this is not a Roundup backup or issue file/],
      ['invalid.json', JSON.stringify(seed), /Could not import “invalid.json”: the link of item 4 of the issue is not a web address \("not a link"\)/],
    ];
    for (const [name, text, message] of cases) {
      await importFile({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(message);
      expect(await page.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    }
    expect(await storedState()).toEqual(before);
  });

  it('shows what a re-import would change, keeping newer edits made here', async () => {
    const editor = await browser.context.newPage();
    await editor.goto(`chrome-extension://${browser.extensionId}/editor/index.html#issue=iss-206`);
    await editor.getByRole('button', { name: /^Edit “DeepMind says/ }).click();
    await editor.getByLabel('Summary').fill('Polished here, after the file was written.');
    await expect.poll(async () => (await browser.storedIssues()).find((issue) => issue.id === 'iss-206')?.items[0]?.summary)
      .toBe('Polished here, after the file was written.');
    await editor.close();

    await importFile(SEED);
    await page.getByText(/Kept yours: 1 field/).waitFor();
    await page.getByText(/#206 · item “DeepMind says .*” · summary: kept “Polished here, after the file was written\.”/).waitFor();
    await page.getByText('Nothing to import: everything in this file is already here.').waitFor();
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('restores every issue, item and setting from a backup into a cleared profile', async () => {
    const before = await storedState();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export everything' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^roundup-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backupPath = join(browser.profileDir, download.suggestedFilename());
    await download.saveAs(backupPath);

    // Clear the profile: the sync mirror's area (or sync would bring the draft back), then the database
    // (the worker's connection closes on versionchange), then stop the worker so it starts afresh, as after
    // a browser restart.
    await page.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { storage: Record<'sync' | 'local', { clear(): Promise<void> }> } };
      await Promise.all([chrome.storage.sync.clear(), chrome.storage.local.clear()]);
      await new Promise<void>((done, fail) => {
        const request = indexedDB.deleteDatabase('roundup');
        request.onsuccess = () => done();
        request.onerror = () => fail(request.error);
      });
    });
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await page.reload();
    expect(await page.getByLabel('Newsletter name').inputValue()).toBe('My Newsletter');
    expect((await storedState()).issues).toEqual([]);

    await importFile(backupPath);
    await page.getByText(/^New: 2 issues$/).waitFor();
    expect(await page.getByRole('checkbox', { name: /Replace my settings with the file’s/ }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/Imported “roundup-backup-.*”: 2 new issues, 0 issues updated, settings replaced\./).waitFor();
    expect(await storedState()).toEqual(before);
    await expect.poll(() => page.getByLabel('Newsletter name').inputValue()).toBe('Deep Learning Weekly');
  });

  it('shows settings changed in another tab at once, without a reload', async () => {
    const other = await browser.context.newPage();
    await other.goto(`chrome-extension://${browser.extensionId}/options/index.html`);
    await other.getByLabel('Newsletter name').fill('Changed in another tab');
    await expect.poll(() => page.getByLabel('Newsletter name').inputValue()).toBe('Changed in another tab');
    await other.getByLabel('Keep tracking parameters in links').check();
    await expect.poll(() => page.getByLabel('Keep tracking parameters in links').isChecked()).toBe(true);
    await other.getByLabel('Keep tracking parameters in links').uncheck();
    await other.close();
  });

  it('has no serious or critical accessibility violations, with an import plan shown', async () => {
    await importFile(SEED);
    await page.getByText(/Already here, unchanged: #206/).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
