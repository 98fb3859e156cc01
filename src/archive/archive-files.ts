/**
 * An archive's files, read into the plan the editor sees before anything is written (core/archive-plan.ts).
 * The one entry point for the command line and the extension: files in (path and bytes), plan out.
 * Markdown and date lists go straight to the core; HTML pages, saved emails and feeds are parsed by
 * the `MarkupParsers` the caller hands in (the browser's DOMParser, or linkedom in Node) and read
 * into the core's plain blocks here, so the core never sees a DOM.
 */
import { htmlBlocksToMarkdown, type ArchiveBlock } from '../core/archive-blocks.ts';
import { readDateList } from '../core/archive-date-list.ts';
import { readMarkdownCandidate, type ArchiveCandidate, type CandidateResult } from '../core/archive-candidate.ts';
import { readArchivedIssue, type IssueReadResult } from '../core/archive-issue.ts';
import { readMarkdownBlocks } from '../core/archive-markdown.ts';
import { planArchive, type ArchivePlan, type UnreadSource } from '../core/archive-plan.ts';
import { decodeText } from '../core/decode-text.ts';
import { readFeed } from './read-feed.ts';
import { looksLikeEmail, readSavedEmail } from './read-email.ts';
import { readHtmlBlocks, readHtmlPageFacts } from './read-html.ts';

export interface ArchiveFile {
  /** As shown in the plan (relative to what the editor chose). */
  path: string;
  bytes: Uint8Array;
}

export interface MarkupParsers {
  html(text: string): Document;
  xml(text: string): Document;
}

export type ArchiveFormat = 'auto' | 'markdown' | 'html' | 'feed';
export const ARCHIVE_FORMATS: readonly ArchiveFormat[] = ['auto', 'markdown', 'html', 'feed'];

type FileKind = 'markdown' | 'html' | 'email' | 'feed' | 'date-list';

const EXTENSIONS: Record<string, FileKind> = {
  md: 'markdown', markdown: 'markdown', mdown: 'markdown', mkd: 'markdown', mdx: 'markdown', txt: 'markdown',
  html: 'html', htm: 'html', xhtml: 'html', eml: 'email', xml: 'feed', rss: 'feed', atom: 'feed', tsv: 'date-list', csv: 'date-list',
};

export async function readArchiveFiles(files: readonly ArchiveFile[], parsers: MarkupParsers, format: ArchiveFormat = 'auto'): Promise<ArchivePlan> {
  const unreadable: UnreadSource[] = [];
  const dates = new Map<number, string>();
  const candidates: CandidateResult[] = [];
  for (const file of files) {
    const text = decodeText(file.bytes);
    const kind = kindOf(file.path, text, format);
    if (kind === null) {
      unreadable.push({ source: file.path, reason: describeUnknown(file.path) });
    } else if (kind === 'date-list') {
      const list = readDateList(text);
      if (list === null) unreadable.push({ source: file.path, reason: 'not a date list: its first line names no number and date columns' });
      else if (!list.ok) unreadable.push({ source: file.path, reason: `not a date list: ${list.reason}` });
      else for (const [number, date] of list.dates) dates.set(number, date);
    } else {
      candidates.push(...await readCandidates(file, text, kind, parsers));
    }
  }
  const results = candidates.map((result): IssueReadResult => (result.ok ? readArchivedIssue(result.candidate, dates) : result));
  return planArchive(results, unreadable);
}

function kindOf(path: string, text: string, format: ArchiveFormat): FileKind | null {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  const byExtension = Object.hasOwn(EXTENSIONS, extension) ? EXTENSIONS[extension] : undefined;
  if (byExtension === 'date-list') return byExtension;
  if (format === 'markdown') return 'markdown';
  if (format === 'feed') return 'feed';
  if (format === 'html') return byExtension === 'email' || looksLikeEmail(text) ? 'email' : 'html';
  if (byExtension) return byExtension;
  const head = text.trimStart().slice(0, 1_000).toLowerCase();
  if (/^<\?xml/.test(head) && /<(rss|feed)[\s>]/.test(head)) return 'feed';
  if (/^(<!doctype html|<html)/.test(head)) return 'html';
  if (looksLikeEmail(text)) return 'email';
  return null;
}

function describeUnknown(path: string): string {
  if (/\.json$/i.test(path)) return 'a JSON file, not an issue (a Roundup backup is loaded with “Import a file”, in the editor or on the options page)';
  return 'not a Markdown, HTML, email or feed file';
}

async function readCandidates(file: ArchiveFile, text: string, kind: Exclude<FileKind, 'date-list'>, parsers: MarkupParsers): Promise<CandidateResult[]> {
  const fileName = file.path.replace(/^.*[\\/]/, '');
  const base = { source: file.path, fileName };
  if (kind === 'markdown') return [readMarkdownCandidate(file.path, fileName, text)];
  if (kind === 'html') {
    const document = parseHtmlPage(text, parsers);
    const facts = readHtmlPageFacts(document);
    return [{ ok: true, candidate: { ...base, title: facts.title, number: null, date: facts.date, url: facts.url,
      blocks: htmlBlocksToMarkdown(readHtmlBlocks(document, facts.url)) } }];
  }
  if (kind === 'email') {
    const email = await readSavedEmail(file.bytes);
    if (email.body === null) return [{ ok: false, source: file.path, reason: 'a saved email with no HTML or text part' }];
    return [{ ok: true, candidate: { ...base, title: email.subject, number: null, date: email.date, url: null,
      blocks: blocksOf(email.body, null, parsers) } }];
  }
  const feed = readFeed(parsers.xml(text));
  if (!feed.ok) return [{ ok: false, source: file.path, reason: feed.reason }];
  if (feed.entries.length === 0) return [{ ok: false, source: file.path, reason: 'a feed with no entries' }];
  return feed.entries.map((entry, index): CandidateResult => {
    const source = `${file.path} › entry ${index + 1}${entry.title === null ? '' : ` (${JSON.stringify(entry.title)})`}`;
    if (entry.content === null) return { ok: false, source, reason: 'a feed entry without content' };
    const candidate: ArchiveCandidate = { source, fileName: '', title: entry.title, number: null, date: entry.date, url: entry.link,
      blocks: blocksOf(entry.content, entry.link, parsers) };
    return { ok: true, candidate };
  });
}

function blocksOf(body: { kind: 'html' | 'markdown'; text: string }, baseUrl: string | null, parsers: MarkupParsers): ArchiveBlock[] {
  if (body.kind === 'markdown') return readMarkdownBlocks(body.text);
  return htmlBlocksToMarkdown(readHtmlBlocks(parseHtmlPage(body.text, parsers), baseUrl));
}

/** A fragment gets a body, so both parsers build the same tree around it. */
function parseHtmlPage(text: string, parsers: MarkupParsers): Document {
  return parsers.html(/<(body|html)[\s>]/i.test(text) ? text : `<!doctype html><html><body>${text}</body></html>`);
}
