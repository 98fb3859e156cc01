/**
 * A week of an editor's work, start to finish, as one person lives it: pages of every kind captured through
 * the real toolbar button and popup, filed into the seed's five sections while the editor tab stays open the
 * whole time (never reloaded), the issue reordered, introduced, exported in three formats from that tab,
 * published, the next draft started, and an earlier paper recognised as featured. Pages are served on loopback,
 * most under the address their real site has (harness.ts `hosts`). Assertions are about what the editor sees;
 * the stored state is read only to compare the downloads with the command line's export of it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/model.ts';
import { serializeIssueFile } from '../../src/core/portable.ts';
import { copyWithTabsGranted, launchWithExtension, type ExtensionBrowser } from './harness.ts';
import { servePages, type PageServer } from './pages.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** Real sites' addresses, each served on loopback from a fixture page. */
const SITES: Record<string, string> = {
  'news.example.com/2021/06/15/on-device-ai-accelerator': 'journey-news-en',
  'www.nzz.ch/technologie/sprachmodelle-sparsamer-ld.1631': 'journey-news-de',
  'www.lemonde.fr/pixels/article/2021/06/16/supercalculateur-ia_6084217_4408996.html': 'journey-news-fr',
  'blog.example.org/posts/keyword-spotter-esp32': 'journey-blog',
  'blog.example.org/posts/label-noise': 'journey-selection',
  'aclanthology.org/2021.acl-long.518/': 'journey-acl',
  'arxiv.org/abs/2007.01547v1': 'journey-arxiv-v1',
  'arxiv.org/abs/2007.01547v2': 'journey-arxiv-v2',
  'www.biorxiv.org/content/10.1101/2021.06.01.446599v1': 'journey-biorxiv',
  'gitea.com/tinyml/edge-runtime': 'journey-repo',
  'video.example.net/watch/transformers-from-scratch': 'journey-video',
};
const HOSTS = [...new Set(Object.keys(SITES).map((address) => address.split('/')[0]!))];

let browser: ExtensionBrowser;
let pages: PageServer;
let build: string;
let editor: Page;
let tmp: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'roundup-journey-'));
  pages = await servePages(SITES);
  // With `tabs` granted, as after "Let Roundup see tab addresses": a browser page can be filed too.
  build = copyWithTabsGranted();
  browser = await launchWithExtension({ dist: build, hosts: { names: HOSTS, port: pages.port } });
});

