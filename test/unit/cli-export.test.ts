/**
 * `roundup export` as a user runs it: a real process on real files. Every failure must leave
 * stdout empty and say what is wrong in exactly one stderr line, naming the field when there is one.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/model.ts';
import type { Issue } from '../../src/core/model.ts';
import { serializeBackup, serializeIssueFile } from '../../src/core/portable.ts';
import { renderIssueAsHtml } from '../../src/core/render-html.ts';
import { renderIssueAsMarkdown } from '../../src/core/render-markdown.ts';
import { renderIssueAsText } from '../../src/core/render-text.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
// `npm run roundup` runs the tsx wrapper, which starts a second Node process; loading tsx as a hook
// into one process runs the same code in half the time. One test below goes through the wrapper.
const NODE_WITH_TSX = [process.execPath, '--import', 'tsx'];
const TSX_WRAPPER = [join(REPO_ROOT, 'node_modules/.bin/tsx')];
const directory = mkdtempSync(join(tmpdir(), 'roundup-cli-export-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

// Each run starts Node and tsx (about a second of CPU); on a loaded machine that can take far longer.
const SPAWN = { timeout: 120_000 };

interface Run { code: number | null; stdout: string; stderr: string }

function runCli(args: string[], stdin = '', launcher = NODE_WITH_TSX): Promise<Run> {
  const [command, ...launcherArgs] = launcher as [string, ...string[]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...launcherArgs, 'src/cli/main.ts', ...args], { cwd: REPO_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

let fileCount = 0;
function writeTempFile(content: string): string {
  const path = join(directory, `file-${++fileCount}.json`);
  writeFileSync(path, content);
  return path;
}

function makeIssue(number: number, overrides: Partial<Issue> = {}): Issue {
  return {
    id: `issue-${number}`, number, title: `The Weekly: Issue #${number}`, tagline: 'Links worth reading',
    intro: 'Hello *readers* & friends.', outro: 'Until next week.', status: 'draft',
    createdAt: '2026-11-01T08:00:00.000Z', publishedAt: null, clocks: {},
    sections: [
      { id: 'sec-industry', name: 'Industry', position: 'a0', clocks: {} },
      { id: 'sec-papers', name: 'Papers & Publications', position: 'a1', clocks: {} },
    ],
    items: [
      {
        id: 'item-1', sectionId: 'sec-industry', position: 'a0', url: 'https://example.com/news?id=1',
        canonicalUrl: null, title: 'A <big> launch', summary: 'The company shipped **it**.', note: 'secret note',
        site: 'Example News', authors: [], publishedAt: '2026-10-30', image: null, kind: 'article',
        capturedAt: '2026-11-01T09:00:00.000Z', clocks: {},
      },
      {
        id: 'item-2', sectionId: 'sec-papers', position: 'a0', url: 'https://arxiv.org/abs/2611.00001',
        canonicalUrl: null, title: 'Attention, again', summary: 'We find that attention is enough.', note: '',
        site: 'arXiv', authors: ['Lovelace, Ada'], publishedAt: null, image: null, kind: 'paper',
        capturedAt: '2026-11-01T09:05:00.000Z', clocks: {},
      },
    ],
    ...overrides,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the cases poke at parsed JSON
type LooseJson = any;
function brokenIssueFile(mutate: (file: LooseJson) => void): string {
  const file = JSON.parse(serializeIssueFile(makeIssue(7)));
  mutate(file);
  return writeTempFile(JSON.stringify(file, null, 2));
}

const validIssueFile = writeTempFile(serializeIssueFile(makeIssue(7)));
function writeTemplate(source: string): string {
  const path = join(directory, `template-${++fileCount}.liquid`);
  writeFileSync(path, source);
  return path;
}
const brokenTemplate = writeTemplate('{% for section in sections %}\n## {{ section.name }}\n  {{ section.titel }}\n{% endfor %}\n');
const unsafeTemplate = writeTemplate('{% for item in sections[0].items %}[x](javascript:{{ item.site | remove: " " }}){% endfor %}\n');
const itemLineTemplate = writeTemplate('{% for section in sections %}{% for item in section.items %}{{ item.number }}. [{{ item.title }}]({{ item.url }}) ({{ item.site }})\n{% endfor %}{% endfor %}');
const backupFile = writeTempFile(serializeBackup(
  DEFAULT_SETTINGS,
  [makeIssue(7), makeIssue(8, { title: 'The Weekly: Issue #8' }), makeIssue(9, { id: 'gone', deleted: '000000001:0000:dev' })],
  '2026-11-03T00:00:00.000Z',
));

const savedStyle = { preset: 'bullets' as const, templates: { text: '{{ issue.title }} ({{ issue.date | format_date }})\n' } };
const styledBackupFile = writeTempFile(serializeBackup({ ...DEFAULT_SETTINGS, dateFormat: 'iso', houseStyle: savedStyle }, [makeIssue(7)], '2026-11-03T00:00:00.000Z'));
function backupWithStyle(houseStyle: unknown): string {
  const file = JSON.parse(serializeBackup(DEFAULT_SETTINGS, [makeIssue(7)], '2026-11-03T00:00:00.000Z'));
  file.settings.houseStyle = houseStyle;
  return writeTempFile(JSON.stringify(file));
}

describe.concurrent('roundup export refuses, with one stderr line and nothing on stdout', () => {
  it.each<[string, () => string[], number, string]>([
    ['bad JSON', () => [writeTempFile('{"format": "roundup-issue",\n "version": 1,,}'), '--format', 'md'], 1, 'not valid JSON: '],
    ['truncated JSON', () => [writeTempFile(serializeIssueFile(makeIssue(7)).slice(0, 300)), '--format', 'md'], 1, 'is the file truncated?'],
    ['an empty file', () => [writeTempFile(''), '--format', 'md'], 1, 'the file is empty'],
    ['an array instead of an object', () => [writeTempFile('[{"format": "roundup-issue"}]'), '--format', 'md'], 1, 'expected a JSON object with "format" and "version", got an array'],
    ['another format', () => [brokenIssueFile((file) => { file.format = 'roundup-newsletter'; }), '--format', 'md'], 1, 'format: expected "roundup-issue" or "roundup-backup", got "roundup-newsletter"'],
    ['version 2', () => [brokenIssueFile((file) => { file.version = 2; delete file.issue; }), '--format', 'md'], 1, 'written by a newer Roundup (format version 2); this version reads version 1'],
    ['a missing version', () => [brokenIssueFile((file) => { delete file.version; }), '--format', 'md'], 1, 'version: required field is missing'],
    ['a missing title', () => [brokenIssueFile((file) => { delete file.issue.title; }), '--format', 'md'], 1, 'issue.title: required field is missing'],
    ['an item URL that is not a string', () => [brokenIssueFile((file) => { file.issue.items[1].url = ['https://a.example']; }), '--format', 'html'], 1, 'issue.items[1].url: expected a string, got an array'],
    ['an item in a missing section', () => [brokenIssueFile((file) => { file.issue.items[0].sectionId = 'sec-gone'; }), '--format', 'text'], 1, 'issue.items[0].sectionId: no section of this issue has the id "sec-gone"'],
    ['duplicate ids', () => [brokenIssueFile((file) => { file.issue.items[1].id = 'item-1'; }), '--format', 'md'], 1, 'issue.items[1].id: duplicate id "item-1"'],
    ['an unknown --format', () => [validIssueFile, '--format', 'pdf'], 2, 'unknown --format "pdf"'],
    ['a missing --format', () => [validIssueFile], 2, 'missing --format'],
    ['an unknown option', () => [validIssueFile, '--format', 'md', '--verbose'], 2, 'unknown option --verbose'],
    ['no FILE', () => ['--format', 'md'], 2, 'missing FILE'],
    ['a malformed --issue', () => [backupFile, '--format', 'md', '--issue', 'seven'], 2, '--issue expects an issue number, got "seven"'],
    ['a backup without --issue', () => [backupFile, '--format', 'md'], 2, 'is a backup: choose an issue with --issue NUMBER (available: 7, 8)'],
    ['an --issue the backup lacks', () => [backupFile, '--format', 'md', '--issue', '12'], 1, 'no issue #12 in'],
    ['a deleted issue of a backup', () => [backupFile, '--format', 'md', '--issue', '9'], 1, 'no issue #9 in'],
    ['an --issue the issue file is not', () => [validIssueFile, '--format', 'md', '--issue', '8'], 1, 'holds issue #7, not #8'],
    ['a nonexistent FILE', () => [join(directory, 'missing.json'), '--format', 'md'], 1, 'missing.json: no such file'],
    ['an unknown --style', () => [validIssueFile, '--format', 'md', '--style', 'fancy'], 2, 'unknown --style "fancy" (expected heading, quote, bullets, digest)'],
    ['--style and --template together', () => [validIssueFile, '--format', 'md', '--style', 'quote', '--template', itemLineTemplate], 2, 'choose --style NAME or --template TEMPLATE_FILE, not both'],
    ['a missing template file', () => [validIssueFile, '--format', 'md', '--template', join(directory, 'nope.liquid')], 1, 'cannot read the template'],
    ['a template with a mistake, by line and column', () => [validIssueFile, '--format', 'md', '--template', brokenTemplate], 1, 'liquid: line 3, column 6: unknown name "section.titel"'],
    ['a backup whose saved style cannot be read', () => [backupWithStyle({ preset: 'fancy' }), '--issue', '7', '--format', 'md'], 1,
      'the backup\'s house style cannot be used (expected one of the presets heading, quote, bullets, digest, got "fancy"); choose one with --style NAME or --template FILE'],
    ['a backup whose saved template has a mistake, by line and column', () => [backupWithStyle({ preset: 'quote', templates: { md: '{{ issue.titel }}' } }), '--issue', '7', '--format', 'md'], 1,
      '.json: line 1, column 4: unknown name "issue.titel"'],
    ['a template that would link to a page\'s text', () => [validIssueFile, '--format', 'md', '--template', unsafeTemplate], 1, 'only http, https and mailto links are allowed'],
  ])('%s', SPAWN, async (_name, makeArgs, expectedCode, fragment) => {
    const { code, stdout, stderr } = await runCli(['export', ...makeArgs()]);
    expect(code).toBe(expectedCode);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^roundup export: [^\n]+\n$/);
    expect(stderr).toContain(fragment);
  });
});

describe.concurrent('roundup export writes the rendered issue, exactly', () => {
  const issue = makeIssue(7);
  it.each([
    ['md', renderIssueAsMarkdown(issue)],
    ['html', renderIssueAsHtml(issue)],
    ['text', renderIssueAsText(issue)],
  ])('--format %s', SPAWN, async (format, expected) => {
    const { code, stdout, stderr } = await runCli(['export', validIssueFile, '--format', format]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.length).toBeGreaterThan(0);
    expect(stdout).toBe(expected);
    expect(stdout).not.toContain('secret note');
  });

  it('--style quote writes the quote layout', SPAWN, async () => {
    const { code, stdout } = await runCli(['export', validIssueFile, '--format', 'md', '--style', 'quote']);
    expect(code).toBe(0);
    expect(stdout).toBe(renderIssueAsMarkdown(issue, { style: { preset: 'quote', templates: {} } }));
    expect(stdout).toContain('\n- [A \\<big> launch](https://example.com/news?id=1)\n  > The company shipped **it**.\n');
  });

  it('--template writes through the editor\'s own template', SPAWN, async () => {
    const { code, stdout, stderr } = await runCli(['export', validIssueFile, '--format', 'md', '--template', itemLineTemplate]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe('1. [A \\<big> launch](https://example.com/news?id=1) (Example News)\n1. [Attention, again](https://arxiv.org/abs/2611.00001) (arXiv)\n');
  });

  it('picks the issue a backup is asked for', SPAWN, async () => {
    const { code, stdout } = await runCli(['export', backupFile, '--issue', '8', '--format', 'md']);
    expect(code).toBe(0);
    expect(stdout).toBe(renderIssueAsMarkdown(makeIssue(8, { title: 'The Weekly: Issue #8' })));
  });

  it('exports a backup in its saved house style and date format when no --style or --template is given', SPAWN, async () => {
    const { code, stdout, stderr } = await runCli(['export', styledBackupFile, '--issue', '7', '--format', 'text']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(renderIssueAsText(makeIssue(7), { style: savedStyle, dateFormat: 'iso' }));
    expect(stdout).toBe('The Weekly: Issue #7 (2026-11-01)\n');
    const markdown = await runCli(['export', styledBackupFile, '--issue', '7', '--format', 'md']);
    expect(markdown.stdout).toBe(renderIssueAsMarkdown(makeIssue(7), { style: savedStyle, dateFormat: 'iso' }));
  });

  it('lets --style and --template override a backup\'s saved style', SPAWN, async () => {
    const quote = await runCli(['export', styledBackupFile, '--issue', '7', '--format', 'text', '--style', 'quote']);
    expect(quote.stdout).toBe(renderIssueAsText(makeIssue(7), { style: { preset: 'quote', templates: {} } }));
    const own = await runCli(['export', styledBackupFile, '--issue', '7', '--format', 'md', '--template', itemLineTemplate]);
    expect(own.stdout).toMatch(/^1\. \[A \\<big> launch\]/);
  });

  it('keeps stdout and exit code 0 through the tsx wrapper that `npm run roundup` uses', SPAWN, async () => {
    expect(await runCli(['export', validIssueFile, '--format', 'md'], '', TSX_WRAPPER))
      .toEqual({ code: 0, stdout: renderIssueAsMarkdown(issue), stderr: '' });
  });

  it('keeps stderr and exit code 2 through the tsx wrapper', SPAWN, async () => {
    expect(await runCli(['export', validIssueFile, '--format', 'pdf'], '', TSX_WRAPPER))
      .toEqual({ code: 2, stdout: '', stderr: 'roundup export: unknown --format "pdf" (expected md, html or text)\n' });
  });

  it('reads standard input for FILE "-"', SPAWN, async () => {
    const { code, stdout } = await runCli(['export', '-', '--format=text'], serializeIssueFile(issue));
    expect(code).toBe(0);
    expect(stdout).toBe(renderIssueAsText(issue));
  });
});
