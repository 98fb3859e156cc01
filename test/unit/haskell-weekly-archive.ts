/**
 * Reads Haskell Weekly issues (../shared/archives/haskellweekly/) into Roundup issues, as far as the
 * `quote` preset's test needs: sections from `## Name`, items from `- [Title](url) by Author` and
 * their `  > summary` line, each kept with the exact lines it had in the file. Titles and summaries
 * stay the Markdown their editors wrote (decision 1); the author line stays one string.
 *
 * This is a test's reader, not the archive import (issue #15 builds that in src/core/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Issue, Item, Section } from '../../src/core/model.ts';

export const ARCHIVE = new URL('../../../shared/archives/haskellweekly/', import.meta.url);

// `[title](url)` with brackets and parentheses nested one level, as the archive writes them.
const ITEM_LINE = /^- \[((?:[^[\]\\]|\\.|\[(?:[^[\]\\]|\\.)*\])*)\]\(((?:[^()\s\\]|\\.|\([^()\s]*\))*)\)(?: by (.+))?$/;
const QUOTE_LINE = /^ {2}> (.*)$/;

export interface ArchiveItem {
  /** The item's lines in the file, from its `- [` line to the line before the blank line that ends it. */
  lines: string[];
  item: Item;
}

export interface ArchiveIssue {
  path: string;
  issue: Issue;
  items: ArchiveItem[];
  /** Lines that start an item but that this reader does not take (another layout, several quote lines). */
  skipped: string[];
}

export function modernIssuePaths(): string[] {
  const years = readdirSync(ARCHIVE).filter((name) => /^\d{4}$/.test(name)).sort();
  const paths = years.flatMap((year) => readdirSync(new URL(`${year}/`, ARCHIVE)).map((file) => `${year}/${file}`));
  // From 2019 on the archive uses the `- [Title](url) by Author` / `  > quote` layout the preset writes.
  return paths.filter((path) => readFileSync(new URL(path, ARCHIVE), 'utf8').includes('\n- ['));
}

export function readArchiveIssue(path: string): ArchiveIssue {
  const number = Number(/issue-(\d+)/.exec(path)?.[1]);
  const lines = readFileSync(new URL(path, ARCHIVE), 'utf8').split('\n');
  const sections: Section[] = [];
  const items: ArchiveItem[] = [];
  const skipped: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    const heading = /^## (.+)$/.exec(line);
    if (heading) {
      sections.push({ id: `s${sections.length}`, name: heading[1] as string, position: `a${sections.length}`, clocks: {} });
      continue;
    }
    if (!line.startsWith('- ') || sections.length === 0) continue;
    const match = ITEM_LINE.exec(line);
    const block = [line];
    while (index + 1 < lines.length && (lines[index + 1] as string).trim() !== '') block.push(lines[++index] as string);
    const quotes = block.slice(1).map((quote) => QUOTE_LINE.exec(quote));
    if (!match || quotes.length > 1 || quotes.some((quote) => quote === null)) {
      skipped.push(line);
      continue;
    }
    const [, title = '', url = '', author] = match;
    items.push({
      lines: block,
      item: {
        id: `i${items.length}`, sectionId: `s${sections.length - 1}`, position: `a${String(items.length).padStart(4, '0')}`,
        url: url.replace(/\\(.)/g, '$1'), canonicalUrl: null, title, summary: quotes[0]?.[1] ?? '', note: '', site: '',
        authors: author === undefined ? [] : [author], publishedAt: null, image: null, kind: 'article',
        capturedAt: '2026-01-01T00:00:00.000Z', clocks: {},
      },
    });
  }
  const issue: Issue = {
    id: `hw-${number}`, number, title: `Haskell Weekly: Issue #${number}`, tagline: '', intro: '', outro: '', status: 'published',
    createdAt: '2026-01-01T00:00:00.000Z', publishedAt: null, sections, items: items.map(({ item }) => item), clocks: {},
  };
  return { path, issue, items, skipped };
}
