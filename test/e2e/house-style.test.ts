/**
 * The house style in the editor page, in real Chromium with the built extension: pick a preset, edit the
 * Markdown template (a mistake is named by line and column and cannot be saved), see the preview change,
 * save, and download the .md, which must be byte for byte what `roundup export` renders for the same issue
 * and template, and what it renders from a backup of the stored state with no --style at all. The saved
 * style then shows in a second editor tab without a reload, and survives a reload.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Issue, Settings } from '../../src/core/model.ts';
import { serializeBackup, serializeIssueFile } from '../../src/core/portable.ts';
import { seriousAxeViolations } from './axe.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SEED = join(ROOT, 'test/fixtures/issue-206.json');
const TEMPLATE = '# {{ issue.title }}\n{% for section in sections %}\n## {{ section.number }}. {{ section.name }}\n'
  + '{% for item in section.items %}\n* [{{ item.title }}]({{ item.url }}){% if item.site %} ({{ item.site }}){% endif %}\n{% endfor %}{% endfor %}\n';

let browser: ExtensionBrowser;
let page: Page;
let tmp: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'roundup-house-style-'));
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.setViewportSize({ width: 1440, height: 960 });
  await page.goto(`chrome-extension://${browser.extensionId}/editor/index.html`);
  await page.getByText('Import a file').click();
  await page.getByLabel('Import a backup or issue file').setInputFiles(SEED);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('heading', { name: 'Issue #206' }).waitFor();
  await page.getByText('Import a file').click();
});

afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

function cli(file: string, ...args: string[]): string {
  return execFileSync('node', ['--import', 'tsx', 'src/cli/main.ts', 'export', file, ...args], { cwd: ROOT, encoding: 'utf8' });
}

/** What the background holds, asked as any extension page asks it. */
function ask<T>(target: Page, name: string, args: object = {}): Promise<T> {
  return target.evaluate(async ({ name: message, args: given }) => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome.runtime;
    const reply = await runtime.sendMessage({ roundup: 1, name: message, args: given }) as { ok: boolean; value: unknown; error?: string };
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  }, { name, args }) as Promise<T>;
}

const preview = (target: Page) => target.locator('pre.preview-source');
const status = (target: Page) => target.locator('#house-style-md-status');

