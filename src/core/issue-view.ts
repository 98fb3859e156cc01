/**
 * What an export shows of an issue, decided in one place for all three renderers: which sections
 * and items are live, their order, and the cleaned text of every field.
 *
 * The view deliberately has no `note`: a private note cannot leak into an export because no
 * renderer ever receives it.
 */
import { liveItems, liveSections } from './live-parts.ts';
import { escapeMarkdownText } from './markdown-writer.ts';
import type { Issue, IssueStatus, Item, ItemKind, Section } from './model.ts';
import { toSafeLinkUrl } from './safe-url.ts';

export interface ItemView {
  id: string;
  /** Inline Markdown on one line, no control characters (decision 1: titles are the editor's Markdown). */
  title: string;
  /** The link target, or null when the URL must not become a link (see `toPublishedHref`). */
  href: string | null;
  /** Inline Markdown on one line: a summary is one paragraph in every format. */
  summary: string;
  site: string;
  /** Each on one line; blank names left out. */
  authors: string[];
  /** The page's publication date as stored (ISO 8601), or null. */
  date: string | null;
  kind: ItemKind;
}

export interface SectionView {
  id: string;
  name: string;
  items: ItemView[];
}

export interface IssueView {
  number: number;
  status: IssueStatus;
  /** ISO 8601: when the issue was published, else when it was created. */
  date: string;
  title: string;
  tagline: string;
  /** Markdown blocks; newlines kept, control characters removed. */
  intro: string;
  outro: string;
  sections: SectionView[];
}

// C0 and C1 controls and DEL have no visible form and can confuse terminals, mail transfer agents
// and parsers; line and paragraph separators act as newlines in some text editors.
const CONTROL_EXCEPT_TAB_AND_NEWLINE = /(?![\t\n])\p{Cc}/gu;
const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;

/** Removes control characters and folds every run of whitespace (ASCII, newlines) into one space. */
export function toOneLine(text: string): string {
  return toCleanMultiline(text).replace(/[ \t\n]+/g, ' ').trim();
}

/** Removes control characters and unifies line breaks to `\n`, keeping the text's line structure. */
export function toCleanMultiline(text: string): string {
  return text.replace(LINE_BREAKS, '\n').replace(CONTROL_EXCEPT_TAB_AND_NEWLINE, '').trim();
}

// A lower-case scheme, then printable ASCII without the characters a parser could read two ways,
// or letters beyond ASCII (no controls, format characters such as bidi overrides, or spaces): such a
// URL reads the same in every browser, mail client and Markdown tool as in the WHATWG parser that
// checked its scheme.
const PLAIN_URL = /^(?:https?|mailto):(?:[!#-;=?-[\]_a-z~]|[^\p{ASCII}\p{C}\p{Z}])+$/u;

/**
 * The link an export writes for a stored URL: null unless `toSafeLinkUrl` accepts it; the URL as
 * stored when it is already plain (so `https://haskell.love` stays as the editor or the archive
 * wrote it, without the slash the WHATWG serializer adds), else its WHATWG serialization.
 */
export function toPublishedHref(url: string): string | null {
  const href = toSafeLinkUrl(url);
  if (href === null) return null;
  return PLAIN_URL.test(url) ? url : href;
}

function viewItem(item: Item): ItemView {
  return {
    id: item.id,
    // An untitled item still needs something to click and read: its URL, as Markdown that shows it literally.
    title: toOneLine(item.title) || escapeMarkdownText(toOneLine(item.url)),
    href: toPublishedHref(item.url),
    summary: toOneLine(item.summary),
    site: toOneLine(item.site),
    authors: item.authors.map(toOneLine).filter((author) => author !== ''),
    date: item.publishedAt,
    kind: item.kind,
  };
}

function viewSection(issue: Issue, section: Section): SectionView {
  return { id: section.id, name: toOneLine(section.name), items: liveItems(issue, section.id).map(viewItem) };
}

/**
 * The live sections in order, each with its live items in order; sections with no live item are left out.
 * Which sections and items are live, and their order, is live-parts.ts, the editor page's and the popup's rule too: a section
 * removed on one device while another added an item to it is shown with that item ("add wins").
 */
export function viewIssue(issue: Issue): IssueView {
  const sections = liveSections(issue)
    .map((section) => viewSection(issue, section))
    .filter((section) => section.items.length > 0);
  return {
    number: issue.number,
    status: issue.status,
    date: issue.publishedAt ?? issue.createdAt,
    title: toOneLine(issue.title),
    tagline: toOneLine(issue.tagline),
    intro: toCleanMultiline(issue.intro),
    outro: toCleanMultiline(issue.outro),
    sections,
  };
}
