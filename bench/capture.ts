/**
 * Capture benchmark over every page of the shared corpus (../shared/corpus/*): Roundup's extractor
 * beside Readability, Defuddle, metascraper and a plain meta-tag baseline, in one run. Per corpus and
 * overall: title agreement (raw, and without the expected titles that the rules in
 * test/unit/expected-exclusions.ts exclude), summary present and token F1 (raw and excluded), byline
 * agreement, date agreement (same day), median and p95 ms, exceptions. Then Roundup's targets, and for
 * each target not met the classes of misses that remain, with counts.
 *
 * Each system gets a freshly parsed document per page (Readability and Defuddle rewrite the one they
 * are given); only the extraction is timed, never the parse, except for metascraper, which takes HTML
 * and parses it itself (cheerio): its times include that parse. Systems run one after the other on
 * each page, so load on the machine hits them alike. Pages are decoded by their declared charset
 * (src/cli/decode-html.ts), as a browser would.
 *
 * `ROUNDUP_BASELINE=/path/to/checkout` adds that checkout's extractor as "roundup@base", so a change
 * is measured against its base in the same run; `CAPTURE_BENCH_SYSTEMS=roundup,roundup@base,readability`
 * runs only the systems named.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Readability } from '@mozilla/readability';
import { DefuddleClass } from 'defuddle/node';
import createMetascraper from 'metascraper';
import metascraperAuthor from 'metascraper-author';
import metascraperDate from 'metascraper-date';
import metascraperDescription from 'metascraper-description';
import metascraperPublisher from 'metascraper-publisher';
import metascraperTitle from 'metascraper-title';
import { extractCapture } from '../src/capture/extract.ts';
import { parseHtmlDocument } from '../src/capture/node-document.ts';
import {
  bylinesAgree, CORPORA, type CorpusPage, datesAgree, listCorpusPages, readPageHtml, titlesAgree, tokenF1,
} from '../test/unit/corpus.ts';
import { excludedBy, readPageFacts, SUMMARY_RULES, TITLE_RULES } from '../test/unit/expected-exclusions.ts';
import { classifyMiss, type MissField } from './capture-misses.ts';

interface Extracted {
  title: string;
  summary: string;
  byline: string;
  date: string;
}

interface System {
  name: string;
  /** metascraper reads HTML, the others a parsed document. */
  extract: (input: { doc: Document; html: string; page: CorpusPage }) => Extracted | Promise<Extracted>;
}

const fromCapture = (capture: ReturnType<typeof extractCapture>): Extracted => ({
  title: capture.title, summary: capture.summary, byline: capture.authors.join(', '), date: capture.publishedAt ?? '',
});

/** Peers' fields as text: some return null, a number or a list where a string is documented. */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(text).join(', ');
  return value === null || value === undefined ? '' : String(value);
}

const scrape = createMetascraper([metascraperTitle(), metascraperDescription(), metascraperAuthor(), metascraperDate(), metascraperPublisher()]);

const systems: System[] = [
  { name: 'roundup', extract: ({ doc, page }) => fromCapture(extractCapture(doc, { url: page.url })) },
  {
    name: 'readability',
    extract: ({ doc }) => {
      const article = new Readability(doc).parse();
      return { title: text(article?.title), summary: text(article?.excerpt), byline: text(article?.byline), date: text(article?.publishedTime) };
    },
  },
  {
    name: 'defuddle',
    extract: ({ doc, page }) => {
      const result = new DefuddleClass(doc, { url: page.url }).parse();
      return { title: text(result.title), summary: text(result.description), byline: text(result.author), date: text(result.published) };
    },
  },
  {
    name: 'metascraper',
    extract: async ({ html, page }) => {
      // The readability corpus's stand-in URL (http://fakehost/…) fails metascraper's URL check; the
      // check only guards against a missing URL, so it is off, and metascraper reads every page.
      const result = await scrape({ html, url: page.url, validateUrl: false });
      return { title: text(result.title), summary: text(result.description), byline: text(result.author), date: text(result.date) };
    },
  },
  {
    name: 'meta-baseline',
    extract: ({ doc }) => {
      const meta = (selector: string) => doc.querySelector(selector)?.getAttribute('content')?.trim() ?? '';
      return {
        title: meta('meta[property="og:title"]') || (doc.querySelector('title')?.textContent?.trim() ?? ''),
        summary: meta('meta[property="og:description"]') || meta('meta[name="description"]'),
        byline: meta('meta[name="author"]'),
        date: meta('meta[property="article:published_time"]'),
      };
    },
  },
];

