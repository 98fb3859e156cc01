/**
 * How each export format writes the values a template prints, decided once per format.
 *
 * Plain text (site, authors, dates, kind, section names, tagline, the title) is escaped for
 * the format: HTML-escaped in HTML, Markdown-escaped in Markdown, as it is in plain text. The editor's
 * Markdown is rendered from its tokens (inline-markdown.ts): a title or summary as inline Markdown
 * (a title without links of its own, since it is usually a link itself), intro and outro as blocks.
 * Those renderings are Markup (markup.ts), which a template prints as they are.
 */
import { MARKDOWN_STYLES, TITLE_STYLES } from './email-styles.ts';
import { firstSentenceTokens } from './first-sentence.ts';
import { escapeHtml } from './html-escape.ts';
import {
  inlineTokensToEmailHtml, inlineTokensToHtml, inlineTokensToPlainText, markdownToHtml, markdownToPlainText,
  parseMarkdownInline, parseMarkdownInlineFaithfully, withoutLinks,
} from './inline-markdown.ts';
import type { Token } from './inline-markdown.ts';
import { blockMarkdownToMarkdown, escapeMarkdownText, inlineTokensToMarkdown, toMarkdownDestination, verbatimInlineMarkdown } from './markdown-writer.ts';
import { EditorMarkup, InlineMarkup, Markup } from './markup.ts';

export const EXPORT_FORMATS = ['md', 'html', 'text'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface FormatWriter {
  /** Plain text as this format shows it literally. */
  escape(text: string): string;
  /** An item title (inline Markdown), its own links reduced to their text. */
  title(markdown: string): InlineMarkup | '';
  /** An item summary (inline Markdown). */
  summary(markdown: string): InlineMarkup | '';
  /** Intro or outro (block Markdown). */
  blocks(markdown: string): EditorMarkup | '';
  /** A safe href as this format writes a link target. */
  link(href: string): Markup | string;
}

interface InlineFormat {
  parse(markdown: string): Token[];
  write(tokens: Token[], role: 'title' | 'summary'): string;
  /** The source as it is, when the format can print it so (see markdown-writer.ts); null otherwise. */
  verbatim?(source: string, parsed: Token[], role: 'title' | 'summary'): string | null;
}

/** An InlineMarkup for `markdown`, or '' when it shows nothing (so `{% if item.summary %}` reads as expected). */
function inlineWriter(format: InlineFormat, role: 'title' | 'summary'): (markdown: string) => InlineMarkup | '' {
  return (markdown) => {
    if (markdown === '') return '';
    const parsed = format.parse(markdown);
    const tokens = role === 'title' ? withoutLinks(parsed) : parsed;
    const text = format.verbatim?.(markdown, parsed, role) ?? format.write(tokens, role);
    if (text === '') return '';
    return new InlineMarkup(text, () => new Markup(format.write(firstSentenceTokens(tokens), role)));
  };
}

function writerFor(format: InlineFormat, escape: (text: string) => string, blocks: (markdown: string) => string, link: FormatWriter['link']): FormatWriter {
  return {
    escape,
    title: inlineWriter(format, 'title'),
    summary: inlineWriter(format, 'summary'),
    // Markdown that shows nothing (a lone link definition, say) is '' too, so it leaves no blank lines.
    blocks: (markdown) => {
      const text = markdown === '' ? '' : blocks(markdown);
      return text === '' ? '' : new EditorMarkup(text, markdown);
    },
    link,
  };
}

const markdown = writerFor(
  {
    parse: parseMarkdownInlineFaithfully,
    write: (tokens) => inlineTokensToMarkdown(tokens),
    // A title is printed inside `[link text]` by every preset.
    verbatim: (source, parsed, role) => verbatimInlineMarkdown(source, parsed, { inLinkText: role === 'title' }),
  },
  escapeMarkdownText,
  blockMarkdownToMarkdown,
  // A link target is written for `[text](…)`: escaped as a destination, not as text.
  (href) => new Markup(toMarkdownDestination(href)),
);

const html = writerFor(
  {
    parse: parseMarkdownInline,
    // Titles keep the export's own escaping (`'` too, as before titles were Markdown); summaries are markdown-it's HTML.
    write: (tokens, role) => (role === 'title' ? inlineTokensToHtml(tokens, TITLE_STYLES, escapeHtml) : inlineTokensToEmailHtml(tokens, MARKDOWN_STYLES)),
  },
  escapeHtml,
  (source) => markdownToHtml(source, MARKDOWN_STYLES).trim(),
  (href) => href,
);

const text = writerFor(
  { parse: parseMarkdownInline, write: inlineTokensToPlainText },
  (value) => value,
  markdownToPlainText,
  (href) => href,
);

export const FORMAT_WRITERS: Readonly<Record<ExportFormat, FormatWriter>> = { md: markdown, html, text };