afterAll(async () => {
  await browser?.close();
  await pages?.close();
  if (build) rmSync(build, { recursive: true, force: true });
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

interface Filing {
  url: string;
  section: string;
  /** What the form must show before anything is typed. */
  title?: string | RegExp;
  summary?: string | RegExp;
  source?: string;
  /** Done in the page before the toolbar click (a selection). */
  before?: (tab: Page) => Promise<void>;
  /** Done in the popup before "Add to issue". */
  edit?: (popup: Page) => Promise<void>;
}

async function openPopup(url: string, before?: (tab: Page) => Promise<void>): Promise<{ tab: Page; popup: Page }> {
  const tab = await browser.context.newPage();
  await tab.goto(url);
  await before?.(tab);
  await browser.clickToolbarButton(tab);
  const popup = await browser.waitForPopup();
  await popup.getByRole('button', { name: 'Add to issue' }).waitFor();
  return { tab, popup };
}

/** One page through the real popup: checks what the form shows, files it, and sees "Added to …". */
async function file(filing: Filing): Promise<void> {
  const { tab, popup } = await openPopup(filing.url, filing.before);
  const title = popup.getByRole('textbox', { name: 'Title' });
  const summary = popup.getByRole('textbox', { name: 'Summary' });
  if (filing.title) await expect.poll(() => title.inputValue()).toMatch(filing.title);
  if (filing.summary) await expect.poll(() => summary.inputValue()).toMatch(filing.summary);
  if (filing.source) expect(await popup.locator('.source .url').textContent()).toBe(filing.source);
  await filing.edit?.(popup);
  await popup.getByRole('combobox', { name: 'Section' }).selectOption({ label: filing.section });
  await popup.getByRole('button', { name: 'Add to issue' }).click();
  const notes = () => popup.locator('[role=alert]').allTextContents();
  await expect.poll(async () => (await popup.getByRole('status').filter({ hasText: `Added to ${filing.section} · Issue #` }).count()) || (await notes()).join(' / '))
    .toBe(1);
  await popup.close();
  await tab.close();
}

/** The item titles of a section, in the order the editor shows them. */
function sectionTitles(section: string): Promise<string[]> {
  return editor.getByRole('region', { name: `Section ${section}`, exact: true }).locator('.item-title').allTextContents();
}

async function download(name: string): Promise<string> {
  const [saved] = await Promise.all([editor.waitForEvent('download'), editor.getByRole('button', { name }).click()]);
  return readFileSync(await saved.path(), 'utf8');
}

/** The command line's export of the issue as stored now. */
async function cliExport(issueId: string, format: 'md' | 'html' | 'text'): Promise<string> {
  const stored = (await browser.storedIssues()).find((issue) => issue.id === issueId) as unknown as Issue;
  const path = join(tmp, `${issueId}.json`);
  writeFileSync(path, serializeIssueFile(stored));
  return execFileSync('node', ['--import', 'tsx', 'src/cli/main.ts', 'export', path, '--format', format], { cwd: ROOT, encoding: 'utf8' });
}

const at = (site: string) => `http://${site}`;

describe('an editor’s week', () => {
  it('captures, files, arranges, exports and publishes an issue, then sees its paper featured', async () => {
    // Monday: the newsletter's name, then the editor tab, open all week.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options/index.html`);
    await options.getByLabel('Newsletter name').fill('Deep Learning Weekly');
    await options.getByText(/^Saved\./).waitFor();
    await options.close();
    editor = await browser.context.newPage();
    await editor.setViewportSize({ width: 1280, height: 900 });
    await editor.goto(`chrome-extension://${browser.extensionId}/editor/index.html`);
    await editor.getByRole('heading', { name: 'No issues yet' }).waitFor();

    // News in three languages. Page text is plain text: `2*3*4`, backticks and brackets stay literal.
    await file({ url: at('news.example.com/2021/06/15/on-device-ai-accelerator'), section: 'Industry',
      title: 'Chipmaker unveils an accelerator for on-device AI',
      summary: 'The new part runs 2\\*3\\*4 = 24 models at once, and its SDK ships as \\`edgekit\\` with a \\[beta\\](https://example.com/beta) tag.' });
    // The editor tab, untouched since, shows the first draft and its item.
    await editor.getByRole('heading', { name: 'Issue #1', exact: true }).waitFor();
    await expect.poll(() => sectionTitles('Industry')).toEqual(['Chipmaker unveils an accelerator for on-device AI']);
    await file({ url: at('www.nzz.ch/technologie/sprachmodelle-sparsamer-ld.1631'), section: 'Industry', title: 'Schweizer Forscher trainieren Sprachmodelle sparsamer' });
    await file({ url: at('www.lemonde.fr/pixels/article/2021/06/16/supercalculateur-ia_6084217_4408996.html'), section: 'Industry',
      title: 'L’Europe finance un supercalculateur pour l’IA ouverte' });

    // A blog post, into a section the draft does not have yet: added from the popup.
    await file({ url: at('blog.example.org/posts/keyword-spotter-esp32'), section: 'Mobile & Edge', title: 'Running a keyword spotter on an ESP32',
      edit: async (popup) => {
        await popup.getByText('Loading the draft…').waitFor({ state: 'detached' });
        await popup.getByLabel('New section name').fill('Mobile & Edge');
        await popup.getByRole('button', { name: 'Add section' }).click();
        await expect.poll(() => popup.getByRole('combobox', { name: 'Section' }).locator('option', { hasText: 'Mobile & Edge' }).count()).toBe(1);
      } });

    // Papers the way ACL Anthology (a year and month only), arXiv (a versioned address) and bioRxiv (HTML in the abstract) build them.
    await file({ url: at('aclanthology.org/2021.acl-long.518/'), section: 'Papers & Publications', title: 'Learning Dense Representations of Phrases at Scale',
      summary: /^Open-domain question answering can be reformulated as a phrase retrieval problem/ });
    await file({ url: at('arxiv.org/abs/2007.01547v1'), section: 'Papers & Publications', source: 'https://arxiv.org/abs/2007.01547',
      title: 'Descending through a Crowded Valley -- Benchmarking Deep Learning Optimizers', summary: /^Choosing the optimizer is considered/ });
    await file({ url: at('www.biorxiv.org/content/10.1101/2021.06.01.446599v1'), section: 'Papers & Publications',
      title: 'Protein structure prediction with language models', summary: 'Language models trained on protein sequences learn structure. We show that their attention maps predict contacts as well as specialised methods.' });

    // A code repository, a video, a selection, a link with tracking tags, a browser page.
    await file({ url: at('gitea.com/tinyml/edge-runtime'), section: 'Libraries & Code', title: 'tinyml/edge-runtime',
      summary: 'A runtime for neural networks on microcontrollers: int8 kernels, a memory planner and a model converter.' });
    await file({ url: at('video.example.net/watch/transformers-from-scratch'), section: 'Learning', title: 'Transformers from scratch, explained' });
    await file({ url: at('blog.example.org/posts/label-noise'), section: 'Learning',
      before: (tab) => tab.evaluate(() => { getSelection()?.selectAllChildren(document.getElementById('quote')!); }),
      summary: 'Most of our errors came from three annotators, and a second look at 2% of the data found 80% of them.' });
    await file({ url: `${pages.origin}/journey-tracking?utm_source=hn&utm_medium=social&id=7`, section: 'Learning',
      source: `${pages.origin}/journey-tracking?id=7`, title: 'A practical guide to federated evaluation' });
    await file({ url: 'chrome://version/', section: 'Libraries & Code',
      edit: (popup) => popup.getByRole('textbox', { name: 'Summary' }).fill('Which Chromium builds the newsletter.') });

    // A copy on another site that names the first story as its original is not taken for it.
    const copy = await openPopup(`${pages.origin}/journey-syndicated`);
    await copy.popup.getByRole('status').filter({ hasText: /^This page names a page on example\.com as its original/ }).waitFor();
    expect(await copy.popup.getByText(/Already in Issue/).count()).toBe(0);
    await copy.popup.close();
    await copy.tab.close();

    // Publish day, in the editor tab that has been open all along.
    await expect.poll(() => editor.locator('.item').count()).toBe(12);
    expect(await editor.getByRole('region', { name: /^Section / }).evaluateAll((sections) => sections.map((section) => section.getAttribute('aria-label'))))
      .toEqual(['Section Industry', 'Section Learning', 'Section Libraries & Code', 'Section Papers & Publications', 'Section Mobile & Edge']);
    for (let move = 0; move < 3; move++) await editor.getByRole('button', { name: 'Move section Mobile & Edge up' }).click();
    await expect.poll(() => editor.getByRole('region', { name: /^Section / }).evaluateAll((sections) => sections.map((section) => section.getAttribute('aria-label'))))
      .toEqual(['Section Industry', 'Section Mobile & Edge', 'Section Learning', 'Section Libraries & Code', 'Section Papers & Publications']);
    // The Swiss story leads Industry.
    await editor.locator('.item', { hasText: 'Schweizer Forscher' }).focus();
    await editor.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => sectionTitles('Industry')).toEqual(['Schweizer Forscher trainieren Sprachmodelle sparsamer',
      'Chipmaker unveils an accelerator for on-device AI', 'L’Europe finance un supercalculateur pour l’IA ouverte']);
    // This newsletter has been going for a while: this is issue #206.
    await editor.getByLabel('Number', { exact: true }).fill('206');
    await editor.getByLabel('Number', { exact: true }).press('Enter');
    await editor.getByRole('heading', { name: 'Issue #206', exact: true }).waitFor();
    // The heading follows the number as typed; the title field takes the answer an effect later.
    await expect.poll(() => editor.getByLabel('Title', { exact: true }).inputValue()).toBe('Deep Learning Weekly: Issue #206');
    await editor.getByLabel('Intro', { exact: true }).fill('Hey folks,\n\nthis week: *accelerators*, optimizers and label noise.');
    await expect.poll(() => editor.getByRole('region', { name: 'Intro, rendered' }).innerHTML()).toContain('<em>accelerators</em>');
    await expect.poll(async () => (await browser.storedIssues())[0]?.items.length).toBe(12);
    const issueId = (await browser.storedIssues())[0]!.id;

    // Exports from the open tab: byte for byte the command line's export of what is stored, page text literal.
    await expect.poll(async () => (await cliExport(issueId, 'md')).includes('*accelerators*')).toBe(true);
    const markdown = await download('Download Markdown (.md)');
    expect(markdown).toBe(await cliExport(issueId, 'md'));
    expect(markdown).toMatch(/^# Deep Learning Weekly: Issue #206\n\nHey folks,\n\nthis week: \*accelerators\*, optimizers and label noise\.\n\n## Industry\n\n### \[Schweizer Forscher/);
    expect(markdown).toContain('The new part runs 2\\*3\\*4 = 24 models at once');
    expect(markdown).toContain('### [Descending through a Crowded Valley -- Benchmarking Deep Learning Optimizers](https://arxiv.org/abs/2007.01547)');
    const html = await download('Download HTML (.html)');
    expect(html).toBe(await cliExport(issueId, 'html'));
    expect(html).toContain('The new part runs 2*3*4 = 24 models at once, and its SDK ships as `edgekit` with a [beta](https://example.com/beta) tag.');
    expect(html).not.toContain('href="https://example.com/beta"');
    const text = await download('Download plain text (.txt)');
    expect(text).toBe(await cliExport(issueId, 'text'));
    expect(text).toContain('The new part runs 2*3*4 = 24 models at once, and its SDK ships as `edgekit` with a [beta](https://example.com/beta) tag.');
    expect(text).toContain(`A practical guide to federated evaluation\n${pages.origin}/journey-tracking?id=7\n`);
    expect(text).toContain('\n\n\nMobile & Edge\n\nRunning a keyword spotter on an ESP32\nhttp://blog.example.org/posts/keyword-spotter-esp32\n');
    expect(text).not.toContain('utm_');

    // Published, and the next draft started, still in the same tab.
    await editor.getByRole('button', { name: 'Publish…' }).click();
    await editor.getByRole('button', { name: 'Publish issue #206' }).click();
    await editor.getByRole('button', { name: 'Start the next draft' }).click();
    await editor.getByRole('heading', { name: 'Issue #207', exact: true }).waitFor();
    await expect.poll(() => editor.getByRole('navigation', { name: 'Issues' }).getByRole('link').allTextContents())
      .toEqual([expect.stringMatching(/^#207 Deep Learning Weekly: Issue #207/), expect.stringMatching(/^#206 Deep Learning Weekly: Issue #206.*12 items$/)]);

    // The following week: a new version of the same paper, and the same story again, are known.
    const paper = await openPopup(at('arxiv.org/abs/2007.01547v2'));
    await paper.popup.getByRole('status').filter({ hasText: 'Featured in Issue #206, Papers & Publications' }).waitFor();
    await paper.popup.close();
    await paper.tab.close();
    const story = await openPopup(`${at('news.example.com/2021/06/15/on-device-ai-accelerator')}?utm_source=twitter`);
    await story.popup.getByRole('status').filter({ hasText: 'Featured in Issue #206, Industry' }).waitFor();
    expect(await story.popup.getByRole('heading', { name: 'Issue #207: 0 items' }).count()).toBe(1);
    await story.popup.close();
    await story.tab.close();
  });
});
