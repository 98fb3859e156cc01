/**
 * Smoke test of the Firefox build (dist-firefox/) in Debian's Firefox ESR: a served article goes through
 * the real popup, the real background and Firefox's IndexedDB, and the editor page exports the stored
 * issue as the same Markdown the CLI writes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveItems } from '../../src/core/live-parts.ts';
import type { Issue } from '../../src/core/model.ts';
import { serializeIssueFile } from '../../src/core/portable.ts';
import { parseIssue } from '../../src/core/schema.ts';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './firefox-harness.ts';
import { servePages, type PageServer } from './pages.ts';

const ROOT = resolve(import.meta.dirname, '../..');

let firefox: FirefoxWithExtension;
let pages: PageServer;
let scratch: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'roundup-firefox-test-'));
  pages = await servePages();
  firefox = await launchFirefoxWithExtension();
}, 120_000);

afterAll(async () => {
  await firefox?.close();
  await pages?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** What Firefox stored, checked by the same schema the extension reads its records with. */
async function storedIssues(): Promise<Issue[]> {
  return (await firefox.storedRecords('issues')).map((record) => {
    const parsed = parseIssue(record);
    if (!parsed.ok) throw new Error(`Firefox stored an issue Roundup cannot read: ${parsed.error}`);
    return parsed.value;
  });
}

function exportWithCli(issue: Issue): string {
  const file = join(scratch, `issue-${issue.number}.json`);
  writeFileSync(file, serializeIssueFile(issue));
  return execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'export', file, '--format', 'md'], {
    cwd: ROOT, encoding: 'utf8',
  });
}

describe('Roundup in Firefox', () => {
  it('captures a served article, files it into a section, stores it, and exports it as Markdown', async () => {
    const tab = await firefox.browser.newPage();
    await tab.goto(`${pages.origin}/demo-article`);
    await firefox.open('popup/index.html');

    // The form appears once the background has injected capture.js and answered; until then there is no #title.
    await expect.poll(() => firefox.value('#title').catch(() => ''), { timeout: 15_000 }).toBe('Small models that run on a microcontroller');
    expect(await firefox.value('#summary')).toMatch(/^A tour of TinyML/);
    await firefox.fill('#summary', 'TinyML, explained for people who build sensors.');
    await firefox.choose('#section', 'Learning');
    await firefox.press('Add to issue');
    await expect.poll(() => firefox.text(), { timeout: 5_000 }).toContain('Added to Learning · Issue #1');

    const [issue, ...others] = await storedIssues();
    expect(others).toEqual([]);
    const items = liveItems(issue!);
    expect(items).toHaveLength(1);
    expect(issue!.sections.find((section) => section.id === items[0]!.sectionId)?.name).toBe('Learning');
    expect(await firefox.badgeText()).toBe('1');

    // The editor's download is the CLI's export, byte for byte; empty sections are left out, and the
    // page's relative canonical link, resolved, is the item's address.
    const markdown = exportWithCli(issue!);
    expect(markdown).toBe([
      `# ${issue!.title}`,
      '## Learning',
      `### [Small models that run on a microcontroller](${pages.origin}/articles/tinyml-tour)`,
      'TinyML, explained for people who build sensors.\n',
    ].join('\n\n'));
    await firefox.open(`editor/index.html#issue=${issue!.id}`);
    await expect.poll(() => firefox.press('Download Markdown (.md)').then(() => true, () => false), { timeout: 10_000 }).toBe(true);
    // The download starts once the editor has read the issue and the settings from storage, after the click.
    await expect.poll(() => firefox.downloads(), { timeout: 10_000 }).toEqual([{ fileName: 'issue-1.md', text: markdown }]);
    await tab.close();
  });
});
