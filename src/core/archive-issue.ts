/**
 * What an archive's issue holds, read from its blocks by rules an editor can predict:
 * - a heading without a link opens a section (nested headings: the innermost names it);
 * - an item is a list item whose first line has a web link, a heading with a web link, or a paragraph
 *   whose first line is a web link and nothing else (the summary on the lines below, as emails do);
 * - the item's title is that line as written, the link's text in place of the link, without a trailing
 *   `by …` (the authors); labels around the link (`[video] [Title](url)`, `… (ad)`) stay in the title;
 * - its summary is the rest of the list item (the quote, an editor's note), or for a heading item
 *   the paragraph or quote right after it;
 * - everything before the first heading or the first list of items is the intro, and
 *   everything after the last item is the outro; their links are not items;
 * - text between items (a section's own prose, "Package of the week") has no place in the model: it is
 *   named in the issue's notes, never turned into items.
 * A file without a numbered issue or without a single item is not an issue, and says why.
 */
import { blocksToMarkdown, type ArchiveBlock, type LinkSpan, type MarkdownText } from './archive-blocks.ts';
import { readDateFromFileName, readNumberField, readNumberFromFileName, readNumberFromTitle, toPublishedAt,
  type ArchiveCandidate } from './archive-candidate.ts';
import { markdownToPlainText } from './archive-markdown.ts';

export interface ArchivedItem {
  url: string;
  /** Inline Markdown, as the archive wrote it. */
  title: string;
  /** Inline Markdown; paragraphs separated by a blank line. */
  summary: string;
  /** Plain text: the byline as written, one entry (`A, B & C` is not split: names hold commas). */
  authors: string[];
}

export interface ArchivedSection {
  /** Plain text; empty for items that come before any heading. */
  name: string;
  items: ArchivedItem[];
}

export interface ArchivedIssue {
  source: string;
  number: number;
  /** Plain text. */
  title: string;
  /** ISO 8601 date-time, or null when neither the file nor a date list gives one. */
  publishedAt: string | null;
  /** Markdown. */
  intro: string;
  outro: string;
  sections: ArchivedSection[];
  /** What of the file was not kept, in words. */
  notes: string[];
}

export type IssueReadResult = { ok: true; issue: ArchivedIssue } | { ok: false; source: string; reason: string };

export function readArchivedIssue(archived: ArchiveCandidate, datesByNumber: ReadonlyMap<number, string> = new Map()): IssueReadResult {
  const { blocks, titleHeading } = splitTitleHeading(archived.blocks);
  const body = readBody(blocks);
  const fail = (reason: string): IssueReadResult => ({ ok: false, source: archived.source, reason });
  if (body.sections.length === 0) return fail('not an issue: no list item or heading starts with a web link');
  // A number the metadata states but that is not one is reported, not replaced by one from elsewhere.
  if (archived.number !== null && readNumberField(archived.number) === null) {
    return fail(`not an issue: its number "${archived.number}" is not a whole number from 1 to 1,000,000`);
  }
  const number = (archived.number === null ? null : readNumberField(archived.number))
    ?? readNumberFromTitle(archived.title ?? '') ?? readNumberFromTitle(titleHeading ?? '')
    ?? readNumberFromFileName(archived.fileName) ?? readNumberFromFileName(lastPathSegment(archived.url));
  if (number === null) return fail('not an issue: no issue number in its metadata, title or file name');
  const notes = [...body.notes];
  const written = archived.date ?? datesByNumber.get(number) ?? readDateFromFileName(archived.fileName);
  const publishedAt = written === null ? null : toPublishedAt(written);
  if (written !== null && publishedAt === null) notes.push(`its date "${written}" is not a date; the issue has none`);
  const title = oneLine(archived.title ?? titleHeading ?? '') || `Issue #${number}`;
  return { ok: true, issue: { source: archived.source, number, title, publishedAt, intro: body.intro, outro: body.outro,
    sections: body.sections, notes } };
}

