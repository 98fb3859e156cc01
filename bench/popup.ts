/**
 * Popup benchmark: time from opening the popup (the real toolbar action) to the capture shown and "Add to
 * issue" enabled (`performance.mark('roundup:ready')`, measured from the page's own time origin), with 0 and
 * with 1,000 items in the current draft, against an empty extension page opened by the same toolbar action in
 * the same run (its load event). Also the popup's JavaScript size, gzip. Needs `npm run build` first.
 *
 * At an archive's scale (issue 15): the same with the 538 Haskell Weekly issues imported (through the
 * background's `archive/import`, as the editor's "Import past issues" sends them), then with 600 more
 * issues of 50,000 links in all, one of them featuring the captured page. Beside ready, `detailsMs`: to the
 * draft list and "Featured in" shown (`roundup:details`), the part that reads the archive.
 *
 * The empty page is the browser's own popup, opened by the click with no background involved. Roundup's is
 * opened by its background, which reads the page and storage first (src/background/popup/toolbar-click.ts), so
 * `clickToPageMs` shows what that costs before the page starts: from sending the click to the time origin.
 * With no items, Roundup's popup is also timed as the browser opens it itself (the manifest's popup, as
 * before the background first ran, and in Firefox): the page is then read only when the popup asks.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readArchiveFiles } from '../src/archive/archive-files.ts';
import { nodeMarkupParsers } from '../src/archive/node-markup.ts';
import { toPortableIssue } from '../src/core/archive-portable.ts';
import { addItem } from '../src/core/issue-ops.ts';
import { batchBySize } from '../src/core/message-batches.ts';
import type { Issue } from '../src/core/model.ts';
import { liveSections } from '../src/core/live-parts.ts';
import { parseIssue } from '../src/core/schema.ts';
import { launchWithExtension, sendFromPage, type ExtensionBrowser } from '../test/e2e/harness.ts';
import { syntheticArchive } from './archive.ts';
import { servePages } from '../test/e2e/pages.ts';

/** The shipped build, as `npm run bench` makes it (`npm run build`), not the e2e tests' dist-test/. */
const DIST = resolve(import.meta.dirname, '../dist');

const RUNS = 15;
/** Roundup's popup, as manifest.json names it. */
const POPUP_PAGE = 'popup/index.html';
/**
 * How long a page is left alone after the toolbar click before the benchmark attaches to it. Attaching
 * (a second CDP client, test/e2e/harness.ts) opens DevTools sessions on every page, the captured tab
 * included; done while the popup loads, it slowed the popup but not the empty page, which had finished
 * by then. The marks keep their times: they are read afterwards, from the page’s own time origin.
 * `POPUP_BENCH_SETTLE_MS=0` attaches at once, as this benchmark did before.
 */
const SETTLE_MS = Number(process.env.POPUP_BENCH_SETTLE_MS ?? 1500);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The popup's JavaScript, gzip: the scripts Vite wrote into dist/popup/index.html and every chunk they
 * import, statically or dynamically (the views load through a dynamic import once the capture started).
 */
function popupScriptBytes(dist: string): { raw: number; gzip: number; files: string[] } {
  const html = readFileSync(join(dist, 'popup/index.html'), 'utf8');
  // Vite writes root-relative paths (`/assets/…`): they resolve against dist/, not the file system root.
  const pending = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)]
    .map((match) => match[1]!.startsWith('/') ? join(dist, match[1]!) : resolve(join(dist, 'popup'), match[1]!));
  const files = new Set<string>();
  let raw = 0;
  let gzip = 0;
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
    // Chunks name each other as "./name.js"; Vite's preload list for dynamic imports as "assets/name.js".
    for (const [, imported] of bytes.toString('utf8').matchAll(/["'`](\.\/[\w.-]+\.js|assets\/[\w.-]+\.js)["'`]/g)) {
      pending.push(imported!.startsWith('assets/') ? join(dist, imported!) : resolve(dirname(file), imported!));
    }
  }
  return { raw, gzip, files: [...files].map((file) => file.slice(dist.length + 1)).sort() };
}

interface Opening {
  /** From the page's time origin to ready (the popup) or loaded (the empty page). */
  ms: number;
  /** The popup only: from its time origin to the start of the frame that paints the form (`roundup:frame`). */
  frameMs: number;
  /** The popup only: from its time origin to the details (draft list, "Featured in") shown. */
  detailsMs: number;
  /** From the moment the click was sent to the page's time origin: the browser's part, and the background's. */
  startMs: number;
}

