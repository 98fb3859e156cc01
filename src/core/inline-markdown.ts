/**
 * The editor's Markdown (intro, outro and item summaries), parsed once by one configured parser
 * and written out for each export format.
 *
 * Why one parser: what a reader sees must not depend on the format. The HTML export renders the
 * parser's tokens; the Markdown export re-serializes the same tokens with escaping (see
 * render-markdown.ts), so a consumer's parser sees exactly the structure this parser saw; the plain
 * text export prints their text.
 *
 * Decisions:
 * - `html: false`: raw HTML is shown as literal text, never passed through.
 * - `linkify: false`: only links the editor wrote become links.
 * - `validateLink` accepts only what `toSafeLinkUrl` accepts; an unsafe link stays its literal text.
 * - Images are off: `![alt](url)` becomes `!` and a link (an email must not load remote images).
 * - A summary is one paragraph in every format: issue-view.ts folds its newlines into spaces.
 * - Plain text writes a link as `text (url)`, or just the URL when the text is the URL.
 * - A second instance of the same parser keeps backslash escapes and entities as their own tokens
 *   (markdown-it's `text_join` off), so the Markdown export can write them back as the editor typed
 *   them: `\_` stays `\_` and `&amp;` stays `&amp;` (see markdown-writer.ts).
 */
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { toSafeLinkUrl } from './safe-url.ts';

export type { Token };

function createParser(): Parser {
  const instance = new MarkdownIt('commonmark', { html: false, linkify: false, xhtmlOut: false });
  instance.disable(['html_block', 'html_inline', 'image']);
  instance.validateLink = (url) => toSafeLinkUrl(url) !== null;
  return instance;
}

type Parser = ReturnType<typeof MarkdownIt>;

const parser = createParser();
const faithfulParser = createParser();
faithfulParser.core.ruler.disable('text_join');

/** Inline `style` attribute per HTML tag (`pre` styles code blocks), for email clients that drop `<style>`. */
export type TagStyles = Readonly<Partial<Record<string, string>>>;

export function parseMarkdownBlocks(markdown: string): Token[] {
  return parser.parse(markdown, {});
}