/** A level-1 heading that opens the file and is its only one is the issue's title, not a section. */
function splitTitleHeading(blocks: readonly ArchiveBlock[]): { blocks: readonly ArchiveBlock[]; titleHeading: string | null } {
  const [first, ...rest] = blocks;
  const isTitle = first?.type === 'heading' && first.level === 1 && !rest.some((block) => block.type === 'heading' && block.level === 1);
  return isTitle ? { blocks: rest, titleHeading: markdownToPlainText(first.content.source) } : { blocks, titleHeading: null };
}

interface Body {
  intro: string;
  outro: string;
  sections: ArchivedSection[];
  notes: string[];
}

function readBody(blocks: readonly ArchiveBlock[]): Body {
  const sections: ArchivedSection[] = [];
  const intro: ArchiveBlock[] = [];
  /** Blocks since the last item, with the section they were read under: the outro, if no item follows. */
  let tail: { block: ArchiveBlock; under: string }[] = [];
  let heading: string | null = null;
  let openSection: ArchivedSection | null = null;
  let introOver = false;
  /** A heading item takes the paragraph or quote right after it as its summary. */
  let awaitingSummary: ArchivedItem | null = null;
  const dropped = new Map<string, number>();
  const keep = (block: ArchiveBlock) => tail.push({ block, under: heading ?? openSection?.name ?? '' });

  const add = (item: ArchivedItem) => {
    for (const { block, under } of tail) if (block.type !== 'heading') dropped.set(under, (dropped.get(under) ?? 0) + 1);
    tail = [];
    if (openSection === null || heading !== null) {
      openSection = { name: heading ?? '', items: [] };
      sections.push(openSection);
      heading = null;
    }
    openSection.items.push(item);
    introOver = true;
  };

  for (const block of blocks) {
    const summaryOf = awaitingSummary;
    awaitingSummary = null;
    const holdsItems = block.type === 'list' && block.items.some(isItemBlocks);
    if (block.type === 'heading') {
      introOver = true;
      const item = itemFromLine(block.content);
      if (item) {
        add(item);
        awaitingSummary = item;
      } else {
        heading = markdownToPlainText(block.content.source);
        keep(block);
      }
    } else if (summaryOf !== null && (block.type === 'paragraph' || block.type === 'quote')) {
      summaryOf.summary = joinParagraphs(paragraphsOf([block]));
    } else if (block.type === 'paragraph' && isLinkLineParagraph(block.content)) {
      const item = itemFromLine(block.content);
      if (item) add(item);
    } else if (!introOver && !holdsItems) {
      intro.push(block);
    } else if (block.type === 'list' && holdsItems) {
      for (const blocksOfItem of block.items) {
        const item = itemFromListItem(blocksOfItem);
        if (item) add(item);
        else keep({ type: 'list', ordered: block.ordered, items: [blocksOfItem] });
      }
    } else {
      keep(block);
    }
  }
  const notes = [...dropped].map(([name, count]) =>
    `${count === 1 ? '1 paragraph' : `${count} paragraphs`} of text between the items${name === '' ? '' : ` in "${name}"`} not kept`);
  return { intro: blocksToMarkdown(intro), outro: blocksToMarkdown(tail.map(({ block }) => block)), sections, notes };
}

/**
 * The layout of many emails and Substack posts: a paragraph whose first line is a link and nothing
 * else (bold or not, a byline or a `(label)` after it), the summary on the lines below it. A paragraph
 * that only starts with a link and goes on in the same line is prose.
 */
function isLinkLineParagraph(text: MarkdownText): boolean {
  const link = firstWebLink(text);
  const newline = text.source.indexOf('\n');
  if (link === undefined || newline < 0 || link.end > newline || text.source.slice(newline + 1).trim() === '') return false;
  const before = text.source.slice(0, link.start);
  const after = text.source.slice(link.end, newline).replace(/(?:^|\s)by\s+\S.*$/, '');
  return /^[\s*_]*$/.test(before) && /^[\s*_]*(?:\([^()]*\)[\s*_]*)*\\?$/.test(after);
}

