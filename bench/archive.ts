/**
 * `npm run bench -- archive`: the archive import and the "featured" answer at an archive's scale.
 * 1. Import of the 538 Haskell Weekly issues (../shared/archives/haskellweekly): in process (read,
 *    plan, portable issues, backup text; files already in memory), and through the real command line
 *    (`roundup import … --out`) against the same command's start-up alone (`roundup import --help`),
 *    measured in the same run.
 *    Then through the extension's editor page (Playwright, /usr/bin/chromium, a fresh profile each run):
 *    "Import past issues" with the archive folder chosen, to the preview shown (read and planned in the
 *    page) and from "Import" to "Imported" (written by the background, featured index included); beside
 *    it the backup of the same issues (the command line's output) through "Import a file", same run.
 * 2. Featured lookups per second, as the popup and `roundup featured` do them (dedupe key, then the
 *    index), with a 600-issue, 50,000-link archive loaded against a one-issue archive: a keyed read
 *    must not slow down with the archive. The issues are passed by id (as the popup now does), and once
 *    as a list, as the popup passed them before (each hit then scans the list). Also the time to build
 *    that index, which the popup did at every opening before it was kept in IndexedDB
 *    (storage/featured-store.ts; the popup's own time with the archive loaded is in bench/popup.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArchiveFiles, type ArchiveFile } from '../src/archive/archive-files.ts';
import { nodeMarkupParsers } from '../src/archive/node-markup.ts';
import { toPortableIssue } from '../src/core/archive-portable.ts';
import { buildFeaturedIndex, dedupeKeysOf, type FeaturedIndex } from '../src/core/featured.ts';
import { findFeaturedEverywhere } from '../src/core/featured-lookup.ts';
import { DEFAULT_SETTINGS, type Issue, type Item } from '../src/core/model.ts';
import { serializeBackup } from '../src/core/portable.ts';
import { positionsForCount } from '../src/core/position.ts';
import { launchWithExtension } from '../test/e2e/harness.ts';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const ARCHIVE = fileURLToPath(new URL('../../shared/archives/haskellweekly/', import.meta.url));
const RESULTS = new URL('./results/', import.meta.url);
const AT = '2026-11-01T00:00:00.000Z';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function archiveFiles(): ArchiveFile[] {
  return readdirSync(ARCHIVE, { recursive: true, encoding: 'utf8' }).filter((path) => /\.(markdown|tsv)$/.test(path)).sort()
    .map((path) => ({ path, bytes: readFileSync(join(ARCHIVE, path)) }));
}

async function measureImport() {
  const files = archiveFiles();
  const runs: number[] = [];
  let counts = { issues: 0, items: 0, backupBytes: 0 };
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    const plan = await readArchiveFiles(files, nodeMarkupParsers);
    const backup = serializeBackup(DEFAULT_SETTINGS, plan.issues.map((issue) => toPortableIssue(issue, AT)), AT);
    runs.push(performance.now() - start);
    counts = { issues: plan.issues.length, items: plan.itemCount, backupBytes: backup.length };
  }
  const out = mkdtempSync(join(tmpdir(), 'roundup-bench-archive-'));
  const cli = (args: string[]) => {
    const start = performance.now();
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`roundup ${args.join(' ')} failed: ${result.stderr}`);
    return performance.now() - start;
  };
  const startUp = median([0, 1, 2].map(() => cli(['import', '--help'])));
  const whole = median([0, 1, 2].map(() => cli(['import', ARCHIVE, '--out', join(out, 'hw.json')])));
  const extension = await measureExtensionImport(join(out, 'hw.json'), counts.issues);
  rmSync(out, { recursive: true, force: true });
  return { files: files.length, ...counts, inProcessMs: median(runs), cliMs: whole, cliStartUpMs: startUp, cliRatioToStartUp: whole / startUp,
    extension };
}

const EXTENSION_RUNS = 3;

/** The editor page's two imports of the same archive, each in a fresh profile: preview time and write time, medians. */
async function measureExtensionImport(backupPath: string, issueCount: number) {
  const archive = { previewMs: [] as number[], applyMs: [] as number[] };
  const backup = { previewMs: [] as number[], applyMs: [] as number[] };
  const label = `Import ${issueCount.toLocaleString('en')} issues`;
  for (let run = 0; run < EXTENSION_RUNS; run++) {
    for (const kind of ['archive', 'backup'] as const) {
      const browser = await launchWithExtension();
      try {
        const editor = await browser.context.newPage();
        await editor.setViewportSize({ width: 1280, height: 900 });
        await editor.goto(`chrome-extension://${browser.extensionId}/editor/index.html`);
        await editor.getByRole('heading', { name: 'No issues yet' }).waitFor();
        const times = kind === 'archive' ? archive : backup;
        await editor.getByText(kind === 'archive' ? 'Import past issues' : 'Import a file', { exact: true }).click();
        let start = performance.now();
        if (kind === 'archive') {
          await editor.getByLabel('Choose a folder').setInputFiles(ARCHIVE);
          await editor.getByRole('button', { name: label }).waitFor({ timeout: 120_000 });
        } else {
          await editor.getByLabel('Import a backup or issue file').setInputFiles(backupPath);
          await editor.getByRole('button', { name: 'Import', exact: true }).waitFor({ timeout: 120_000 });
        }
        times.previewMs.push(performance.now() - start);
        start = performance.now();
        if (kind === 'archive') {
          await editor.getByRole('button', { name: label }).click();
          await editor.getByText(`Imported ${issueCount.toLocaleString('en')} past issues`).waitFor({ timeout: 120_000 });
        } else {
          await editor.getByRole('button', { name: 'Import', exact: true }).click();
          await editor.getByText(/^Imported “/).waitFor({ timeout: 120_000 });
        }
        times.applyMs.push(performance.now() - start);
        const stored = (await browser.storedIssues()).length;
        if (stored !== issueCount) throw new Error(`the ${kind} import stored ${stored} issues, not ${issueCount}`);
      } finally {
        await browser.close();
      }
    }
  }
  const medians = (times: { previewMs: number[]; applyMs: number[] }) => ({ previewMs: median(times.previewMs), applyMs: median(times.applyMs) });
  return { runs: EXTENSION_RUNS, archive: medians(archive), backup: medians(backup) };
}