// Characters that can start inline syntax in our parser (escape, code, emphasis, link, autolink,
// entity); text without any of them is one text token, and skipping the parser for it halves the
// cost of an export whose titles are plain (most are).
const INLINE_SYNTAX = /[\\`*_[\]<&\n]/;

// markdown-it's Token class, which it exposes only on its parser states.
const TextToken = new parser.core.State('', parser, {}).Token;

function inlineTokens(instance: Parser, markdown: string): Token[] {
  if (!INLINE_SYNTAX.test(markdown)) {
    if (markdown === '') return [];
    const text = new TextToken('text', '', 0);
    text.content = markdown;
    return [text];
  }
  return instance.parseInline(markdown, {})[0]?.children ?? [];
}

export function parseMarkdownInline(markdown: string): Token[] {
  return inlineTokens(parser, markdown);
}

/** Like `parseMarkdownBlocks`, with backslash escapes and entities kept as `text_special` tokens (their `markup` is the source). */
export function parseMarkdownBlocksFaithfully(markdown: string): Token[] {
  return faithfulParser.parse(markdown, {});
}

/** Like `parseMarkdownInline`, with backslash escapes and entities kept as `text_special` tokens. */
export function parseMarkdownInlineFaithfully(markdown: string): Token[] {
  return inlineTokens(faithfulParser, markdown);
}

// A consumer that trusts everything, as the worst Markdown-to-email tool does: raw HTML on, images
// and strikethrough on, every link kept. What it reads in a text is what a reader may get.
const trustingConsumer = new MarkdownIt({ html: true, linkify: false });
trustingConsumer.validateLink = () => true;

/** Block tokens as the trusting consumer reads them (output-guard.ts checks a template's Markdown with it). */
export function parseAsTrustingConsumer(markdown: string): Token[] {
  return trustingConsumer.parse(markdown, {});
}

/** Inline tokens as the trusting consumer reads them. */
export function parseInlineAsTrustingConsumer(markdown: string): Token[] {
  return trustingConsumer.parseInline(markdown, {})[0]?.children ?? [];
}

/** The inline tokens without their links: a linked title cannot hold links of its own (a link inside a link is neither Markdown nor HTML). */
export function withoutLinks(tokens: Token[]): Token[] {
  return tokens.filter((token) => token.type !== 'link_open' && token.type !== 'link_close');
}

export interface InlineOptions {
  /** False for a title: its links become their text. */
  links?: boolean;
}

function parseInlineFor(markdown: string, { links = true }: InlineOptions): Token[] {
  const tokens = parseMarkdownInline(markdown);
  return links ? tokens : withoutLinks(tokens);
}

function prepareForEmail(tokens: Token[], styles: TagStyles): Token[] {
  for (const token of tokens) {
    const isCodeBlock = token.type === 'fence' || token.type === 'code_block';
    if (isCodeBlock) {
      // No info string (it would become a class, and email styles nothing by class), and the final
      // newline that a fence left open at the end of the text lacks.
      token.info = '';
      token.content = token.content.replace(/(?<=[^\n])$/, '\n');
    }
    const style = styles[isCodeBlock ? 'pre' : token.tag];
    if (style !== undefined && token.nesting !== -1) token.attrSet('style', style);
    if (token.children) prepareForEmail(token.children, styles);
  }
  return tokens;
}

/** Block Markdown (paragraphs, lists, headings, quotes, code) as HTML with inline styles. */
export function markdownToHtml(markdown: string, styles: TagStyles): string {
  return parser.renderer.render(prepareForEmail(parseMarkdownBlocks(markdown), styles), parser.options, {});
}

/** Inline Markdown (emphasis, code, links) as HTML phrasing content, for inside a `<p>`. */
export function inlineMarkdownToHtml(markdown: string, styles: TagStyles, options: InlineOptions = {}): string {
  return inlineTokensToEmailHtml(parseInlineFor(markdown, options), styles);
}

/** Inline tokens from `parseMarkdownInline` as HTML phrasing content (see `inlineMarkdownToHtml`); styles them in place. */
export function inlineTokensToEmailHtml(tokens: Token[], styles: TagStyles): string {
  return parser.renderer.renderInline(prepareForEmail(tokens, styles), parser.options, {});
}

/** How one format writes the pieces of a Markdown document; lists and quotes are laid out by `writeBlocks`. */
export interface BlockWriter {
  /** An inline run (paragraph or heading content); soft breaks as `\n`. */
  inline(children: Token[]): string;
  heading(text: string, level: number): string;
  /** A code block's text, ending with a newline unless empty. */
  code(content: string): string;
  rule: string;
}

/** Writes block tokens as text blocks separated by blank lines, with list markers and `> ` quote prefixes. */
export function writeBlocks(tokens: Token[], writer: BlockWriter): string {
  return writeRange(tokens, 0, tokens.length, writer).join('\n\n');
}

function closingIndex(tokens: Token[], open: number): number {
  const level = tokens[open]?.level;
  let index = open + 1;
  while (index < tokens.length && !(tokens[index]?.nesting === -1 && tokens[index]?.level === level)) index++;
  return index;
}

function prefixLines(text: string, first: string, rest: string): string {
  return text.split('\n').map((line, index) => {
    const prefix = index === 0 ? first : rest;
    return line === '' ? prefix.trimEnd() : prefix + line;
  }).join('\n');
}

function writeRange(tokens: Token[], from: number, to: number, writer: BlockWriter): string[] {
  const blocks: string[] = [];
  for (let index = from; index < to; index++) {
    const token = tokens[index] as Token;
    const end = token.nesting === 1 ? closingIndex(tokens, index) : index;
    const inline = (): string => writer.inline(tokens[index + 1]?.children ?? []);
    if (token.type === 'paragraph_open') blocks.push(inline());
    else if (token.type === 'heading_open') blocks.push(writer.heading(inline().replace(/\n/g, ' '), Number(token.tag.slice(1))));
    else if (token.type === 'blockquote_open') blocks.push(prefixLines(writeRange(tokens, index + 1, end, writer).join('\n\n'), '> ', '> '));
    else if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') blocks.push(writeList(tokens, index, end, writer));
    else if (token.type === 'fence' || token.type === 'code_block') blocks.push(writer.code(token.content));
    else if (token.type === 'hr') blocks.push(writer.rule);
    index = end;
  }
  return blocks.filter((block) => block !== '');
}

function writeList(tokens: Token[], open: number, close: number, writer: BlockWriter): string {
  const list = tokens[open];
  const ordered = list?.type === 'ordered_list_open';
  let number = Number(list?.attrGet('start') ?? 1);
  // The original marker (`-`, `*`, `+`; `.` or `)` after a number) keeps two adjacent lists apart.
  const delimiter = ordered ? (tokens[open + 1]?.markup ?? '.') : (list?.markup ?? '-');
  // markdown-it hides the paragraphs of a tight list; a loose list keeps blank lines between items.
  const tight = tokens.slice(open, close).some((t) => t.type === 'paragraph_open' && t.hidden && t.level === (list?.level ?? 0) + 2);
  const items: string[] = [];
  for (let index = open + 1; index < close; index++) {
    const end = closingIndex(tokens, index);
    const marker = ordered ? `${number++}${delimiter} ` : `${delimiter} `;
    const body = writeRange(tokens, index + 1, end, writer).join(tight ? '\n' : '\n\n');
    items.push(prefixLines(body, marker, ' '.repeat(marker.length)));
    index = end;
  }
  return items.join(tight ? '\n' : '\n\n');
}

function inlineToPlainText(children: Token[]): string {
  let text = '';
  let label = { start: 0, href: '' };
  for (const token of children) {
    if (token.type === 'text' || token.type === 'text_special' || token.type === 'code_inline') text += token.content;
    else if (token.type === 'softbreak' || token.type === 'hardbreak') text += '\n';
    else if (token.type === 'link_open') label = { start: text.length, href: toSafeLinkUrl(String(token.attrGet('href') ?? '')) ?? '' };
    else if (token.type === 'link_close') {
      const shown = text.slice(label.start);
      // An autolink's text already is its URL: print it once.
      if (![shown, `${shown}/`, `mailto:${shown}`].includes(label.href)) text += ` (${label.href})`;
    }
  }
  return text;
}

const plainTextWriter: BlockWriter = {
  inline: inlineToPlainText,
  heading: (text) => text,
  code: (content) => content.replace(/\n$/, ''),
  rule: '---',
};

/** Block Markdown as plain text: markers dropped, links as `text (url)`, list markers and quote prefixes kept. */
export function markdownToPlainText(markdown: string): string {
  return writeBlocks(parseMarkdownBlocks(markdown), plainTextWriter);
}

/** Inline Markdown as plain text (see `markdownToPlainText`). */
export function inlineMarkdownToPlainText(markdown: string, options: InlineOptions = {}): string {
  return inlineToPlainText(parseInlineFor(markdown, options));
}

/** Inline tokens as plain text (see `markdownToPlainText`). */
export const inlineTokensToPlainText: (tokens: Token[]) => string = inlineToPlainText;

/**
 * Inline tokens as HTML phrasing content, with text escaped by `escapeText`. The item titles use it
 * (with `withoutLinks`) so they keep the export's own escaping, byte for byte as before titles were
 * Markdown; summaries go through markdown-it's renderer (`inlineMarkdownToHtml`).
 */
export function inlineTokensToHtml(tokens: Token[], styles: TagStyles, escapeText: (text: string) => string): string {
  const open = (tag: string, attributes = ''): string => {
    const style = styles[tag];
    return `<${tag}${attributes}${style === undefined ? '' : ` style="${escapeText(style)}"`}>`;
  };
  let html = '';
  for (const token of tokens) {
    if (token.type === 'text' || token.type === 'text_special') html += escapeText(token.content);
    else if (token.type === 'code_inline') html += `${open('code')}${escapeText(token.content)}</code>`;
    else if (token.type === 'softbreak') html += '\n';
    else if (token.type === 'hardbreak') html += '<br>\n';
    else if (token.type === 'em_open' || token.type === 'strong_open') html += open(token.tag);
    else if (token.type === 'em_close' || token.type === 'strong_close') html += `</${token.tag}>`;
    else if (token.type === 'link_open') {
      const href = toSafeLinkUrl(String(token.attrGet('href') ?? ''));
      html += open('a', href === null ? '' : ` href="${escapeText(href)}"`);
    } else if (token.type === 'link_close') html += '</a>';
  }
  return html;
}
