/**
 * `npm run bench -- sync`: what the sync area holds and what a burst of edits costs.
 * 1. Capacity: how many seed-like items (title, two-sentence summary, URL, site) fit in the 102,400-byte
 *    area with Roundup's encoding (column layout, deflate-raw, base64), against the issue's plain JSON and
 *    its deflated JSON (src/sync/capacity.ts; text drawn from the seed issue 206).
 * 2. Writes: the real mirror (src/sync/mirror.ts) over the real IndexedDB store (fake-indexeddb) and an
 *    in-memory area that counts `set`/`remove` calls as Chrome does (each call is one write against the
 *    120-a-minute and 1,800-an-hour limits), on a fake clock; 50 edits at several typing speeds, against
 *    the baseline of one write per edit.
 * 3. The featured keys of 52 seed-like published issues (20 links each): their share of the area.
 * 4. The floor: the text alone of 1,000 seed-like items (title, summary, URL, site; no ids, clocks or layout)
 *    compressed by deflate-raw at level 9 and by brotli at quality 11, against the area's 102,400 bytes.
 * 5. What keeping the mirror's memory in IndexedDB costs: the typing burst's wall time with the
 *    memory saved after every run, against the same burst with the memory kept in the mirror only.
 * Targets: at least 1,000 items fit; a burst of 50 edits costs at most 3 writes.
 */
import 'fake-indexeddb/auto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants as zlibConstants, deflateRawSync } from 'node:zlib';
import { createClock, tickHlc, type ClockState } from '../src/core/hlc.ts';
import { addItem, createIssue, updateItem } from '../src/core/issue-ops.ts';
import { latestClockOf } from '../src/core/merge.ts';
import type { Hlc, Issue } from '../src/core/model.ts';
import { parsePortableFile } from '../src/core/portable.ts';
import { draftKey, encodeDraft, encodeRecord, SYNC_QUOTA } from '../src/core/sync-codec.ts';
import { putIssue, updateIssue } from '../src/storage/issues-repo.ts';
import { openTestDb } from '../src/storage/open-test-db.ts';
import { createSyncIssueStore } from '../src/sync/idb/issue-store.ts';
import { measureFeaturedKeys, measureSyncCapacity, seedLikeItemText, type SyncCapacity } from '../src/sync/capacity.ts';
import { ManualScheduler } from '../src/sync/manual-scheduler.ts';
import { MemorySyncArea } from '../src/sync/memory-sync-area.ts';
import { createMirrorMemoryRepo } from '../src/sync/idb/mirror-memory-repo.ts';
import { SyncMirror } from '../src/sync/mirror.ts';

const SEED = new URL('../../shared/seed/deep-learning-weekly-206.txt', import.meta.url);
const SEED_ISSUE = new URL('../test/fixtures/issue-206.json', import.meta.url);
const EDITS = 50;
const START = Date.UTC(2026, 10, 20, 9);

interface BurstResult {
  case: string;
  gapMs: number;
  edits: number;
  writes: number;
  setCalls: number;
  removeCalls: number;
  /** Writes against one write per edit. */
  ratio: number;
  /** Wall time of the edits and runs (compression, IndexedDB), in ms. */
  wallMs: number;
}