/** `issueCount` published issues holding `linkCount` links in all, spread over four sections, on 2,000 sites. */
export function syntheticArchive(issueCount: number, linkCount: number, firstNumber = 1): Issue[] {
  const sectionNames = ['Featured', 'In brief', 'Jobs', 'Call for participation'];
  const issues: Issue[] = [];
  let link = 0;
  for (let nth = 1; nth <= issueCount && link < linkCount; nth++) {
    const number = firstNumber + nth - 1;
    const id = `archive-${number}`;
    const sectionPositions = positionsForCount(sectionNames.length);
    const sections = sectionNames.map((name, index) => ({ id: `${id}-s${index}`, name, position: sectionPositions[index] ?? 'a0', clocks: {} }));
    const count = Math.round((linkCount * nth) / issueCount) - link;
    const positions = positionsForCount(count);
    const items: Item[] = Array.from({ length: count }, (_, index): Item => {
      link += 1;
      return { id: `${id}-i${index}`, sectionId: sections[index % sections.length]?.id ?? '', position: positions[index] ?? 'a0',
        url: `https://www.site-${link % 2_000}.example/posts/${link}/?utm_source=hw`, canonicalUrl: null, title: `Link ${link}`,
        summary: 'A summary.', note: '', site: '', authors: [], publishedAt: null, image: null, kind: 'article', capturedAt: AT, clocks: {} };
    });
    issues.push({ id, number, title: `Issue #${number}`, tagline: '', intro: '', outro: '', status: 'published', createdAt: AT,
      publishedAt: AT, sections, items, clocks: {} });
  }
  return issues;
}

/** Featured pages, written as another address of the page (http, no www., a doubled slash, a fragment). */
function featuredPages(issues: readonly Issue[], count: number): string[] {
  const urls = issues.flatMap((issue) => issue.items.map((item) => item.url));
  return Array.from({ length: count }, (_, index) => {
    const url = new URL(urls[(index * 7_919) % urls.length] ?? '');
    return `http://${url.hostname.replace(/^www\./, '')}/${url.pathname}#comments`;
  });
}

function neverFeaturedPages(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `https://site-${index % 2_000}.example/new/${index}`);
}

interface LookupCase {
  index: FeaturedIndex;
  issues: readonly Issue[] | ReadonlyMap<string, Issue>;
  pages: readonly string[];
}

/** Lookups per second of each case, in rounds that take every case in turn, so a busy machine slows all alike. */
function lookupsPerSecond<K extends string>(cases: Record<K, LookupCase>): Record<K, { perSecond: number; hits: number }> {
  const names = Object.keys(cases) as K[];
  const rounds = new Map<K, number[]>(names.map((name) => [name, []]));
  const hits = new Map<K, number>();
  for (let round = 0; round < 7; round++) {
    for (const name of names) {
      const { index, issues, pages } = cases[name];
      let found = 0;
      const start = performance.now();
      for (const page of pages) found += findFeaturedEverywhere({ index, issues, synced: [], dedupeKeys: dedupeKeysOf(page, null) }).length;
      rounds.get(name)?.push(pages.length / ((performance.now() - start) / 1_000));
      hits.set(name, found);
    }
  }
  return Object.fromEntries(names.map((name) => [name, { perSecond: median(rounds.get(name) ?? []), hits: hits.get(name) ?? 0 }])) as Record<K, { perSecond: number; hits: number }>;
}