interface Score {
  pages: number;
  title: Tally;
  titleExcluded: Tally;
  summaryF1: Tally;
  summaryF1Excluded: Tally;
  summaryPresent: number;
  byline: Tally;
  date: Tally;
  exceptions: number;
  times: number[];
}

interface Tally { sum: number; n: number }

const tally = (): Tally => ({ sum: 0, n: 0 });
const add = (t: Tally, value: number) => { t.sum += value; t.n += 1; };
const mean = (t: Tally) => (t.n > 0 ? t.sum / t.n : null);
const newScore = (): Score => ({
  pages: 0, title: tally(), titleExcluded: tally(), summaryF1: tally(), summaryF1Excluded: tally(), summaryPresent: 0,
  byline: tally(), date: tally(), exceptions: 0, times: [],
});

interface Judged {
  page: CorpusPage;
  titleExcludedBy: string | null;
  summaryExcludedBy: string | null;
  descriptions: { og: string; twitter: string; meta: string };
}

function record(score: Score, judged: Judged, result: Extracted | null, ms: number): void {
  const { title, excerpt, byline, publishedTime } = judged.page.expected;
  score.pages += 1;
  score.times.push(ms);
  if (result === null) score.exceptions += 1;
  if (title) {
    const agreed = result !== null && titlesAgree(result.title, title) ? 1 : 0;
    add(score.title, agreed);
    if (!judged.titleExcludedBy) add(score.titleExcluded, agreed);
  }
  if (excerpt) {
    const f1 = result ? tokenF1(result.summary, excerpt) : 0;
    add(score.summaryF1, f1);
    if (!judged.summaryExcludedBy) add(score.summaryF1Excluded, f1);
  }
  if (result?.summary.trim()) score.summaryPresent += 1;
  if (byline) add(score.byline, result && bylinesAgree(result.byline, byline) ? 1 : 0);
  if (publishedTime) add(score.date, result && datesAgree(result.date, publishedTime) ? 1 : 0);
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

async function timeExtraction(system: System, html: string, page: CorpusPage): Promise<{ result: Extracted | null; ms: number }> {
  const doc = parseHtmlDocument(html, page.url);
  // Defuddle logs every page's JSON-LD it cannot parse; the table is what this run prints.
  const { error, warn, log } = console;
  console.error = console.warn = console.log = () => {};
  const start = performance.now();
  try {
    const result = await system.extract({ doc, html, page });
    return { result, ms: performance.now() - start };
  } catch {
    return { result: null, ms: performance.now() - start };
  } finally {
    Object.assign(console, { error, warn, log });
  }
}

async function loadBaseline(): Promise<System | null> {
  const checkout = process.env['ROUNDUP_BASELINE'];
  if (!checkout) return null;
  const module = await import(pathToFileURL(path.resolve(checkout, 'src/capture/extract.ts')).href) as { extractCapture: typeof extractCapture };
  return { name: 'roundup@base', extract: ({ doc, page }) => fromCapture(module.extractCapture(doc, { url: page.url })) };
}

export async function run(): Promise<void> {
  const baseline = await loadBaseline();
  // `CAPTURE_BENCH_SYSTEMS=roundup,readability` runs only those, for a quick timing check on a busy machine.
  const only = process.env['CAPTURE_BENCH_SYSTEMS']?.split(',').map((name) => name.trim()).filter(Boolean);
  const all = (baseline ? [systems[0] as System, baseline, ...systems.slice(1)] : systems)
    .filter((system) => !only || only.includes(system.name));
  const pages = listCorpusPages();
  const judged: Judged[] = pages.map((page) => {
    const html = readPageHtml(page);
    const facts = readPageFacts(parseHtmlDocument(html, page.url), page.url, html);
    const tag = (key: string) => facts.meta.get(key)?.[0] ?? '';
    return {
      page,
      descriptions: { og: tag('og:description'), twitter: tag('twitter:description'), meta: tag('description') },
      titleExcludedBy: page.expected.title ? excludedBy(TITLE_RULES, page.expected.title, facts)?.id ?? null : null,
      summaryExcludedBy: page.expected.excerpt ? excludedBy(SUMMARY_RULES, page.expected.excerpt, facts)?.id ?? null : null,
    };
  });

  // Warm-up: let the JIT compile every system's hot paths before anything is timed.
  for (const page of pages.slice(0, 30)) for (const system of all) await timeExtraction(system, readPageHtml(page), page);

  const scores = new Map<string, Score>();
  const scoreOf = (system: string, corpus: string) => {
    const key = `${system}\u0000${corpus}`;
    let score = scores.get(key);
    if (!score) scores.set(key, score = newScore());
    return score;
  };
  const misses: Record<MissField, Record<string, string[]>> = { title: {}, summary: {}, byline: {}, date: {} };
  for (const entry of judged) {
    const html = readPageHtml(entry.page);
    const results = new Map<string, Extracted | null>();
    for (const system of all) {
      const { result, ms } = await timeExtraction(system, html, entry.page);
      results.set(system.name, result);
      record(scoreOf(system.name, entry.page.corpus), entry, result, ms);
      record(scoreOf(system.name, 'overall'), entry, result, ms);
    }
    const roundup = results.get('roundup') ?? null;
    for (const field of ['title', 'summary', 'byline', 'date'] as const) {
      const miss = classifyMiss(field, entry, roundup, results);
      if (miss) ((misses[field][miss] ??= [])).push(entry.page.id);
    }
  }

  const summarize = (score: Score) => ({
    pages: score.pages,
    title: mean(score.title), titlePages: score.title.n,
    titleExcluded: mean(score.titleExcluded), titlePagesExcluded: score.titleExcluded.n,
    summaryF1: mean(score.summaryF1), summaryPages: score.summaryF1.n,
    summaryF1Excluded: mean(score.summaryF1Excluded), summaryPagesExcluded: score.summaryF1Excluded.n,
    summaryPresent: score.summaryPresent / score.pages,
    byline: mean(score.byline), bylinePages: score.byline.n,
    date: mean(score.date), datePages: score.date.n,
    medianMs: percentile(score.times, 0.5), p95Ms: percentile(score.times, 0.95), exceptions: score.exceptions,
  });
  type Row = ReturnType<typeof summarize>;
  const corpora = [...CORPORA, 'overall'];
  const table: Record<string, Record<string, Row>> = {};
  for (const corpus of corpora) {
    for (const system of all) table[corpus] = { ...table[corpus], [system.name]: summarize(scoreOf(system.name, corpus)) };
  }
  const exclusions = {
    title: countBy(judged.map((entry) => entry.titleExcludedBy)),
    summary: countBy(judged.map((entry) => entry.summaryExcludedBy)),
  };
  const targets = checkTargets(table);
  const report = { date: new Date().toISOString(), node: process.version, pages: pages.length, table, exclusions, targets, misses };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/capture.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);

  console.log(`capture benchmark: ${pages.length} pages (${CORPORA.join(', ')})`);
  for (const corpus of corpora) printTable(corpus, table[corpus] ?? {});
  console.log(`title exclusions by rule: ${format(exclusions.title)}; summary exclusions by rule: ${format(exclusions.summary)}`);
  for (const target of targets) {
    console.log(`target ${target.met ? 'met' : 'NOT met'}: ${target.name}: ${target.detail}`);
    if (!target.met && target.field) {
      const classes = Object.entries(misses[target.field]).sort(([, a], [, b]) => b.length - a.length);
      for (const [kind, ids] of classes) console.log(`    ${String(ids.length).padStart(4)} ${kind} (e.g. ${ids.slice(0, 2).join(', ')})`);
    }
  }
}

