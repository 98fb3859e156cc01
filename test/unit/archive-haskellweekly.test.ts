/**
 * The archive import on all 538 real issues of Haskell Weekly (../shared/archives/haskellweekly, see
 * its README): every issue read, every item and section counted by a second, line-based reading of
 * the same files, every date from issues.tsv, and the result a backup that loads, twice, changing
 * nothing the second time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readArchiveFiles, type ArchiveFile } from '../../src/archive/archive-files.ts';
import { nodeMarkupParsers } from '../../src/archive/node-markup.ts';
import { countItems, planArchiveAgainstStored, type ArchivePlan } from '../../src/core/archive-plan.ts';
import { toPortableIssue } from '../../src/core/archive-portable.ts';
import { buildFeaturedIndex, findFeatured } from '../../src/core/featured.ts';
import { planImport } from '../../src/core/import-plan.ts';
import { DEFAULT_SETTINGS, type Issue } from '../../src/core/model.ts';
import { parsePortableFile, serializeBackup } from '../../src/core/portable.ts';
import { normalizeUrlForDedupe } from '../../src/core/url.ts';

const ROOT = fileURLToPath(new URL('../../../shared/archives/haskellweekly/', import.meta.url));
const IMPORTED_AT = '2026-11-01T00:00:00.000Z';

function archiveFiles(): ArchiveFile[] {
  return readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.markdown') || path.endsWith('.tsv'))
    .sort()
    .map((path) => ({ path, bytes: readFileSync(join(ROOT, path)) }));
}

/**
 * The second reading: HTML comments out, then a line that starts a list item and holds a web link
 * (or opens a link that the next line closes) is an item, under the last `## ` heading before it.
 */
function countByLines(markdown: string): { items: number; sections: string[] } {
  const lines = markdown.replace(/<!--[\s\S]*?-->/g, '').split('\n');
  const sections: string[] = [];
  let heading: string | null = null;
  let items = 0;
  lines.forEach((line, index) => {
    const title = /^## (.+)$/.exec(line)?.[1];
    if (title !== undefined) heading = title.trim();
    const text = /^\s{0,3}([-*+]|\d+[.)])\s/.test(line) ? `${line} ${lines[index + 1] ?? ''}` : '';
    const isItem = /^\s{0,3}([-*+]|\d+[.)])\s+[^\n]*?(\]\(https?:\/\/|<https?:\/\/)/.test(/\]\(/.test(line) || /<https?:/.test(line) ? line : text);
    if (!isItem) return;
    items += 1;
    if (heading !== null || sections.length === 0) {
      sections.push(heading ?? '');
      heading = null;
    }
  });
  return { items, sections };
}

let plan: ArchivePlan;
let dates: Map<number, string>;
let sources: Map<string, string>;
beforeAll(async () => {
  const files = archiveFiles();
  sources = new Map(files.map((file) => [file.path, new TextDecoder().decode(file.bytes)]));
  dates = new Map(readFileSync(join(ROOT, 'issues.tsv'), 'utf8').trim().split('\n').slice(1)
    .map((line) => line.split('\t')).map(([number, date]) => [Number(number), date ?? '']));
  plan = await readArchiveFiles(files, nodeMarkupParsers);
});