function measureLookups() {
  const archive = syntheticArchive(600, 50_000);
  const one = archive.slice(0, 1);
  const byId = (issues: Issue[]) => new Map(issues.map((issue) => [issue.id, issue]));
  const buildMs = (issues: Issue[]) => median([0, 1, 2].map(() => {
    const start = performance.now();
    buildFeaturedIndex(issues);
    return performance.now() - start;
  }));
  const [archiveIndex, oneIndex] = [buildFeaturedIndex(archive), buildFeaturedIndex(one)];
  const misses = neverFeaturedPages(10_000);
  const rows = lookupsPerSecond({
    hits: { index: archiveIndex, issues: byId(archive), pages: featuredPages(archive, 10_000) },
    hitsAsList: { index: archiveIndex, issues: archive, pages: featuredPages(archive, 10_000) },
    misses: { index: archiveIndex, issues: byId(archive), pages: misses },
    baselineHits: { index: oneIndex, issues: byId(one), pages: featuredPages(one, 10_000) },
    baselineMisses: { index: oneIndex, issues: byId(one), pages: misses },
  });
  if (rows.hits.hits !== 10_000 || rows.baselineHits.hits !== 10_000 || rows.misses.hits !== 0) throw new Error('the lookups did not find what they should');
  const perSecond = Object.fromEntries(Object.entries(rows).map(([name, row]) => [name, Math.round(row.perSecond)])) as Record<keyof typeof rows, number>;
  return {
    issues: archive.length, links: archive.reduce((sum, issue) => sum + issue.items.length, 0), lookupsPerRow: 10_000, perSecond,
    hitRatioToBaseline: rows.hits.perSecond / rows.baselineHits.perSecond, missRatioToBaseline: rows.misses.perSecond / rows.baselineMisses.perSecond,
    hitAsListRatioToBaseline: rows.hitsAsList.perSecond / rows.baselineHits.perSecond,
    indexBuildMs: buildMs(archive), baselineIndexBuildMs: buildMs(one),
  };
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  console.log([line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n'));
}

export async function run(): Promise<void> {
  const importResult = await measureImport();
  const lookups = measureLookups();
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  console.log(`\narchive: import of ${importResult.issues} Haskell Weekly issues (${importResult.items.toLocaleString('en')} items, ${importResult.files} files)`);
  printTable(['measure', 'time', 'against'], [
    ['in process: read, plan, backup text (median of 5)', ms(importResult.inProcessMs), ''],
    ['roundup import … --out (median of 3)', ms(importResult.cliMs), `${importResult.cliRatioToStartUp.toFixed(2)}× the command's start-up`],
    ['roundup import --help: start-up alone (baseline)', ms(importResult.cliStartUpMs), '1.00×'],
  ]);
  const { extension } = importResult;
  const toInProcess = (value: number) => `${(value / importResult.inProcessMs).toFixed(2)}× in process`;
  console.log(`\narchive: the same import in the extension's editor page (median of ${extension.runs}, fresh profile each)`);
  printTable(['measure', 'time', 'against'], [
    ['Import past issues: folder chosen → preview shown', ms(extension.archive.previewMs), toInProcess(extension.archive.previewMs)],
    ['Import past issues: "Import" → "Imported"', ms(extension.archive.applyMs), ''],
    ['Import a file (the CLI\'s backup): chosen → preview', ms(extension.backup.previewMs), toInProcess(extension.backup.previewMs)],
    ['Import a file (the CLI\'s backup): "Import" → "Imported"', ms(extension.backup.applyMs), ''],
  ]);
  console.log(`\narchive: featured lookups per second (${lookups.lookupsPerRow.toLocaleString('en')} pages a row; featured ones as another address of the page)`);
  const n = (value: number) => value.toLocaleString('en');
  const archiveName = `${lookups.issues} issues, ${n(lookups.links)} links`;
  printTable(['archive', 'pages', 'lookups/s', 'ratio to 1 issue'], [
    [archiveName, 'featured', n(lookups.perSecond.hits), `${lookups.hitRatioToBaseline.toFixed(2)}×`],
    [archiveName, 'never featured', n(lookups.perSecond.misses), `${lookups.missRatioToBaseline.toFixed(2)}×`],
    [`${archiveName}, issues as a list (the popup before)`, 'featured', n(lookups.perSecond.hitsAsList), `${lookups.hitAsListRatioToBaseline.toFixed(2)}×`],
    ['1 issue (baseline)', 'featured', n(lookups.perSecond.baselineHits), '1.00×'],
    ['1 issue (baseline)', 'never featured', n(lookups.perSecond.baselineMisses), '1.00×'],
  ]);
  console.log(`index build (the popup did it at every opening before it was stored): ${ms(lookups.indexBuildMs)} for ${archiveName}, ${lookups.baselineIndexBuildMs.toFixed(2)} ms for 1 issue`);
  if (!existsSync(RESULTS)) mkdirSync(RESULTS, { recursive: true });
  writeFileSync(new URL('archive.json', RESULTS), `${JSON.stringify({ import: importResult, lookups }, null, 2)}\n`);
}
