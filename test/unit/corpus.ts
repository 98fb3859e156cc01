/**
 * The shared corpus of real pages (`../shared/corpus` beside the repository; see its README.md)
 * and the measures capture is judged by: title agreement, summary token F1, byline and date agreement.
 * Which expected values count is decided by the rules in expected-exclusions.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { decodeEntities } from '../../src/capture/clean-text.ts';
import { decodeText } from '../../src/core/decode-text.ts';

/**
 * `shared/corpus/` beside the repository (as CI lays it out), else beside one of its parent folders
 * (a git worktree one level further down, `/work/wt/NAME` with `/work/shared`).
 */
export const CORPUS_ROOT = findCorpusRoot(fileURLToPath(new URL('../../', import.meta.url)));

function findCorpusRoot(repositoryRoot: string): string {
  const nearest = path.resolve(repositoryRoot, '..', 'shared', 'corpus');
  for (let folder = path.resolve(repositoryRoot, '..'); ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, 'shared', 'corpus');
    if (existsSync(candidate)) return `${candidate}${path.sep}`;
    if (path.dirname(folder) === folder) return `${nearest}${path.sep}`;
  }
}
export const CORPORA = ['readability', 'metascraper', 'defuddle', 'trafilatura'] as const;
export type CorpusName = (typeof CORPORA)[number];

export interface ExpectedValues {
  url: string | null;
  baseURI?: string;
  title: string | null;
  excerpt: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
}

export interface CorpusPage {
  corpus: CorpusName;
  name: string;
  /** `corpus/name`, the key used in exception lists and reports. */
  id: string;
  sourcePath: string;
  expected: ExpectedValues;
  /** The URL the page was saved from, or the stand-in its upstream used (Readability's `fakehost`). */
  url: string;
}

const STAND_IN_URL = 'http://fakehost/test/page.html';

export function corpusAvailable(): boolean {
  return existsSync(CORPUS_ROOT);
}

export function listCorpusPages(corpora: readonly CorpusName[] = CORPORA): CorpusPage[] {
  if (!corpusAvailable()) {
    throw new Error(`capture corpus not found at ${CORPUS_ROOT}: check out shared/ beside the repository`);
  }
  const pages: CorpusPage[] = [];
  for (const corpus of corpora) {
    const folder = path.join(CORPUS_ROOT, corpus);
    for (const name of readdirSync(folder).sort()) {
      const dir = path.join(folder, name);
      if (!statSync(dir).isDirectory()) continue;
      const html = path.join(dir, 'source.html');
      const sourcePath = existsSync(html) ? html : `${html}.gz`;
      const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as ExpectedValues;
      // A few annotations list the authors instead of writing one byline.
      const byline: unknown = expected.byline;
      if (Array.isArray(byline)) expected.byline = byline.join(', ');
      pages.push({
        corpus, name, id: `${corpus}/${name}`, sourcePath, expected,
        url: expected.url ?? expected.baseURI ?? STAND_IN_URL,
      });
    }
  }
  return pages;
}

export function readPageHtml(page: Pick<CorpusPage, 'sourcePath'>): string {
  const bytes = readFileSync(page.sourcePath);
  return decodeText(page.sourcePath.endsWith('.gz') ? gunzipSync(bytes) : bytes);
}

/** Exact title agreement after Unicode NFKC, whitespace and case normalisation. */
export function titlesAgree(actual: string | null | undefined, expected: string): boolean {
  return normalizeForComparison(actual ?? '') === normalizeForComparison(expected);
}

/** Soft hyphens and zero-width characters are invisible, on the page and in an annotation alike. */
function normalizeForComparison(text: string): string {
  return text.normalize('NFKC').replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Byline agreement: the same set of people, whatever the order, the separators ("A, B and C",
 * "A & B") or a leading "By"/"Von"; names compared by their letters and digits only.
 */
export function bylinesAgree(actual: string | null | undefined, expected: string): boolean {
  const want = namesOf(expected);
  const got = namesOf(actual ?? '');
  return want.length > 0 && want.length === got.length && want.every((name, index) => name === got[index]);
}

function namesOf(byline: string): string[] {
  return [...new Set(byline.normalize('NFKC').toLowerCase()
    .replace(/^\s*(?:by|von|par|por|door|di|av)\s+/u, '')
    .split(/\s*(?:,|;|&|\||\band\b|\bund\b|\bet\b|\by\b)\s*/u)
    .map((name) => name.replace(/[^\p{L}\p{N}]+/gu, ''))
    .filter(Boolean))].sort();
}

/**
 * Date agreement on the day: the calendar day as the page wrote it (a date-time keeps its own offset,
 * so `2019-10-16T23:30:00+02:00` is the 16th), or, when both values are date-times, the same UTC day
 * (metascraper's expected dates are UTC).
 */
export function datesAgree(actual: string | null | undefined, expected: string): boolean {
  const day = (text: string) => /^\d{4}-\d{2}-\d{2}/.exec(text.trim())?.[0] ?? null;
  const got = day(actual ?? '');
  if (!got) return false;
  if (got === day(expected)) return true;
  const hasTime = (text: string) => /^\d{4}-\d{2}-\d{2}T\d/.test(text.trim());
  if (!hasTime(actual ?? '') || !hasTime(expected)) return false;
  const utcDay = (text: string) => {
    const time = Date.parse(text);
    return Number.isFinite(time) ? new Date(time).toISOString().slice(0, 10) : null;
  };
  return utcDay(actual ?? '') !== null && utcDay(actual ?? '') === utcDay(expected);
}

/** Words, with each CJK character a word of its own (those scripts do not separate words by spaces). */
export function tokenize(text: string): string[] {
  // Some annotations keep HTML entities undecoded ("&Uuml;bersicht"): read them as the characters they name.
  return decodeEntities(text).normalize('NFKC').toLowerCase()
    .replace(/([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/gu, ' $1 ')
    .match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Token F1 of a summary against the expected excerpt (bag of words). */
export function tokenF1(actual: string | null | undefined, expected: string): number {
  const got = tokenize(actual ?? '');
  const want = tokenize(expected);
  if (got.length === 0 || want.length === 0) return got.length === want.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const token of want) counts.set(token, (counts.get(token) ?? 0) + 1);
  let overlap = 0;
  for (const token of got) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      overlap += 1;
      counts.set(token, left - 1);
    }
  }
  if (overlap === 0) return 0;
  const precision = overlap / got.length;
  const recall = overlap / want.length;
  return (2 * precision * recall) / (precision + recall);
}
