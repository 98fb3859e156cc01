/**
 * Capture benchmark over the shared corpus: Roundup's extractor against Readability (its title
 * and excerpt) and a plain meta-tag baseline. Each system gets a freshly parsed document per page
 * (Readability rewrites the one it is given); only the extraction is timed, never the parse.
 * Systems run one after the other on each page, so load on the machine hits them alike.
 *
 * Summary agreement is printed twice: against every expected excerpt, and without the expected values
 * listed as wrong in WRONG_EXPECTED_SUMMARIES (test/unit/corpus.ts). Read the per-corpus lines too: the
 * readability corpus's expected excerpts are Readability's own output, so only the metascraper corpus
 * compares the two extractors against ground truth neither produced (defuddle has no excerpts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { extractCapture } from '../src/capture/extract.ts';
import { indexElements } from '../src/capture/element-index.ts';
import { findLeadParagraph } from '../src/capture/lead-paragraph.ts';
import { parseHtmlDocument } from '../src/capture/node-document.ts';
import { readabilityLead } from '../src/capture/readability-lead.ts';
import {
  type CorpusPage, listCorpusPages, readPageHtml, titlesAgree, tokenF1, WRONG_EXPECTED_SUMMARIES, WRONG_EXPECTED_TITLES,
} from '../test/unit/corpus.ts';

interface Extracted {
  title: string;
  summary: string;
  /** Which rule produced Roundup's summary (Capture.summarySource). */
  summarySource?: string;
}

interface System {
  name: string;
  extract: (doc: Document, page: CorpusPage) => Extracted;
}

const systems: System[] = [
  {
    name: 'roundup',
    extract: (doc, page) => extractCapture(doc, { url: page.url }),
  },
  {
    // The same extractor without the 300-character cut: separates choosing the summary from the length policy.
    name: 'roundup-uncut',
    extract: (doc, page) => extractCapture(doc, { url: page.url, summaryLength: Number.POSITIVE_INFINITY }),
  },
  {
    name: 'readability',
    extract: (doc) => {
      const article = new Readability(doc).parse();
      return { title: article?.title ?? '', summary: article?.excerpt ?? '' };
    },
  },
  {
    name: 'meta-baseline',
    extract: (doc) => {
      const meta = (selector: string) => doc.querySelector(selector)?.getAttribute('content')?.trim() ?? '';
      return {
        title: meta('meta[property="og:title"]') || (doc.querySelector('title')?.textContent?.trim() ?? ''),
        summary: meta('meta[property="og:description"]') || meta('meta[name="description"]'),
      };
    },
  },
];

interface Score {
  titleAgreed: number;
  titlePages: number;
  titleAgreedExcludingWrong: number;
  titlePagesExcludingWrong: number;
  f1Sum: number;
  summaryPages: number;
  f1SumExcludingWrong: number;
  summaryPagesExcludingWrong: number;
  summaryPresent: number;
  pages: number;
  exceptions: number;
  times: number[];
}

const newScore = (): Score => ({
  titleAgreed: 0, titlePages: 0, titleAgreedExcludingWrong: 0, titlePagesExcludingWrong: 0,
  f1Sum: 0, summaryPages: 0, f1SumExcludingWrong: 0, summaryPagesExcludingWrong: 0, summaryPresent: 0, pages: 0, exceptions: 0, times: [],
});

