/**
 * Managing drafts in the editor: number an issue (to continue a newsletter at #206), delete an issue with
 * undo, bring back removed issues, sections and items from "Recently removed", and reopen a published issue.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/model.ts';
import { seriousAxeViolations } from './axe.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness.ts';

let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`chrome-extension://${browser.extensionId}/editor/index.html`);
  await page.getByRole('button', { name: 'New issue' }).click();
  await page.getByRole('heading', { name: 'Issue #1' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
});

const stored = async (number: number) => (await browser.storedIssues()).find((issue) => issue.number === number) as unknown as Issue | undefined;

describe('managing issues in the editor', () => {
  it('sets the issue number, and a title made from the pattern follows it', async () => {
    await page.getByLabel('Number', { exact: true }).fill('206');
    await page.getByLabel('Number', { exact: true }).press('Enter');
    await page.getByRole('heading', { name: 'Issue #206' }).waitFor();
    expect(await stored(206)).toMatchObject({ title: 'My Newsletter: Issue #206' });
    // The heading follows the number as typed; the title comes back with the background's answer.
    await expect.poll(() => page.getByLabel('Title', { exact: true }).inputValue()).toBe('My Newsletter: Issue #206');
    await page.getByLabel('Number', { exact: true }).fill('0');
    await page.getByLabel('Number', { exact: true }).press('Enter');
    await page.getByText('Enter a whole number, 1 or more').waitFor();
    expect(await stored(206)).toBeDefined();
    // The next issue continues from it.
    await page.getByRole('button', { name: 'New issue' }).click();
    await page.getByRole('heading', { name: 'Issue #207' }).waitFor();
  });

  it('deletes an issue with undo, and brings it back later from Recently removed', async () => {
    await page.getByRole('button', { name: 'Delete issue' }).click();
    await page.getByRole('heading', { name: 'Issue #207 was removed' }).waitFor();
    expect((await stored(207))?.deleted).toBeDefined();
    await expect.poll(() => page.getByRole('link', { name: /#207/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Undo: restore issue #207' }).click();
    await page.getByRole('heading', { name: 'Issue #207', exact: true }).waitFor();
    expect((await stored(207))?.deleted).toBeUndefined();

    await page.getByRole('button', { name: 'Delete issue' }).click();
    await page.getByRole('heading', { name: 'Issue #207 was removed' }).waitFor();
    await page.getByRole('link', { name: /#206/ }).click();
    await page.getByRole('heading', { name: 'Issue #206', exact: true }).waitFor();
    await page.getByText(/^Recently removed/).click();
    await page.getByRole('button', { name: /^Restore Issue #207/ }).click();
    await page.getByRole('heading', { name: 'Issue #207', exact: true }).waitFor();
    expect((await stored(207))?.deleted).toBeUndefined();
  });

  it('restores a removed section from Recently removed once its Undo has gone', async () => {
    await page.getByRole('button', { name: 'Remove section Learning' }).click();
    const notice = page.getByRole('status').filter({ hasText: 'Removed section “Learning” and its items.' });
    await notice.waitFor();
    // The notice stands where the section was and leaves by itself.
    await notice.waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByRole('button', { name: /^Restore Section “Learning” of #207/ }).click();
    await page.getByRole('region', { name: 'Section Learning' }).waitFor();
    expect((await stored(207))?.sections.find((section) => section.name === 'Learning')?.deleted).toBeUndefined();
  });

  it('publishes and reopens an issue as a draft', async () => {
    await page.getByRole('button', { name: 'Publish…' }).click();
    await page.getByRole('button', { name: 'Publish issue #207' }).click();
    await page.getByRole('status').filter({ hasText: 'Issue #207 is published' }).waitFor();
    expect(await stored(207)).toMatchObject({ status: 'published' });
    await page.getByRole('button', { name: 'Reopen as draft' }).click();
    await page.getByRole('button', { name: 'Publish…' }).waitFor();
    expect(await stored(207)).toMatchObject({ status: 'draft', publishedAt: null });
  });

  it('keeps the preview and its export buttons in view at 1,024 px wide', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    for (const name of ['Copy for email', 'Download Markdown (.md)']) {
      const box = await page.getByRole('button', { name }).boundingBox();
      expect(box && box.y + box.height <= 768 && box.x + box.width <= 1024, name).toBe(true);
    }
    const frame = await page.locator('iframe.preview-frame').boundingBox();
    expect(frame && frame.y < 400 && frame.width >= 300).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('has no serious or critical accessibility violations with Recently removed open', async () => {
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