async function timeOpen(browser: ExtensionBrowser, tabUrl: string, readyMark: boolean): Promise<Opening> {
  const tab = await browser.context.newPage();
  await tab.goto(tabUrl);
  const clickedAt = await browser.clickToolbarButton(tab);
  await new Promise((done) => setTimeout(done, SETTLE_MS));
  const popup = await browser.waitForPopup(readyMark ? 'popup/index.html' : 'empty.html');
  const { ms, frameMs, detailsMs, origin } = await popup.evaluate(async (useMark) => {
    for (;;) {
      if (useMark) {
        const [mark] = performance.getEntriesByName('roundup:ready');
        const [frame] = performance.getEntriesByName('roundup:frame');
        const [details] = performance.getEntriesByName('roundup:details');
        if (mark && frame && details) return { ms: mark.startTime, frameMs: frame.startTime, detailsMs: details.startTime, origin: performance.timeOrigin };
      } else if (document.readyState === 'complete') {
        const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
        if (navigation && navigation.loadEventEnd > 0) return { ms: navigation.loadEventEnd, frameMs: 0, detailsMs: 0, origin: performance.timeOrigin };
      }
      await new Promise((done) => setTimeout(done, 5));
    }
  }, readyMark);
  await popup.close();
  await tab.close();
  return { ms, frameMs, detailsMs, startMs: origin - clickedAt };
}

/** Past issues, stored as the editor's "Import past issues" stores them: through `archive/import`, in batches. */
async function importArchive(browser: ExtensionBrowser, issues: readonly Issue[]): Promise<void> {
  for (const batch of batchBySize(issues)) {
    // The draft the popup opened holds number 1, so Haskell Weekly's #1 is left alone, as the editor's import would.
    const result = await sendFromPage(browser, 'archive/import', { issues: batch }) as { imported: unknown[]; skipped: Array<{ number: number }> };
    if (result.skipped.some((skip) => skip.number !== 1)) throw new Error(`issues ${result.skipped.map((skip) => skip.number).join(', ')} were not imported`);
  }
}

async function haskellWeekly(): Promise<Issue[]> {
  const root = resolve(import.meta.dirname, '../../shared/archives/haskellweekly');
  const paths = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((path) => /\.(markdown|tsv)$/.test(path)).sort();
  const plan = await readArchiveFiles(paths.map((path) => ({ path, bytes: readFileSync(join(root, path)) })), nodeMarkupParsers);
  return plan.issues.map((issue) => toPortableIssue(issue, '2026-11-01T00:00:00.000Z'));
}

async function setPopup(browser: ExtensionBrowser, popup: string): Promise<void> {
  await browser.inWorker((path) => (globalThis as unknown as { chrome: { action: { setPopup(o: object): Promise<void> } } })
    .chrome.action.setPopup({ popup: path }), popup);
}

/**
 * Puts `count` seed-sized items into the current draft. Built with the core's own edit operations in Node
 * and written straight into IndexedDB: the benchmark measures opening the popup, not filling the draft.
 */
async function fillDraft(browser: ExtensionBrowser, count: number): Promise<void> {
  const stored = (await browser.storedIssues()).find((issue) => (issue as { status?: string }).status === 'draft');
  const parsed = parseIssue(stored);
  if (!parsed.ok) throw new Error(parsed.error);
  let issue = parsed.value;
  const sections = liveSections(issue);
  for (let i = 0; i < count; i++) {
    issue = addItem(issue, {
      id: `bench-${i}`, capturedAt: new Date().toISOString(), url: `https://example.org/posts/${i}`, canonicalUrl: null,
      title: `A seed-like title for item number ${i}`,
      summary: 'Two sentences of summary, about as long as the ones in the seed issue. The second one says why it matters to readers.',
      note: '', site: 'example.org', authors: [], publishedAt: null, image: null, kind: 'article',
    }, { sectionId: sections[i % sections.length]!.id, at: `${Date.now().toString(36).padStart(9, '0')}:0000:bench` });
  }
  await browser.inWorker((record) => new Promise<void>((done, fail) => {
    const request = indexedDB.open('roundup');
    request.onerror = () => fail(request.error);
    request.onsuccess = () => {
      const tx = request.result.transaction('issues', 'readwrite');
      tx.objectStore('issues').put(record);
      tx.oncomplete = () => { request.result.close(); done(); };
      tx.onerror = () => fail(tx.error);
    };
  }), issue);
}

/**
 * `popup`: ready time with 0 items, then with archives of 538 and 1,138 issues, then with 1,000 items as well.
 * `popup-items`: only 0 and 1,000 items in the draft, no archive (the reshaping's check, quicker to repeat).
 */
