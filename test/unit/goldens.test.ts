/**
 * The three exports of the seed issue (shared/seed/deep-learning-weekly-206.txt, rebuilt in
 * test/fixtures/issue-206.json) must reproduce the reviewed golden files byte for byte.
 *
 * After an intended renderer change: `UPDATE_GOLDENS=1 npx vitest run --project unit test/unit/goldens.test.ts`,
 * then read the diff of the golden files (and look at the HTML in a browser) before committing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/model.ts';
import { parsePortableFile } from '../../src/core/portable.ts';
import { renderIssueAsHtml } from '../../src/core/render-html.ts';
import { renderIssueAsMarkdown } from '../../src/core/render-markdown.ts';
import { renderIssueAsText } from '../../src/core/render-text.ts';

const fixture = (name: string): URL => new URL(`../fixtures/${name}`, import.meta.url);
const SEED = new URL('../../../shared/seed/deep-learning-weekly-206.txt', import.meta.url);

function loadIssue206(): Issue {
  const parsed = parsePortableFile(readFileSync(fixture('issue-206.json'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  if (parsed.file.kind !== 'issue') throw new Error('issue-206.json is not an issue file');
  return parsed.file.issue;
}

const issue = loadIssue206();
const renderers = [
  { golden: 'issue-206.md', render: renderIssueAsMarkdown },
  { golden: 'issue-206.html', render: renderIssueAsHtml },
  { golden: 'issue-206.txt', render: renderIssueAsText },
];

describe('golden exports of issue 206', () => {
  it.each(renderers)('$golden is reproduced byte for byte', ({ golden, render }) => {
    const output = render(issue);
    if (process.env['UPDATE_GOLDENS'] === '1') writeFileSync(fixture(golden), output);
    expect(output).toBe(readFileSync(fixture(golden), 'utf8'));
  });

  it.each(renderers)('$golden ends with exactly one newline and keeps every private note out', ({ render }) => {
    const output = render(issue);
    expect(output).toMatch(/[^\n]\n$/);
    const notes = issue.items.map((item) => item.note).filter((note) => note !== '');
    expect(notes.length).toBeGreaterThanOrEqual(2);
    for (const note of notes) expect(output).not.toContain(note.slice(0, 20));
  });

  it('the text export is the seed, plus the two lost headings, the lost title and one URL line per item', () => {
    const text = renderIssueAsText(issue);
    const hrefs = new Set(issue.items.map((item) => item.url));
    const restored = ['Industry', 'Learning', issue.items.find((item) => item.title.includes('WaveNet'))?.title];
    const withoutAdditions = text.split('\n').filter((line) => {
      if (hrefs.has(line)) return false;
      const index = restored.indexOf(line);
      if (index === -1) return true;
      restored.splice(index, 1);
      return false;
    });
    expect(restored).toEqual([]);
    // Blank-line runs differ on purpose: the seed's doubled blank lines are where the lost lines were.
    const squeezeBlankLines = (lines: string[]): string => lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
    expect(squeezeBlankLines(withoutAdditions)).toBe(squeezeBlankLines(readFileSync(SEED, 'utf8').split('\n')));
  });
});
