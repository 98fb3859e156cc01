/**
 * The exports of the seed issue (shared/seed/deep-learning-weekly-206.txt, rebuilt in
 * test/fixtures/issue-206.json) in every preset must reproduce the reviewed golden files byte for
 * byte: `issue-206.{md,html,txt}` for the default `heading` preset, `issue-206.PRESET.{md,html,txt}`
 * for the others (the `digest` preset shares the `heading` Markdown and HTML).
 *
 * After an intended renderer change: `UPDATE_GOLDENS=1 npx vitest run --project unit test/unit/goldens.test.ts`,
 * then read the diff of the golden files (and look at the HTML in a browser) before committing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRESET_NAMES } from '../../src/core/house-style.ts';
import type { PresetName } from '../../src/core/house-style.ts';
import type { Issue } from '../../src/core/model.ts';
import { parsePortableFile } from '../../src/core/portable.ts';
import { renderIssueAsHtml } from '../../src/core/render-html.ts';
import { renderIssueAsMarkdown } from '../../src/core/render-markdown.ts';
import { renderIssueAsText } from '../../src/core/render-text.ts';
import type { ExportOptions } from '../../src/core/render-issue.ts';

const fixture = (name: string): URL => new URL(`../fixtures/${name}`, import.meta.url);

function loadIssue206(): Issue {
  const parsed = parsePortableFile(readFileSync(fixture('issue-206.json'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  if (parsed.file.kind !== 'issue') throw new Error('issue-206.json is not an issue file');
  return parsed.file.issue;
}

const issue = loadIssue206();
const FORMATS = [
  { extension: 'md', render: renderIssueAsMarkdown },
  { extension: 'html', render: renderIssueAsHtml },
  { extension: 'txt', render: renderIssueAsText },
] as const;

const goldenName = (preset: PresetName, extension: string): string => (preset === 'heading' ? `issue-206.${extension}` : `issue-206.${preset}.${extension}`);
const SHARED_WITH_HEADING: ReadonlySet<string> = new Set(['digest.md', 'digest.html']);

const cases = PRESET_NAMES.flatMap((preset) => FORMATS.map((format) => ({ ...format, preset, golden: goldenName(preset, format.extension) })));
const style = (preset: PresetName): ExportOptions => ({ style: { preset, templates: {} } });

describe('golden exports of issue 206', () => {
  it.each(cases.filter(({ preset, extension }) => !SHARED_WITH_HEADING.has(`${preset}.${extension}`)))('$golden is reproduced byte for byte', ({ golden, render, preset }) => {
    const output = render(issue, style(preset));
    if (process.env['UPDATE_GOLDENS'] === '1') writeFileSync(fixture(golden), output);
    expect(output).toBe(readFileSync(fixture(golden), 'utf8'));
  });

  it.each(cases.filter(({ preset, extension }) => SHARED_WITH_HEADING.has(`${preset}.${extension}`)))('$preset .$extension is the heading one', ({ render, preset }) => {
    expect(render(issue, style(preset))).toBe(render(issue, style('heading')));
  });

  it('the default is the heading preset', () => {
    for (const { render } of FORMATS) expect(render(issue)).toBe(render(issue, style('heading')));
  });

  it.each(cases)('$golden ends with exactly one newline and keeps every private note out', ({ render, preset }) => {
    const output = render(issue, style(preset));
    expect(output).toMatch(/[^\n]\n$/);
    const notes = issue.items.map((item) => item.note).filter((note) => note !== '');
    expect(notes.length).toBeGreaterThanOrEqual(2);
    for (const note of notes) expect(output).not.toContain(note.slice(0, 20));
  });
});
