/**
 * What an export shows of an issue, decided in one place for all three renderers: which sections
 * and items are live, their order, and the cleaned text of every field.
 *
 * The view deliberately has no `note`: a private note cannot leak into an export because no
 * renderer ever receives it.
 */
import { liveSections } from './live-parts.ts';
import type { Issue, Item, ItemKind, Section } from './model.ts';
import { escapeMarkdownInline } from './markdown-escape.ts';
import { toSafeLinkUrl } from './safe-url.ts';

export interface ItemView {
  id: string;
  /** Inline Markdown on one line, no control characters. */
  title: string;
  /** The serialized safe link, or null when the URL must not become a link (see safe-url.ts). */
  href: string | null;
  /** Inline Markdown on one line: a summary is one paragraph in every format. */
  summary: string;
  site: string;
  kind: ItemKind;
}

export interface SectionView {
  id: string;
  name: string;
  items: ItemView[];
}

export interface IssueView {
  number: number;
  title: string;
  tagline: string;
  /** Markdown blocks; newlines kept, control characters removed. */
  intro: string;
  outro: string;
  sections: SectionView[];
}

// C0 and C1 controls and DEL have no visible form and can confuse terminals, mail transfer agents
// and parsers; line and paragraph separators act as newlines in some editors.
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

function byPositionThenId(a: { position: string; id: string }, b: { position: string; id: string }): number {
  // Plain code-unit comparison, as fractional-indexing keys require (never localeCompare).
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function viewItem(item: Item): ItemView {
  return {
    id: item.id,
    // An untitled item still needs something to click and read: its address, taken literally.
    title: toOneLine(item.title) || escapeMarkdownInline(toOneLine(item.url)),
    href: toSafeLinkUrl(item.url),
    summary: toOneLine(item.summary),
    site: toOneLine(item.site),
    kind: item.kind,
  };
}

function viewSection(section: Section, liveItems: Item[]): SectionView {
  const items = liveItems.filter((item) => item.sectionId === section.id).sort(byPositionThenId).map(viewItem);
  return { id: section.id, name: toOneLine(section.name), items };
}

/**
 * The live sections in order, each with its live items in order; sections with no live item are left out.
 * Which sections are live is issue-ops' `liveSections`, the editor's and the popup's rule too: a section
 * removed on one device while another added an item to it is shown with that item ("add wins").
 */
export function viewIssue(issue: Issue): IssueView {
  const liveItems = issue.items.filter((item) => item.deleted === undefined);
  const sections = liveSections(issue)
    .map((section) => viewSection(section, liveItems))
    .filter((section) => section.items.length > 0);
  return {
    number: issue.number,
    title: toOneLine(issue.title),
    tagline: toOneLine(issue.tagline),
    intro: toCleanMultiline(issue.intro),
    outro: toCleanMultiline(issue.outro),
    sections,
  };
}
