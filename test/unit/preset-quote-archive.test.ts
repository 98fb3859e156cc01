/**
 * The `quote` preset against Haskell Weekly's own issues (../shared/archives/haskellweekly/): every
 * issue in the `- [Title](url) by Author` / `  > quote` layout is read into a Roundup issue (titles
 * and summaries as their editors' Markdown), exported with `quote`, and each item's lines are compared
 * with the file's lines.
 *
 * An item comes back byte for byte, except for two differences that are Roundup's on purpose:
 * whitespace that every export folds (a space before `]`, doubled or trailing spaces), and the few
 * places, listed below, where the editor's own Markdown would read differently in a Markdown tool
 * that trusts raw HTML (`<img>`, a relative link, two single tildes), or a page-supplied author
 * starts with `_`, so the export escapes them.
 */
import { describe, expect, it } from 'vitest';
import { renderIssueAsMarkdown } from '../../src/core/render-markdown.ts';
import type { ArchiveItem } from './haskell-weekly-archive.ts';
import { modernIssuePaths, readArchiveIssue } from './haskell-weekly-archive.ts';

const ESCAPED_ON_PURPOSE: readonly [path: string, written: string][] = [
  ['2024/issue-451.markdown', '\\[Bellroy\\](bellroy.com)'],
  ['2025/issue-470.markdown', '(written \\~)'],
  ['2026/issue-507.markdown', 'unsw.edu.au/\\~eptcs'],
  ['2026/issue-508.markdown', 'using \\<img> tags'],
  ['2026/issue-511.markdown', 'by \\_query'],
  ['2026/issue-516.markdown', 'by \\_lazyLambda'],
  ['2026/issue-517.markdown', 'by \\_lazyLambda'],
  ['2026/issue-521.markdown', 'open source \\~'],
];

const fold = (text: string): string => text.replace(/[ \t]+/g, ' ').trim();

/** The item's lines with the whitespace an export folds folded, as Roundup writes them. */
function withFoldedWhitespace({ lines, item }: ArchiveItem): string[] {
  const url = /\]\(((?:[^()\s\\]|\\.|\([^()\s]*\))*)\)/.exec(lines[0] ?? '')?.[1] ?? '';
  const head = `- [${fold(item.title)}](${url})${item.authors.length > 0 ? ` by ${fold(item.authors[0] ?? '')}` : ''}`;
  return item.summary === '' ? [head] : [head, `  > ${fold(item.summary)}`];
}

/** The item blocks of an export: each `- ` line and the lines under it up to a blank line. */
function itemBlocks(markdown: string): string[][] {
  const lines = markdown.split('\n');
  const blocks: string[][] = [];
  for (let index = 0; index < lines.length; index++) {
    if (!lines[index]?.startsWith('- ')) continue;
    const block = [lines[index] as string];
    while ((lines[index + 1] ?? '').trim() !== '') block.push(lines[++index] as string);
    blocks.push(block);
  }
  return blocks;
}

describe('the quote preset gives back Haskell Weekly\'s item lines', () => {
  const paths = modernIssuePaths();
  const results = paths.map((path) => {
    const archive = readArchiveIssue(path);
    return { archive, blocks: itemBlocks(renderIssueAsMarkdown(archive.issue, { style: { preset: 'quote', templates: {} } })) };
  });
  const items = results.flatMap(({ archive, blocks }) => archive.items.map((item, index) => ({ path: archive.path, item, got: blocks[index] ?? [] })));

  it('reads hundreds of archive issues and thousands of items in that layout', () => {
    expect(paths.length).toBeGreaterThanOrEqual(350);
    expect(items.length).toBeGreaterThanOrEqual(5_000);
    for (const { archive, blocks } of results) expect(blocks.length, archive.path).toBe(archive.items.length);
  });

  it('gives back at least 97.5% of the items byte for byte', () => {
    const exact = items.filter(({ item, got }) => got.join('\n') === item.lines.join('\n')).length;
    expect(exact / items.length).toBeGreaterThanOrEqual(0.975);
  });

  it('gives back every other item with only folded whitespace or an escape listed here', () => {
    const unexplained = items.filter(({ path, item, got }) => {
      if (got.join('\n') === withFoldedWhitespace(item).join('\n')) return false;
      return !ESCAPED_ON_PURPOSE.some(([escapedPath, written]) => escapedPath === path && got.join('\n').includes(written));
    });
    expect(unexplained.map(({ path, item, got }) => ({ path, want: item.lines, got }))).toEqual([]);
  });
});