export async function run(options: { archive?: boolean } = {}): Promise<void> {
  const withArchive = options.archive ?? true;
  // A copy of dist/ with one empty page: the baseline, opened as the popup exactly like the real one.
  const dist = mkdtempSync(join(tmpdir(), 'roundup-bench-dist-'));
  cpSync(DIST, dist, { recursive: true });
  writeFileSync(join(dist, 'empty.html'), '<!doctype html><html lang="en"><meta charset="utf-8"><title>empty</title></html>');
  const pages = await servePages();
  const browser = await launchWithExtension({ dist });
  const article = `${pages.origin}/demo-article`;
  const rows: Array<{ case: string; medianMs: number; ratio: number; frameRatio?: number; clickToPageMs: number; detailsMs?: number; detailsRatio?: number }> = [];
  try {
    const measure = async (withBrowsersOwn = false) => {
      const empty: Opening[] = [];
      const popup: Opening[] = [];
      const own: Opening[] = [];
      for (let i = 0; i < RUNS; i++) {
        // Interleaved, so load on the machine hits all alike. The empty page is the browser's own popup,
        // opened by the click without the background; Roundup's has none set, as its background leaves it
        // once running (src/background/popup/toolbar-click.ts), or else the manifest's.
        await setPopup(browser, 'empty.html');
        empty.push(await timeOpen(browser, article, false));
        await setPopup(browser, '');
        popup.push(await timeOpen(browser, article, true));
        if (withBrowsersOwn) {
          await setPopup(browser, POPUP_PAGE);
          own.push(await timeOpen(browser, article, true));
        }
      }
      await setPopup(browser, '');
      const medians = (runs: Opening[]) => ({ ms: median(runs.map((run) => run.ms)), frameMs: median(runs.map((run) => run.frameMs)),
        detailsMs: median(runs.map((run) => run.detailsMs)), startMs: median(runs.map((run) => run.startMs)) });
      return { empty: medians(empty), popup: medians(popup), own: own.length > 0 ? medians(own) : undefined };
    };
    const zero = await measure(true);
    const links = (issues: readonly Issue[]) => issues.reduce((sum, issue) => sum + issue.items.length, 0).toLocaleString('en');
    const row = (name: string, { ms, frameMs, startMs, detailsMs }: { ms: number; frameMs: number; startMs: number; detailsMs: number }, baseline: number,
      detailsBaseline?: number) =>
      rows.push({ case: name, medianMs: ms, ratio: ms / baseline, clickToPageMs: startMs,
        ...(detailsBaseline === undefined ? {} : { frameRatio: frameMs / baseline, detailsMs, detailsRatio: detailsMs / detailsBaseline }) });
    row('empty extension page', zero.empty, zero.empty.ms);
    row('popup, 0 items, no archive', zero.popup, zero.empty.ms, zero.popup.detailsMs);
    if (zero.own) row('popup opened by the browser itself, 0 items', zero.own, zero.empty.ms, zero.popup.detailsMs);
    if (!withArchive) {
      await fillDraft(browser, 1000);
      const thousand = await measure();
      row('empty extension page (2nd)', thousand.empty, thousand.empty.ms);
      row('popup, 1,000 items, no archive', thousand.popup, thousand.empty.ms, zero.popup.detailsMs);
    } else {
      const haskell = await haskellWeekly();
      await importArchive(browser, haskell);
      const withHaskell = await measure();
      // 600 more issues, 50,000 links in all (numbers after Haskell Weekly's), the last one featuring the captured page.
      const big = syntheticArchive(600, 50_000, 1_001);
      const last = big[big.length - 1]!;
      const canonical = `${pages.origin}/articles/tinyml-tour`;
      last.items[0] = { ...last.items[0]!, url: canonical };
      await importArchive(browser, big);
      const withBig = await measure();
      await fillDraft(browser, 1000);
      const thousand = await measure();
      row('empty extension page (2nd)', withHaskell.empty, withHaskell.empty.ms);
      row(`popup, 0 items, ${haskell.length} Haskell Weekly issues (${links(haskell)} links)`, withHaskell.popup, withHaskell.empty.ms, zero.popup.detailsMs);
      row('empty extension page (3rd)', withBig.empty, withBig.empty.ms);
      row(`popup, 0 items, ${haskell.length + big.length} issues (${links([...haskell, ...big])} links), page featured`, withBig.popup, withBig.empty.ms,
        zero.popup.detailsMs);
      row('empty extension page (4th)', thousand.empty, thousand.empty.ms);
      row('popup, 1,000 items, same archive', thousand.popup, thousand.empty.ms, zero.popup.detailsMs);
    }
  } finally {
    await browser.close();
    await pages.close();
  }
  const size = popupScriptBytes(DIST);
  console.log(`\nPopup ready time (median of ${RUNS}, from the page's time origin)`);
  console.table(rows.map((row) => ({
    ...row, medianMs: Number(row.medianMs.toFixed(1)), ratio: Number(row.ratio.toFixed(2)), clickToPageMs: Number(row.clickToPageMs.toFixed(1)),
    ...(row.frameRatio === undefined ? {} : { frameRatio: Number(row.frameRatio.toFixed(2)) }),
    ...(row.detailsMs === undefined ? {} : { detailsMs: Number(row.detailsMs.toFixed(1)), detailsRatio: Number((row.detailsRatio ?? 0).toFixed(2)) }),
  })));
  console.log('ratio: against the empty page of the same round; detailsRatio: against the popup with no archive.');
  console.log('frameRatio: the popup to the start of the frame that paints its form (where ready was marked before), against the same empty page.');
  console.log('clickToPageMs: from sending the click (CDP) to the page\'s time origin, where medianMs starts.');
  console.log(`Popup JavaScript: ${(size.raw / 1024).toFixed(1)} KB raw, ${(size.gzip / 1024).toFixed(1)} KB gzip (${size.files.join(', ')})`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/${withArchive ? 'popup' : 'popup-items'}.json`, `${JSON.stringify({ runs: RUNS, rows, scriptBytes: size }, null, 2)}\n`);
}

export function runItems(): Promise<void> {
  return run({ archive: false });
}