describe('the house style in the editor', () => {
  it('picks a preset, edits the Markdown template with a live preview, and downloads what the CLI renders', async () => {
    const settings = await ask<Settings>(page, 'settings/get');
    await ask(page, 'settings/put', { settings: { ...settings, houseStyle: { preset: 'heading', templates: {} } } });
    const second = await browser.context.newPage();
    await second.goto(`chrome-extension://${browser.extensionId}/editor/index.html`);
    await second.getByRole('button', { name: 'House style…' }).click();
    await expect.poll(() => second.getByLabel('Preset').inputValue()).toBe('heading');

    await page.getByRole('button', { name: 'House style…' }).click();
    await page.getByLabel('Preset').selectOption('quote');
    // The preview shows the Markdown being edited, in the quote layout (each summary a quotation).
    await expect.poll(() => preview(page).textContent(), { timeout: 10_000 }).toMatch(/\n {2}> /);
    expect(await page.getByLabel('Markdown template (Liquid)').inputValue()).toContain('> ');

    const field = page.getByLabel('Markdown template (Liquid)');
    await field.fill('# {{ issue.title }}\n{{ issue.titel }}\n');
    await expect.poll(() => status(page).textContent()).toBe('The Markdown template has a mistake: Line 2, column 4: unknown name "issue.titel".');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Save house style' }).click();
    await page.getByText(/^Not saved: the Markdown template does not work \(line 2, column 4: unknown name "issue\.titel"\)\./).waitFor();
    expect((await ask<Settings>(page, 'settings/get')).houseStyle).toEqual({ preset: 'heading', templates: {} });

    await field.fill(TEMPLATE);
    await expect.poll(() => preview(page).textContent()).toMatch(/^# Deep Learning Weekly: Issue #206\n\n## 1\. Industry\n\n\* \[/);
    await expect.poll(() => status(page).textContent()).toBe('Your own template; it works with this issue.');
    const screenshot = process.env['UPDATE_SCREENSHOT'] === '1' ? join(ROOT, 'docs/house-style.png') : join(tmpdir(), 'roundup-house-style.png');
    mkdirSync(dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot });
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Save house style' }).click();
    await page.getByText('Saved: exports now use the quote preset with your own templates.').waitFor();
    expect((await ask<Settings>(page, 'settings/get')).houseStyle).toEqual({ preset: 'quote', templates: { md: TEMPLATE } });

    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Markdown (.md)' }).click()]);
    const markdown = readFileSync(await file.path(), 'utf8');
    expect(markdown).toMatch(/^# Deep Learning Weekly: Issue #206\n\n## 1\. Industry\n\n\* \[/);

    const stored = (await browser.storedIssues()).find((issue) => issue.id === 'iss-206') as unknown as Issue;
    const issueFile = join(tmp, 'issue-206.json');
    writeFileSync(issueFile, serializeIssueFile(stored));
    const templateFile = join(tmp, 'mine.liquid');
    writeFileSync(templateFile, TEMPLATE);
    expect(markdown).toBe(cli(issueFile, '--format', 'md', '--template', templateFile));
    const backup = await ask<{ settings: Settings; issues: Issue[] }>(page, 'backup/get');
    const backupFile = join(tmp, 'backup.json');
    writeFileSync(backupFile, serializeBackup(backup.settings, backup.issues, '2026-11-03T00:00:00.000Z'));
    expect(markdown).toBe(cli(backupFile, '--issue', '206', '--format', 'md'));
    // The other formats follow the preset: the quote layout in the plain text.
    expect(cli(backupFile, '--issue', '206', '--format', 'text')).toBe(cli(issueFile, '--format', 'text', '--style', 'quote'));

    // The second tab, open all along, shows the saved style without a reload.
    await expect.poll(() => second.getByLabel('Preset').inputValue()).toBe('quote');
    await expect.poll(() => second.getByLabel('Markdown template (Liquid)').inputValue()).toBe(TEMPLATE);
    await second.close();
  });

  it('keeps the saved style across a reload, and resets to the preset', async () => {
    const settings = await ask<Settings>(page, 'settings/get');
    await ask(page, 'settings/put', { settings: { ...settings, houseStyle: { preset: 'quote', templates: { md: TEMPLATE } } } });
    await page.reload();
    await page.getByRole('button', { name: 'House style…' }).click();
    expect(await page.getByLabel('Preset').inputValue()).toBe('quote');
    expect(await page.getByLabel('Markdown template (Liquid)').inputValue()).toBe(TEMPLATE);
    // An email past Gmail's clipping size is said so, in the draft being edited.
    await page.getByRole('radio', { name: /^Email HTML/ }).check();
    await page.getByLabel('Email HTML template (Liquid)').fill('{% for i in (1..2500) %}<p>{{ issue.title }}: {{ issue.tagline }}</p>\n{% endfor %}');
    await page.locator('.clip-warning').filter({ hasText: /^The email HTML in the house style being edited is \d+(\.\d)? KB; Gmail clips a message past about 102 KB/ }).waitFor();
    await page.getByRole('radio', { name: 'Markdown' }).check();
    await page.getByRole('button', { name: 'Reset to preset' }).click();
    await expect.poll(() => page.locator('.clip-warning').count()).toBe(0);
    await expect.poll(() => status(page).textContent()).toBe('The quote preset\'s template.');
    await page.getByRole('button', { name: 'Save house style' }).click();
    await page.getByText('Saved: exports now use the quote preset.').waitFor();
    expect((await ask<Settings>(page, 'settings/get')).houseStyle).toEqual({ preset: 'quote', templates: {} });
  });

  it('imports a backup whose house style does not render without its style, says why, and takes the rest', async () => {
    const backup = await ask<{ settings: Settings; issues: Issue[] }>(page, 'backup/get');
    const before = backup.settings.houseStyle;
    const theirs = { ...backup.settings, newsletterName: 'From the file', houseStyle: { preset: 'bullets' as const, templates: { html: '<p>{{ issue.title | shout }}</p>' } } };
    const file = join(tmp, 'roundup-backup-bad-style.json');
    writeFileSync(file, serializeBackup(theirs, backup.issues, '2026-11-03T00:00:00.000Z'));
    await page.getByText('Import a file').click();
    await page.getByLabel('Import a backup or issue file').setInputFiles(file);
    await page.getByText('The house style in the file was not imported: the HTML template does not work (line 1, column 4: unknown filter "shout"). '
      + 'Your house style stays as it is; everything else in the file can be imported.').waitFor();
    await page.getByRole('checkbox', { name: /Replace my settings with the file’s \(they differ in: newsletter name\)/ }).check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/^Imported “roundup-backup-bad-style\.json”/).waitFor();
    expect(await ask<Settings>(page, 'settings/get')).toMatchObject({ newsletterName: 'From the file', houseStyle: before });
    expect(pageErrors).toEqual([]);
  });
});