/** One draft of 30 items, edited 50 times (summaries, as an editor polishes them) `gapMs` apart. */
async function measureBurst(name: string, gapMs: number, keepMemory = true): Promise<BurstResult> {
  const time = new ManualScheduler(START);
  const area = new MemorySyncArea(time.now);
  const db = await openTestDb();
  let clock: ClockState = createClock('benchdevice');
  const tick = (): Hlc => {
    const next = tickHlc(clock, time.now());
    clock = next.state;
    return next.hlc;
  };
  let issue: Issue = createIssue({ id: 'draft-1', number: 1, title: 'Issue #1', sectionNames: ['News'], intro: '', outro: '',
    createdAt: new Date(START).toISOString(), at: tick(), makeId: () => 'section-1' });
  for (let index = 0; index < 30; index++) {
    issue = addItem(issue, { id: `item-${index}`, url: `https://example.org/story-${index}`, canonicalUrl: null, title: `Story ${index}`,
      summary: 'What happened, in two sentences. And why it matters.', note: '', site: 'example.org', authors: [], publishedAt: null,
      image: null, kind: 'article', capturedAt: new Date(START).toISOString() }, { sectionId: 'section-1', at: tick() });
  }
  await putIssue(db, issue);
  const store = createSyncIssueStore({ db: async () => db, now: time.now, choices: async () => new Map() });
  const mirror = new SyncMirror({ area, store, scheduler: time, now: time.now, ...(keepMemory ? { memory: createMirrorMemoryRepo(async () => db) } : {}) });
  const startedAt = performance.now();
  mirror.start();
  await time.advance(60_000);
  await mirror.whenIdle();
  const before = { ...area.calls };
  for (let edit = 0; edit < EDITS; edit++) {
    await updateIssue(db, 'draft-1', (current) => updateItem(current, `item-${edit % 30}`, { summary: `Polished summary, take ${edit}.` }, tick()));
    mirror.markDirty();
    await time.advance(gapMs);
    await mirror.whenIdle();
  }
  await time.advance(60_000);
  await mirror.whenIdle();
  const wallMs = performance.now() - startedAt;
  db.close();
  const setCalls = area.calls.set - before.set;
  const removeCalls = area.calls.remove - before.remove;
  return { case: name, gapMs, edits: EDITS, writes: setCalls + removeCalls, setCalls, removeCalls, ratio: (setCalls + removeCalls) / EDITS, wallMs };
}