describe('Haskell Weekly, all 538 issues', () => {
  it('reads every issue, and reports no file', () => {
    expect(plan.unreadable).toEqual([]);
    expect(plan.issues.map((issue) => issue.number)).toEqual(Array.from({ length: 538 }, (_, index) => index + 1));
  });

  it('finds in each issue the items and sections a line-by-line reading finds', () => {
    const differences = plan.issues.flatMap((issue) => {
      const expected = countByLines(sources.get(issue.source) ?? '');
      const got = { items: countItems(issue), sections: issue.sections.map((section) => section.name) };
      return JSON.stringify(got) === JSON.stringify(expected) ? [] : [{ source: issue.source, got, expected }];
    });
    expect(differences).toEqual([]);
    expect([plan.itemCount, plan.sectionCount]).toEqual([9_336, 2_166]);
  });

  it('dates every issue from issues.tsv', () => {
    expect(plan.issues.filter((issue) => issue.publishedAt !== `${dates.get(issue.number) ?? ''}T00:00:00.000Z`)).toEqual([]);
  });

  it('keeps titles, bylines and quotes as the editors wrote them', () => {
    const item = (number: number, url: string) => plan.issues.find((issue) => issue.number === number)?.sections
      .flatMap((section) => section.items.map((entry) => ({ section: section.name, ...entry }))).find((entry) => entry.url === url);
    expect(item(180, 'https://yairchu.github.io/posts/dtalc-with-defaultsigs.html')).toEqual({
      section: 'Featured', url: 'https://yairchu.github.io/posts/dtalc-with-defaultsigs.html',
      title: 'Nicer Data Types a la Carte with `DefaultSignatures`', authors: ['Yair Chuchem'],
      summary: "Back in 2008, Swierstra's Functional Pearl Data Types a la Carte showed how to construct the following data structure: `data Expr = Val Int | Add Expr Expr`, from simple and re-usable individual components",
    });
    expect(item(180, 'https://interos.applicantpro.com/jobs/986650.html')).toMatchObject({ section: 'Jobs', title: 'Interos- We\'re Hiring!!! (ad)', authors: [] });
    expect(item(1, 'https://mail.haskell.org/pipermail/ghc-devs/2016-April/011955.html')).toMatchObject({ section: '', title: 'GHC 8.0.1 RC4 released' });
  });

  it('keeps the intros and outros, and no link in them is an item', () => {
    const issue20 = plan.issues.find((issue) => issue.number === 20);
    expect(issue20?.outro).toMatch(/^Did you like this issue\?\nLet us know \[on Twitter\]\(https:\/\/twitter\.com\/haskellweekly\)!/);
    const featured = buildFeaturedIndex(plan.issues.map((issue) => toPortableIssue(issue, IMPORTED_AT)));
    expect(findFeatured(featured, normalizeUrlForDedupe('https://www.haskell.org'))).toEqual([]);
    expect(findFeatured(featured, normalizeUrlForDedupe('https://twitter.com/haskellweekly'))).toEqual([]);
  });

  it('makes a backup that the portable schema accepts and the options page’s import takes, once', () => {
    const issues = plan.issues.map((issue) => toPortableIssue(issue, IMPORTED_AT));
    const parsed = parsePortableFile(serializeBackup(DEFAULT_SETTINGS, issues, IMPORTED_AT));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const first = planImport(parsed.file, { issues: [], damagedIds: new Set(), settings: DEFAULT_SETTINGS, nowMs: Date.parse(IMPORTED_AT) });
    expect([first.newIssues.length, first.writes.length, first.conflicts]).toEqual([538, 538, []]);
    const again = planImport(parsed.file, { issues: first.writes, damagedIds: new Set(), settings: DEFAULT_SETTINGS, nowMs: Date.parse(IMPORTED_AT) });
    expect([again.newIssues.length, again.updatedIssues.length, again.unchangedIssues.length, again.writes]).toEqual([0, 0, 538, []]);
  });

  it('imports nothing the second time, by number, even over issues made in Roundup', () => {
    const stored: Issue[] = plan.issues.map((issue) => ({ ...toPortableIssue(issue, IMPORTED_AT), id: `made-here-${issue.number}` }));
    const again = planArchiveAgainstStored(plan, stored);
    expect([again.newIssues.length, again.alreadyStored.length]).toEqual([0, 538]);
    const deleted = stored.map((issue) => (issue.number === 7 ? { ...issue, deleted: '0mjuohs00:0000:dev' } : issue));
    expect(planArchiveAgainstStored(plan, deleted).newIssues.map((issue) => issue.number)).toEqual([7]);
  });
});
