/**
 * `npm run bench -- export`: how long exporting a 100-item issue takes through house-style templates,
 * against the renderers they replaced (bench/baseline-export/, the code before house styles), in the
 * same run on the same machine.
 *
 * The issue: the seed issue's 20 items (test/fixtures/issue-206.json, a mix of short summaries and
 * whole paper abstracts) five times over, in five sections, with its intro. Three ways to export it,
 * in each format: the old renderer; the default `heading` preset; an editor's own template (the
 * `quote` layout pasted as a custom template, so it also goes through the output check that custom
 * templates get). Rounds interleave the three, so load on the machine hits them alike; each sample is
 * one export, after a warm-up that parses the templates once, as the editor's live preview would.
 * Target: within 2x of the old renderer.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { renderIssueAsHtml as oldHtml } from './baseline-export/render-html.ts';
import { renderIssueAsMarkdown as oldMarkdown } from './baseline-export/render-markdown.ts';
import { renderIssueAsText as oldText } from './baseline-export/render-text.ts';
import type { ExportFormat } from '../src/core/format-writers.ts';
import { PRESETS } from '../src/core/house-style-presets.ts';
import type { HouseStyle } from '../src/core/house-style.ts';
import type { Issue, Item, Section } from '../src/core/model.ts';
import { parsePortableFile } from '../src/core/portable.ts';
import { renderIssueIn } from '../src/core/render-issue.ts';

const ROUNDS = 60;
const FORMATS: readonly ExportFormat[] = ['md', 'html', 'text'];
const OLD: Readonly<Record<ExportFormat, (issue: Issue) => string>> = { md: oldMarkdown, html: oldHtml, text: oldText };
const CUSTOM: HouseStyle = { preset: 'heading', templates: { ...PRESETS.quote } };

function hundredItemIssue(): Issue {
  const parsed = parsePortableFile(readFileSync(new URL('../test/fixtures/issue-206.json', import.meta.url), 'utf8'));
  if (!parsed.ok || parsed.file.kind !== 'issue') throw new Error('test/fixtures/issue-206.json is not an issue file');
  const seed = parsed.file.issue;
  const sections: Section[] = Array.from({ length: 5 }, (_, index) => ({ id: `s${index}`, name: seed.sections[index]?.name ?? `Section ${index}`, position: `a${index}`, clocks: {} }));
  const items: Item[] = Array.from({ length: 100 }, (_, index) => {
    const source = seed.items[index % seed.items.length] as Item;
    return { ...source, id: `i${index}`, sectionId: `s${Math.floor(index / 20)}`, position: `a${String(index).padStart(3, '0')}`, url: `${source.url}?copy=${index}` };
  });
  return { ...seed, sections, items };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function time(render: () => string): number {
  const start = performance.now();
  render();
  return performance.now() - start;
}

interface FormatResult { format: ExportFormat; oldMs: number; presetMs: number; customMs: number; presetRatio: number; customRatio: number }

export async function run(): Promise<void> {
  const issue = hundredItemIssue();
  const ways = (format: ExportFormat) => ({
    old: () => OLD[format](issue),
    preset: () => renderIssueIn(format, issue),
    custom: () => renderIssueIn(format, issue, { style: CUSTOM }),
  });
  for (const format of FORMATS) for (const render of Object.values(ways(format))) for (let warm = 0; warm < 5; warm++) render();
  const results: FormatResult[] = FORMATS.map((format) => {
    const samples = { old: [] as number[], preset: [] as number[], custom: [] as number[] };
    const { old, preset, custom } = ways(format);
    for (let round = 0; round < ROUNDS; round++) {
      samples.old.push(time(old));
      samples.preset.push(time(preset));
      samples.custom.push(time(custom));
    }
    const [oldMs, presetMs, customMs] = [median(samples.old), median(samples.preset), median(samples.custom)];
    return { format, oldMs, presetMs, customMs, presetRatio: presetMs / oldMs, customRatio: customMs / oldMs };
  });
  const report = { date: new Date().toISOString(), node: process.version, items: issue.items.length, rounds: ROUNDS, target: 'ratio at most 2', results };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/export.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`export of a ${issue.items.length}-item issue, median of ${ROUNDS} exports each (ms), against the renderers before house styles`);
  console.log('format  old     heading  ratio   custom  ratio');
  for (const r of results) {
    console.log(`${r.format.padEnd(7)} ${r.oldMs.toFixed(2).padStart(6)}  ${r.presetMs.toFixed(2).padStart(7)}  ${r.presetRatio.toFixed(2).padStart(5)}x  ${r.customMs.toFixed(2).padStart(6)}  ${r.customRatio.toFixed(2).padStart(5)}x`);
  }
}
