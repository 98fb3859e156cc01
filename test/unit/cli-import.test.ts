/**
 * `roundup import` and `roundup featured` as a newsletter's CI runs them: real processes on real
 * files. Few processes (each costs about a second of CPU): one import of the whole Haskell Weekly
 * archive, one featured run over its backup with many URLs, and the failures, concurrently.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planImport } from '../../src/core/import-plan.ts';
import { DEFAULT_SETTINGS } from '../../src/core/model.ts';
import { parsePortableFile } from '../../src/core/portable.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARCHIVE = fileURLToPath(new URL('../../../shared/archives/haskellweekly/', import.meta.url));
const directory = mkdtempSync(join(tmpdir(), 'roundup-cli-import-'));
const backupPath = join(directory, 'hw.json');
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const SPAWN = { timeout: 120_000 };

interface Run { code: number | null; stdout: string; stderr: string }

function runCli(args: string[], stdin = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: REPO_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

let imported: Run;
beforeAll(async () => {
  imported = await runCli(['import', ARCHIVE, '--out', backupPath]);
}, 120_000);

describe('roundup import', () => {
  it('writes the whole archive as a backup, with one summary line on stderr', () => {
    expect(imported).toEqual({ code: 0, stdout: '',
      stderr: `roundup import: 538 issues, 9,336 items in 2,166 sections; 388 issues have text that is not kept (from 539 files) → ${backupPath}\n` });
  });

  it('writes a backup that the existing import loads as 538 published issues', () => {
    const parsed = parsePortableFile(readFileSync(backupPath, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok || parsed.file.kind !== 'backup') return;
    expect(parsed.file.backup.issues.every((issue) => issue.status === 'published' && issue.publishedAt !== null)).toBe(true);
    expect(planImport(parsed.file, { issues: [], damagedIds: new Set(), settings: DEFAULT_SETTINGS, nowMs: Date.now() }).newIssues).toHaveLength(538);
  });
});

describe('roundup featured', () => {
  it('prints every issue that featured each URL, by the dedupe key, or "not featured"', SPAWN, async () => {
    const urls = [
      'https://www.tweag.io/posts/2019-10-09-bazel-cabal-stack.html',
      'http://tweag.io//posts/2019-10-09-bazel-cabal-stack.html/?utm_source=hw#top',
      'https://youtu.be/uR_VzYxvbxg',
      'https://hackage.haskell.org/package/fmt',
      'https://example.com/never-featured',
    ];
    const run = await runCli(['featured', backupPath, ...urls.slice(0, 2), '-'], urls.slice(2).join('\n'));
    expect(run).toEqual({ code: 0, stderr: '', stdout: [
      `${urls[0]}\tIssue #180\tFeatured`,
      `${urls[1]}\tIssue #180\tFeatured`,
      `${urls[2]}\tIssue #20\t`,
      // The package of the week is named in prose, not as an item: not featured, as the plan said.
      `${urls[3]}\tnot featured`,
      `${urls[4]}\tnot featured`,
      '',
    ].join('\n') });
  });
});

describe.concurrent('roundup import and featured answer with one stderr line, and refuse what they cannot do', () => {
  const notAnIssue = join(directory, 'not-an-issue');
  mkdirSync(notAnIssue);
  writeFileSync(join(notAnIssue, 'README.md'), '# Our archive\n\nSee [the site](https://example.com).\n');
  it.each<[string, string[], number, string, string]>([
    ['a path that does not exist', ['import', join(directory, 'missing'), '--out', join(directory, 'x.json')], 1, '', 'missing: no such file or folder'],
    ['a folder without an issue', ['import', notAnIssue, '--out', join(directory, 'y.json')], 1,
      `${join(notAnIssue, 'README.md')}: not an issue: no list item or heading starts with a web link\n`, 'nothing to import from'],
    ['a missing --out', ['import', ARCHIVE], 2, '', 'missing --out BACKUP.json'],
    ['a dry run, which lists the issues and writes nothing', ['import', join(ARCHIVE, 'issues.tsv'), join(ARCHIVE, '2019/issue-180.markdown'), '--dry-run'], 0,
      `#180\t2019-10-10\t4 sections\t12 items\t${join(ARCHIVE, '2019/issue-180.markdown')}\t1 paragraph of text between the items in "Jobs" not kept\t`
      + '1 paragraph of text between the items in "Package of the week" not kept\t1 paragraph of text between the items in "Call for participation" not kept\n',
      '1 issue, 12 items in 4 sections; 1 issue has text that is not kept (from 2 files; dry run, nothing written)'],
    ['an unknown --format', ['import', ARCHIVE, '--format', 'pdf', '--out', join(directory, 'z.json')], 2, '', 'unknown --format "pdf"'],
    ['a featured lookup in a file that is not a backup', ['featured', join(notAnIssue, 'README.md'), 'https://example.com'], 1, '', 'not valid JSON'],
    ['a featured lookup of something that is not a URL', ['featured', backupPath, 'example.com/x'], 2, '', 'not an absolute URL: "example.com/x"'],
  ])('%s', SPAWN, async (_name, args, code, stdout, fragment) => {
    const run = await runCli(args);
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code, stdout });
    expect(run.stderr).toMatch(/^roundup (import|featured): [^\n]+\n$/);
    expect(run.stderr).toContain(fragment);
  });
});