function record(score: Score, page: CorpusPage, result: Extracted | null, ms: number): void {
  score.pages += 1;
  score.times.push(ms);
  const { title, excerpt } = page.expected;
  if (title) {
    const agreed = result !== null && titlesAgree(result.title, title);
    score.titlePages += 1;
    score.titleAgreed += agreed ? 1 : 0;
    if (!(page.id in WRONG_EXPECTED_TITLES)) {
      score.titlePagesExcludingWrong += 1;
      score.titleAgreedExcludingWrong += agreed ? 1 : 0;
    }
  }
  if (excerpt) {
    const f1 = result ? tokenF1(result.summary, excerpt) : 0;
    score.summaryPages += 1;
    score.f1Sum += f1;
    if (!(page.id in WRONG_EXPECTED_SUMMARIES)) {
      score.summaryPagesExcludingWrong += 1;
      score.f1SumExcludingWrong += f1;
    }
  }
  if (result?.summary.trim()) score.summaryPresent += 1;
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

function timeExtraction(system: System, html: string, page: CorpusPage): { result: Extracted | null; ms: number } {
  const doc = parseHtmlDocument(html, page.url);
  const start = performance.now();
  try {
    const result = system.extract(doc, page);
    return { result, ms: performance.now() - start };
  } catch {
    return { result: null, ms: performance.now() - start };
  }
}

/**
 * Roundup's lead step (cheap paragraph scan, Readability only when the scan finds nothing)
 * against Readability alone, on the pages whose summary came from that step.
 */
function compareLeadFinders(pages: CorpusPage[], htmlOf: (page: CorpusPage) => string) {
  const rows = { scan: { f1: 0, times: [] as number[] }, readability: { f1: 0, times: [] as number[] }, pages: 0 };
  for (const page of pages) {
    const html = htmlOf(page);
    const capture = extractCapture(parseHtmlDocument(html, page.url), { url: page.url });
    if (capture.summarySource !== 'readability' || !page.expected.excerpt) continue;
    rows.pages += 1;
    const finders = {
      scan: (doc: Document) => {
        const elements = indexElements(doc);
        return findLeadParagraph(elements.paragraphs) ?? readabilityLead(doc, elements.elementCount);
      },
      readability: (doc: Document) => readabilityLead(doc, 0),
    };
    for (const name of ['scan', 'readability'] as const) {
      const doc = parseHtmlDocument(html, page.url);
      const start = performance.now();
      const lead = finders[name](doc);
      rows[name].times.push(performance.now() - start);
      rows[name].f1 += tokenF1(lead, page.expected.excerpt);
    }
  }
  const summarize = (row: { f1: number; times: number[] }) => ({
    meanF1: rows.pages > 0 ? row.f1 / rows.pages : 0,
    medianMs: percentile([...row.times].sort((a, b) => a - b), 0.5),
  });
  return { pages: rows.pages, scan: summarize(rows.scan), readability: summarize(rows.readability) };
}

export async function run(): Promise<void> {
  const pages = listCorpusPages();
  const htmlCache = new Map<string, string>();
  const htmlOf = (page: CorpusPage) => {
    let html = htmlCache.get(page.id);
    if (html === undefined) {
      html = readPageHtml(page);
      htmlCache.set(page.id, html);
    }
    return html;
  };

  // Warm-up: let the JIT compile every system's hot paths before anything is timed.
  for (const page of pages.slice(0, 40)) for (const system of systems) timeExtraction(system, htmlOf(page), page);

  const scores = new Map(systems.map((system) => [system.name, newScore()]));
  const corpusScores = new Map<string, Score>();
  const corpusScore = (system: string, corpus: string) => {
    const key = `${system}\u0000${corpus}`;
    let score = corpusScores.get(key);
    if (!score) corpusScores.set(key, score = newScore());
    return score;
  };
  // Roundup's summary agreement by corpus and by the rule that produced the summary: where it gains and loses.
  const bySummarySource: Record<string, Record<string, { pages: number; summaryF1: number }>> = {};
  for (const page of pages) {
    const html = htmlOf(page);
    for (const system of systems) {
      const { result, ms } = timeExtraction(system, html, page);
      const score = scores.get(system.name) ?? newScore();
      if (result === null) score.exceptions += 1;
      record(score, page, result, ms);
      record(corpusScore(system.name, page.corpus), page, result, ms);
      if (system.name === 'roundup' && page.expected.excerpt) {
        const row = ((bySummarySource[page.corpus] ??= {})[result?.summarySource ?? 'exception'] ??= { pages: 0, summaryF1: 0 });
        row.pages += 1;
        row.summaryF1 += result ? tokenF1(result.summary, page.expected.excerpt) : 0;
      }
    }
  }
  for (const rows of Object.values(bySummarySource)) for (const row of Object.values(rows)) row.summaryF1 /= row.pages;

  const results = Object.fromEntries([...scores].map(([name, score]) => {
    const sorted = [...score.times].sort((a, b) => a - b);
    return [name, {
      titleAgreement: score.titleAgreed / score.titlePages,
      titlePages: score.titlePages,
      titleAgreementExcludingWrongExpected: score.titleAgreedExcludingWrong / score.titlePagesExcludingWrong,
      titlePagesExcludingWrongExpected: score.titlePagesExcludingWrong,
      summaryF1: score.f1Sum / score.summaryPages,
      summaryPages: score.summaryPages,
      summaryF1ExcludingWrongExpected: score.f1SumExcludingWrong / score.summaryPagesExcludingWrong,
      summaryPagesExcludingWrongExpected: score.summaryPagesExcludingWrong,
      summaryPresent: score.summaryPresent / score.pages,
      pages: score.pages,
      medianMs: percentile(sorted, 0.5),
      p95Ms: percentile(sorted, 0.95),
      exceptions: score.exceptions,
    }];
  }));
  const byCorpus: Record<string, Record<string, {
    titleAgreementExcludingWrongExpected: number; summaryF1: number | null; summaryF1ExcludingWrongExpected: number | null; summaryPresent: number;
  }>> = {};
  for (const [key, score] of corpusScores) {
    const [system = '', corpus = ''] = key.split('\u0000');
    (byCorpus[corpus] ??= {})[system] = {
      titleAgreementExcludingWrongExpected: score.titleAgreedExcludingWrong / score.titlePagesExcludingWrong,
      summaryF1: score.summaryPages > 0 ? score.f1Sum / score.summaryPages : null,
      summaryF1ExcludingWrongExpected: score.summaryPagesExcludingWrong > 0 ? score.f1SumExcludingWrong / score.summaryPagesExcludingWrong : null,
      summaryPresent: score.summaryPresent / score.pages,
    };
  }
  const ratio = (results['roundup']?.medianMs ?? 0) / (results['readability']?.medianMs ?? 1);
  const leadFinders = compareLeadFinders(pages, htmlOf);
  const report = {
    date: new Date().toISOString(), node: process.version, pages: pages.length, systems: results, byCorpus,
    roundupSummaryBySource: bySummarySource, medianTimeRatioRoundupOverReadability: ratio, leadFinders,
  };

  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/capture.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
  printTable(report.pages, results, ratio, leadFinders);
  for (const [corpus, systemsInCorpus] of Object.entries(byCorpus)) {
    const cells = Object.entries(systemsInCorpus).map(([system, r]) => `${system} title ${(r.titleAgreementExcludingWrongExpected * 100).toFixed(1)}%`
      + `${r.summaryF1 === null ? '' : ` F1 ${r.summaryF1.toFixed(3)} (excl. wrong ${r.summaryF1ExcludingWrongExpected?.toFixed(3)})`} present ${(r.summaryPresent * 100).toFixed(1)}%`);
    console.log(`  ${corpus}: ${cells.join('; ')}`);
  }
  for (const [corpus, rows] of Object.entries(bySummarySource)) {
    const cells = Object.entries(rows).sort(([, a], [, b]) => b.pages - a.pages)
      .map(([source, row]) => `${source} ${row.pages} pages F1 ${row.summaryF1.toFixed(3)}`);
    console.log(`  roundup summary by source, ${corpus}: ${cells.join('; ')}`);
  }
}

type Results = Record<string, { titleAgreement: number; titleAgreementExcludingWrongExpected: number; titlePages: number; titlePagesExcludingWrongExpected: number; summaryF1: number; summaryPages: number; summaryF1ExcludingWrongExpected: number; summaryPagesExcludingWrongExpected: number; summaryPresent: number; medianMs: number; p95Ms: number; exceptions: number }>;

function printTable(pages: number, results: Results, ratio: number, lead: ReturnType<typeof compareLeadFinders>): void {
  const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
  const first = Object.values(results)[0];
  const header = ['system', `title (${first?.titlePages ?? 0})`, `title excl. wrong (${first?.titlePagesExcludingWrongExpected ?? 0})`,
    `summary F1 (${first?.summaryPages ?? 0})`, `F1 excl. wrong (${first?.summaryPagesExcludingWrongExpected ?? 0})`, 'summary present', 'median ms', 'p95 ms', 'exceptions'];
  const rows = Object.entries(results).map(([name, r]) => [
    name, pct(r.titleAgreement), pct(r.titleAgreementExcludingWrongExpected), r.summaryF1.toFixed(3), r.summaryF1ExcludingWrongExpected.toFixed(3),
    pct(r.summaryPresent), r.medianMs.toFixed(2), r.p95Ms.toFixed(2), String(r.exceptions),
  ]);
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  console.log(`capture benchmark: ${pages} pages`);
  console.log(line(header));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
  console.log(`median extraction time, roundup / readability: ${ratio.toFixed(3)}`);
  console.log(`lead paragraph on the ${lead.pages} pages that need one: scan+fallback F1 ${lead.scan.meanF1.toFixed(3)} in ${lead.scan.medianMs.toFixed(2)} ms median, `
    + `readability alone F1 ${lead.readability.meanF1.toFixed(3)} in ${lead.readability.medianMs.toFixed(2)} ms median`);
}
