/**
 * Past issues brought in through the editor's "Import past issues": a folder of Markdown issues (and a file
 * that is not one) is previewed in the page, imported, imported again (nothing new), and a page one of those
 * issues featured is then recognised in the real popup. Files are written to a temporary folder for the test.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './axe.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness.ts';
import { servePages, type PageServer } from './pages.ts';

let browser: ExtensionBrowser;
let pages: PageServer;
let folder: string;

beforeAll(async () => {
  pages = await servePages();
  browser = await launchWithExtension();
  folder = mkdtempSync(join(tmpdir(), 'roundup-archive-'));
  const issue = (number: number, date: string, links: string) => `---\ntitle: "The Weekly #${number}"\ndate: ${date}\n---\n`
    + `Welcome to issue ${number}.\n\n${links}\n\nSee you next week.\n`;
  writeFileSync(join(folder, '2024-01-04-issue-11.md'), issue(11, '2024-01-04',
    `## Articles\n\n- [A tour of TinyML](${pages.origin}/articles/tinyml-tour) Small models, big reach.\n- [Other news](https://example.com/news-11)\n\n## Papers\n\n- [Attention, again](https://arxiv.org/abs/2301.00001)`));
  writeFileSync(join(folder, '2024-01-11-issue-12.md'), issue(12, '2024-01-11',
    '## Articles\n\n- [Compilers for everyone](https://example.com/compilers) A gentle start.'));
  writeFileSync(join(folder, 'README.md'), '# About this archive\n\nJust some words, no issue here.\n');
});

afterAll(async () => {
  await browser?.close();
  await pages?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

async function openEditor(): Promise<Page> {
  const editor = await browser.context.newPage();
  await editor.setViewportSize({ width: 1280, height: 900 });
  await editor.goto(`chrome-extension://${browser.extensionId}/editor/index.html`);
  await editor.getByText('Import past issues').click();
  return editor;
}

describe('importing past issues in the editor', () => {
  it('previews a folder, imports its issues once, says nothing is new the second time, and the popup knows them', async () => {
    const editor = await openEditor();
    await editor.getByLabel('Choose a folder').setInputFiles(folder);
    const review = editor.getByRole('region', { name: /2 issues, 4 items in 3 sections/ });
    await review.waitFor();
    expect(await review.getByRole('listitem').allTextContents()).toEqual([
      '#11 The Weekly #11 · 2024-01-04 · 2 sections, 3 items · new',
      '#12 The Weekly #12 · 2024-01-11 · 1 section, 1 item · new',
      expect.stringMatching(/README\.md: not an issue: no list item or heading starts with a web link$/),
    ]);
    expect(await seriousAxeViolations(editor)).toEqual([]);
    await editor.screenshot({ path: join(tmpdir(), 'roundup-archive-preview.png') });
    // Nothing is written before "Import".
    expect(await browser.storedIssues()).toEqual([]);
    await review.getByRole('button', { name: 'Import 2 issues' }).click();
    await editor.getByText('Imported 2 past issues as published issues.').waitFor();

    // The issue list shows them without a reload.
    const list = editor.getByRole('navigation', { name: 'Issues' });
    await expect.poll(() => list.getByRole('link').allTextContents())
      .toEqual([expect.stringMatching(/^#12 The Weekly #12/), expect.stringMatching(/^#11 The Weekly #11/)]);
    const stored = await browser.storedIssues();
    expect(stored.map((issue) => [issue.id, issue.number, issue.items.length]).sort()).toEqual([['archive-11', 11, 3], ['archive-12', 12, 1]]);

    // Again, from the plain file picker this time: nothing new, and nothing stored changes.
    await editor.getByLabel('Or choose files').setInputFiles(['2024-01-04-issue-11.md', '2024-01-11-issue-12.md'].map((name) => join(folder, name)));
    const again = editor.getByRole('region', { name: /2 issues, 4 items/ });
    await again.getByText('Nothing new to import: every issue found is already here.').waitFor();
    expect(await again.getByRole('button', { name: 'Import 0 issues' }).isDisabled()).toBe(true);
    expect(await again.getByText('#11 The Weekly #11: already here').count()).toBe(1);
    expect(await browser.storedIssues()).toEqual(stored);
    await editor.close();

    // A page issue #11 featured (the archive links its canonical address), captured now: the popup says so.
    const tab = await browser.context.newPage();
    await tab.goto(`${pages.origin}/demo-article?utm_source=newsletter`);
    await browser.clickToolbarButton(tab);
    const popup = await browser.waitForPopup();
    await popup.getByRole('status').filter({ hasText: 'Featured in Issue #11, Articles' }).waitFor();
    await popup.close();
    await tab.close();
  });
});

describe('a past issue whose date the archive does not give', () => {
  it('is shown as published, date unknown, not as a draft to publish', async () => {
    const own = await launchWithExtension();
    const dir = mkdtempSync(join(tmpdir(), 'roundup-archive-undated-'));
    try {
      writeFileSync(join(dir, 'issue-40.md'), '# Issue #40\n\n## Articles\n\n- [Compilers for everyone](https://example.com/compilers) A gentle start.\n');
      const editor = await own.context.newPage();
      await editor.goto(`chrome-extension://${own.extensionId}/editor/index.html`);
      await editor.getByText('Import past issues').click();
      await editor.getByLabel('Or choose files').setInputFiles([join(dir, 'issue-40.md')]);
      await editor.getByRole('button', { name: 'Import 1 issue' }).click();
      const list = editor.getByRole('navigation', { name: 'Issues' });
      const link = list.getByRole('link', { name: /#40/ });
      await link.waitFor();
      expect(await link.textContent()).toContain('date unknown');
      await link.click();
      await editor.getByText('Published, date unknown').waitFor();
      expect(await editor.getByRole('button', { name: 'Publish…' }).count()).toBe(0);
      expect(await editor.getByRole('button', { name: 'Reopen as draft' }).count()).toBe(1);
    } finally {
      await own.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