function countBy(values: (string | null)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) if (value) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

const format = (counts: Record<string, number>) => Object.entries(counts).map(([key, n]) => `${key} ${n}`).join(', ') || 'none';

interface Target { name: string; met: boolean; detail: string; field: MissField | null }

function checkTargets(table: Record<string, Record<string, { title: number | null; summaryF1: number | null; byline: number | null; exceptions: number; medianMs: number }>>): Target[] {
  const overall = table['overall'] ?? {};
  const roundup = overall['roundup'];
  if (!roundup) return [];
  const peers = ['readability', 'defuddle', 'metascraper', 'meta-baseline'];
  const pct = (value: number | null | undefined) => (value === null || value === undefined ? 'n/a' : `${(value * 100).toFixed(1)}%`);
  const f1Rows = CORPORA.filter((corpus) => table[corpus]?.['roundup']?.summaryF1 !== null).map((corpus) => {
    const rows = table[corpus] ?? {};
    const best = Math.max(...peers.map((peer) => rows[peer]?.summaryF1 ?? 0));
    return { corpus, ours: rows['roundup']?.summaryF1 ?? 0, best };
  });
  const ratio = roundup.medianMs / (overall['readability']?.medianMs ?? Number.POSITIVE_INFINITY);
  return [
    { name: 'raw title agreement >= 90% overall', met: (roundup.title ?? 0) >= 0.9, detail: pct(roundup.title), field: 'title' },
    {
      name: "summary F1 above every peer's on each corpus",
      met: f1Rows.every((row) => row.ours > row.best),
      detail: f1Rows.map((row) => `${row.corpus} ${row.ours.toFixed(3)} vs best peer ${row.best.toFixed(3)}`).join('; '),
      field: 'summary',
    },
    {
      name: "bylines above metascraper's",
      met: overall['metascraper'] !== undefined && (roundup.byline ?? 0) > (overall['metascraper'].byline ?? 0),
      detail: `${pct(roundup.byline)} vs ${pct(overall['metascraper']?.byline)}`,
      field: 'byline',
    },
    { name: '0 exceptions', met: roundup.exceptions === 0, detail: String(roundup.exceptions), field: null },
    { name: "median time <= 0.1x Readability's", met: ratio <= 0.1, detail: `${ratio.toFixed(3)}x`, field: null },
  ];
}