/** Median wall time of the 2.5 s burst (the most runs) with the memory in IndexedDB and without, taken in turns. */
async function measureMemoryCost(rounds = 7) {
  const kept: number[] = [];
  const bare: number[] = [];
  for (let round = 0; round < rounds; round++) {
    kept.push((await measureBurst('memory kept', 2_500, true)).wallMs);
    bare.push((await measureBurst('memory in the mirror only', 2_500, false)).wallMs);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  return { rounds, keptMs: median(kept), bareMs: median(bare), ratio: median(kept) / median(bare) };
}

/** The real issue 206 (20 items with their full summaries): area bytes per item, and how many such items would fit. */
async function measureSeedIssue() {
  const parsed = parsePortableFile(readFileSync(SEED_ISSUE, 'utf8'));
  if (!parsed.ok || parsed.file.kind !== 'issue') throw new Error(`cannot read ${SEED_ISSUE.pathname}`);
  const { issue } = parsed.file;
  const perItem = (bytes: number) => bytes / issue.items.length;
  const compact = (await encodeDraft(issue)).bytes;
  const deflatedJson = (await encodeRecord(draftKey(issue.id), issue, latestClockOf(issue))).bytes;
  const plainJson = new TextEncoder().encode(JSON.stringify(issue)).length;
  return Object.fromEntries(Object.entries({ compact, deflatedJson, plainJson }).map(([name, bytes]) => [name, {
    bytes, bytesPerItem: Math.round(perItem(bytes)), itemsThatWouldFit: Math.floor(SYNC_QUOTA.totalBytes / perItem(bytes)),
  }]));
}

/** What 1,000 items' text alone takes compressed: no encoding of the items can take less than this. */
function measureTextFloor(sampleText: string | undefined) {
  const text = Buffer.from(seedLikeItemText(1_000, sampleText));
  const brotli = brotliCompressSync(text, { params: {
    [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: text.length } });
  return { items: 1_000, rawBytes: text.length, deflateRaw9Bytes: deflateRawSync(text, { level: 9 }).length, brotli11Bytes: brotli.length };
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  console.log(line(header));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
}

function capacityRows(capacity: SyncCapacity): string[][] {
  const plain = capacity.plainJson.items;
  return ([['Roundup (columns + deflate-raw + base64)', capacity.compact], ['JSON + deflate-raw + base64', capacity.deflatedJson],
    ['plain JSON (baseline)', capacity.plainJson]] as const).map(([name, result]) => [
    name, `${capacity.itemsPerDraft}`, result.items.toLocaleString('en'), String(result.bytesPerItem), (result.items / plain).toFixed(2),
  ]);
}

export async function run(): Promise<void> {
  const sampleText = existsSync(SEED) ? readFileSync(SEED, 'utf8') : undefined;
  const capacities = [await measureSyncCapacity({ itemsPerDraft: 30, sampleText }), await measureSyncCapacity({ itemsPerDraft: 100, sampleText })];
  const seedIssue = await measureSeedIssue();
  const featuredKeys = await measureFeaturedKeys({ issues: 52, itemsPerIssue: 20, sampleText });
  const textFloor = measureTextFloor(sampleText);
  const bursts = [
    await measureBurst('typing: 50 edits 100 ms apart', 100),
    await measureBurst('50 edits 1 s apart', 1_000),
    await measureBurst('50 edits 2.5 s apart', 2_500),
  ];
  const memoryCost = await measureMemoryCost();
  const report = {
    date: new Date().toISOString(), node: process.version, sample: sampleText === undefined ? 'built-in' : 'seed issue 206',
    capacity: capacities, seedIssue, featuredKeys, textFloor, bursts, memoryCost,
    targets: {
      itemsThatFit: { target: 1_000, measured: Math.min(...capacities.map((capacity) => capacity.compact.items)) },
      writesForABurstOf50: { target: 3, measured: bursts[0]?.writes ?? null },
    },
  };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/sync.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);

  console.log(`sync benchmark: seed-like items in the 102,400-byte sync area (text from the ${report.sample})`);
  printTable(['encoding', 'items per draft', 'items that fit', 'bytes per item', 'ratio vs plain JSON'], capacities.flatMap(capacityRows));
  const share = (bytes: number) => `${(100 * bytes / SYNC_QUOTA.totalBytes).toFixed(1)}% of the area`;
  console.log(`the text alone of ${textFloor.items.toLocaleString('en')} items (title, summary, URL, site; no ids or clocks): `
    + `${textFloor.rawBytes.toLocaleString('en')} B raw, ${textFloor.deflateRaw9Bytes.toLocaleString('en')} B with deflate-raw -9, `
    + `${textFloor.brotli11Bytes.toLocaleString('en')} B with brotli 11, before base64, against the ${SYNC_QUOTA.totalBytes.toLocaleString('en')}-byte area: `
    + `${textFloor.brotli11Bytes > SYNC_QUOTA.totalBytes ? 'even the bare text, at brotli 11, exceeds the area' : 'the bare text alone would fit'}`);
  console.log(`featured keys of ${featuredKeys.issues} published issues (${featuredKeys.links.toLocaleString('en')} links): `
    + `${featuredKeys.bytes.toLocaleString('en')} B (${share(featuredKeys.bytes)}); with full dedupe keys instead of fingerprints `
    + `${featuredKeys.fullKeyBytes.toLocaleString('en')} B (${share(featuredKeys.fullKeyBytes)})`);
  console.log('\nthe real issue 206 (20 items, full summaries), as one draft');
  printTable(['encoding', 'bytes', 'bytes per item', 'such items that would fit'], Object.entries(seedIssue).map(([name, result]) => [
    name, result.bytes.toLocaleString('en'), String(result.bytesPerItem), result.itemsThatWouldFit.toLocaleString('en')]));
  console.log(`\nstorage.sync writes for ${EDITS} edits of one 30-item draft (real mirror, 3 s debounce, 20 s longest wait)`);
  printTable(['burst', 'writes (set + remove)', 'ratio vs one write per edit'],
    bursts.map((burst) => [burst.case, `${burst.writes} (${burst.setCalls} + ${burst.removeCalls})`, burst.ratio.toFixed(2)]));
  console.log(`the mirror's memory in IndexedDB: the 2.5 s burst takes ${memoryCost.keptMs.toFixed(0)} ms against ${memoryCost.bareMs.toFixed(0)} ms `
    + `with the memory in the mirror only (median of ${memoryCost.rounds}, ratio ${memoryCost.ratio.toFixed(2)})`);
  console.log(`targets: ${report.targets.itemsThatFit.measured.toLocaleString('en')} items fit (target 1,000); `
    + `a burst of 50 edits costs ${report.targets.writesForABurstOf50.measured} writes (target at most 3)`);
}
