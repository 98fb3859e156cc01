/**
 * One candidate issue of an archive, whatever its form: where it came from, what its metadata says
 * (front matter, `<title>`, an email's subject, a feed entry's title) and its blocks. Also the rules
 * that read an issue number and a date from that metadata, the title or the file name; each returns
 * null rather than guess.
 */
import type { ArchiveBlock } from './archive-blocks.ts';
import { splitFrontMatter } from './archive-front-matter.ts';
import { readMarkdownBlocks } from './archive-markdown.ts';

export interface ArchiveCandidate {
  /** Where it came from, as shown in the plan: a file path, or a feed's path and entry. */
  source: string;
  /** The file's name, which may carry the number (`issue-42.md`) or the date (`2024-01-05-…`). */
  fileName: string;
  title: string | null;
  /** A number as the metadata wrote it (`42`, `#42`); the title and file name are read when it is null. */
  number: string | null;
  /** A date or date-time as the metadata wrote it (ISO 8601, RFC 2822, `May 5, 2016`). */
  date: string | null;
  /** The address of the issue on the web (a feed entry's link, an HTML page's canonical URL), when known. */
  url: string | null;
  blocks: ArchiveBlock[];
}

export type CandidateResult = { ok: true; candidate: ArchiveCandidate } | { ok: false; source: string; reason: string };

export function readMarkdownCandidate(source: string, fileName: string, text: string): CandidateResult {
  const split = splitFrontMatter(text);
  if (!split.ok) return { ok: false, source, reason: split.error };
  const meta = split.frontMatter;
  return { ok: true, candidate: { source, fileName, title: meta?.title ?? null, number: meta?.number ?? null,
    date: meta?.date ?? null, url: null, blocks: readMarkdownBlocks(split.body) } };
}

const MAX_ISSUE_NUMBER = 1_000_000;

/** `42`, `#42`, `No. 42`, `Issue 42`: a number that stands alone or is named as the issue's. */
export function readNumberField(text: string): number | null {
  const match = /^\s*(?:(?:issue|edition|no\.?|nr\.?|number)\s*)?#?\s*0*(\d{1,7})\s*$/i.exec(text);
  return toIssueNumber(match?.[1]);
}

/**
 * "Issue #42", "Issue 42", "#42", "No. 42", "Ausgabe 42", "… Weekly 665": the number the title names
 * as the issue's. A bare number at the end counts only when it cannot be a year ("Best of 2024").
 */
export function readNumberFromTitle(title: string): number | null {
  const named = /(?:\bissue|\bedition|\bno\.|\bnr\.|\bnumber|\bausgabe|\bnuméro|\bnúmero|\bepisode)\s*#?\s*0*(\d{1,7})\b|#\s?0*(\d{1,7})\b/i.exec(title);
  if (named) return toIssueNumber(named[1] ?? named[2]);
  const trailing = /(?:^|[\s:–—-])0*(\d{1,7})\s*$/.exec(title);
  const number = toIssueNumber(trailing?.[1]);
  return number !== null && !isPlausibleYear(number) ? number : null;
}

/** `issue-42.md`, `42.md`, `2024-01-05-issue-42.html`, `newsletter_042.markdown`, `this-week-in-rust-665.md`. */
export function readNumberFromFileName(fileName: string): number | null {
  const stem = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const named = /(?:^|[^a-z])(?:issue|edition|no|nr|number|ausgabe)[-_ .]?0*(\d{1,7})(?!\d)/i.exec(stem);
  if (named) return toIssueNumber(named[1]);
  if (/^0*\d{1,7}$/.test(stem)) return toIssueNumber(stem);
  const withoutDate = stem.replace(/^\d{4}-\d{2}-\d{2}[-_]?/, '');
  const trailing = /[a-z][-_]0*(\d{1,7})$/i.exec(withoutDate);
  const number = toIssueNumber(trailing?.[1]);
  return number !== null && !isPlausibleYear(number) ? number : null;
}

/** A leading `YYYY-MM-DD` in a file name (Jekyll's `_posts` convention). */
export function readDateFromFileName(fileName: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[-_]|$)/.exec(fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, ''));
  return match?.[1] ?? null;
}

/** A date as the model stores it (ISO 8601 with a zone); a day alone is that day at 00:00 UTC. Null when unreadable. */
export function toPublishedAt(text: string): string | null {
  const trimmed = text.trim();
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (day) {
    const date = new Date(`${trimmed}T00:00:00.000Z`);
    return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== trimmed ? null : date.toISOString();
  }
  // Date.parse reads ISO 8601 with a time, and RFC 2822 (emails, RSS); a time without a zone is taken as UTC.
  const isoWithoutZone = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(trimmed);
  const ms = Date.parse(isoWithoutZone ? `${trimmed.replace(' ', 'T')}Z` : trimmed);
  if (Number.isNaN(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  return year >= 1990 && year <= 2200 ? new Date(ms).toISOString() : null;
}

function toIssueNumber(digits: string | undefined): number | null {
  if (digits === undefined) return null;
  const number = Number(digits);
  return Number.isInteger(number) && number >= 1 && number <= MAX_ISSUE_NUMBER ? number : null;
}

function isPlausibleYear(number: number): boolean {
  return number >= 1990 && number <= 2100;
}