function isItemBlocks(blocks: readonly ArchiveBlock[]): boolean {
  const first = blocks[0];
  return first?.type === 'paragraph' && firstWebLink(first.content) !== undefined;
}

function itemFromListItem(blocks: readonly ArchiveBlock[]): ArchivedItem | null {
  const [first, ...rest] = blocks;
  if (first?.type !== 'paragraph') return null;
  const item = itemFromLine(first.content);
  if (item === null) return null;
  item.summary = joinParagraphs([item.summary, ...paragraphsOf(rest)]);
  return item;
}

/** The item a line of inline Markdown names, the rest of its paragraph as the start of the summary; null without a web link. */
function itemFromLine(text: MarkdownText): ArchivedItem | null {
  const link = firstWebLink(text);
  if (link === undefined) return null;
  const { source } = text;
  const newline = source.indexOf('\n', link.end);
  const lineEnd = newline < 0 ? source.length : newline;
  const others = text.links.filter((other) => other !== link && other.end <= lineEnd);
  let before = unwrapLinks(source, 0, link.start, others);
  let after = unwrapLinks(source, link.end, lineEnd, others);
  // `**[Title](url)**` is the layout's bold, not the title's: the markers around the whole link go.
  const wrapper = /^[*_]+$/.exec(before.trim())?.[0];
  if (wrapper !== undefined && after.startsWith(wrapper)) {
    before = before.replace(wrapper, '');
    after = after.slice(wrapper.length);
  }
  const byline = /^([\s\S]*?)(?:^|\s)by\s+(\S[\s\S]*)$/.exec(after.trimEnd());
  const labelsAfter = byline ? (byline[1] ?? '') : after;
  const authors = byline ? markdownToPlainText(byline[2] ?? '') : '';
  return {
    url: link.href,
    title: oneLine(`${before}${source.slice(link.labelStart, link.labelEnd)}${labelsAfter}`),
    summary: newline < 0 ? '' : cleanParagraph(source.slice(newline + 1)),
    authors: authors === '' ? [] : [authors],
  };
}

function firstWebLink(text: MarkdownText): LinkSpan | undefined {
  return text.links.find((link) => isWebUrl(link.href));
}

function isWebUrl(href: string): boolean {
  if (!/^https?:\/\//i.test(href)) return false;
  try {
    return new URL(href).hostname !== '';
  } catch {
    return false;
  }
}

/** `source[from, to)` with every link in it replaced by its text. */
function unwrapLinks(source: string, from: number, to: number, links: readonly LinkSpan[]): string {
  let out = '';
  let at = from;
  for (const link of [...links].sort((a, b) => a.start - b.start)) {
    if (link.start < from || link.end > to) continue;
    out += source.slice(at, link.start) + source.slice(link.labelStart, link.labelEnd);
    at = link.end;
  }
  return out + source.slice(at, to);
}

/** The paragraphs of blocks, quotes and nested lists included, as inline Markdown. */
function paragraphsOf(blocks: readonly ArchiveBlock[]): string[] {
  return blocks.flatMap((block) => {
    if (block.type === 'paragraph' || block.type === 'heading') return [cleanParagraph(block.content.source)];
    if (block.type === 'quote') return paragraphsOf(block.blocks);
    if (block.type === 'list') return block.items.flatMap(paragraphsOf);
    return [];
  });
}

/** Indentation and trailing spaces of continuation lines mean nothing inside a paragraph; they go. */
function cleanParagraph(source: string): string {
  return source.split('\n').map((line) => line.trim()).filter((line) => line !== '').join('\n');
}

function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.filter((paragraph) => paragraph !== '').join('\n\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function lastPathSegment(url: string | null): string {
  if (url === null) return '';
  try {
    return new URL(url).pathname.replace(/\/+$/, '').split('/').pop() ?? '';
  } catch {
    return '';
  }
}