function printTable(corpus: string, rows: Record<string, { pages: number; title: number | null; titlePages: number; titleExcluded: number | null; titlePagesExcluded: number; summaryF1: number | null; summaryPages: number; summaryF1Excluded: number | null; summaryPagesExcluded: number; summaryPresent: number; byline: number | null; bylinePages: number; date: number | null; datePages: number; medianMs: number; p95Ms: number; exceptions: number }>): void {
  const first = Object.values(rows)[0];
  if (!first) return;
  const pct = (value: number | null) => (value === null ? '-' : `${(value * 100).toFixed(1)}%`);
  const f1 = (value: number | null) => (value === null ? '-' : value.toFixed(3));
  const header = ['system', `title (${first.titlePages})`, `excl. (${first.titlePagesExcluded})`, `summary F1 (${first.summaryPages})`,
    `excl. (${first.summaryPagesExcluded})`, 'present', `byline (${first.bylinePages})`, `date (${first.datePages})`, 'median ms', 'p95 ms', 'exceptions'];
  const body = Object.entries(rows).map(([name, r]) => [name, pct(r.title), pct(r.titleExcluded), f1(r.summaryF1), f1(r.summaryF1Excluded),
    pct(r.summaryPresent), pct(r.byline), pct(r.date), r.medianMs.toFixed(2), r.p95Ms.toFixed(2), String(r.exceptions)]);
  const widths = header.map((cell, column) => Math.max(cell.length, ...body.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  console.log(`\n${corpus}: ${first.pages} pages`);
  console.log(line(header));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of body) console.log(line(row));
}
