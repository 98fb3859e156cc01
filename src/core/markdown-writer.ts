/**
 * Writing CommonMark safely: plain text escaped, and the editor's Markdown written back from its
 * tokens, for the Markdown export and its templates.
 *
 * A consumer may render raw HTML (many do), so nothing may reach the output that its parser would
 * read as markup we did not write. Plain fields (site, authors, section names, tagline) are escaped
 * whole. The editor's Markdown (titles, summaries, intro, outro) is parsed by inline-markdown.ts and
 * written back from its tokens, text escaped, so a consumer's parser sees exactly the structure ours
 * saw: raw HTML stays text, unsafe links stay text, an unclosed code fence cannot swallow the items
 * below it. Backslash escapes are lossless in CommonMark (a backslash before ASCII punctuation always
 * means that character), so escaping more than strictly needed is harmless; we stay minimal only where
 * the output must stay readable (`_` inside words, `&` that does not look like an entity, `!` and `#`
 * away from where they act). The editor's own escapes and entities are written back as typed (their
 * token keeps the source), so an archive's Markdown comes back byte for byte.
 */
import { parseInlineAsTrustingConsumer, parseMarkdownBlocksFaithfully, parseMarkdownInlineFaithfully, withoutLinks, writeBlocks } from './inline-markdown.ts';
import type { BlockWriter, Token } from './inline-markdown.ts';
import { toSafeLinkUrl } from './safe-url.ts';

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Escapes what starts inline syntax anywhere on a line: code, emphasis, links, raw HTML, autolinks, tables, strikethrough, entities. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<|~]|&(?=#?[0-9A-Za-z]+;)/g, (char, offset: number) => {
    // `_` between two letters or digits never delimits emphasis (CommonMark, "intraword").
    const intraword = char === '_' && WORD_CHARACTER.test(text[offset - 1] ?? '') && WORD_CHARACTER.test(text[offset + 1] ?? '');
    return intraword ? char : `\\${char}`;
  });
}

/**
 * Escapes what would start a block at the beginning of a line, exactly as CommonMark reads one: a
 * heading (`#` to `######` then a space or the end), a quote (`>`), a list item (`-`, `+` or up to
 * nine digits and `.` or `)`, then a space or the end), a setext underline or thematic break (a line
 * of only `=` or `-`). `#hashtag`, `-XFlag` or `0.4.0` start no block and stay as written. (Every
 * other block start, such as a code fence, HTML or a table row, begins with a character
 * `escapeInline` already escapes.)
 */
function guardLineStart(line: string): string {
  return line
    .replace(/^(?:#{1,6}(?=[ \t]|$)|>|[+-](?=[ \t]|$)|(?=[=-]+[ \t]*$))/, '\\$&')
    .replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, '$1\\$2');
}

/** A trailing run of `#` after a space would be read as a heading's closing sequence and dropped. */
export function guardHeadingEnd(text: string): string {
  return text.replace(/(^|\s)(#+\s*)$/, '$1\\$2');
}

/**
 * Plain text as Markdown that shows it literally wherever a template puts it: inside a line, at the
 * start of a line, in a heading, inside `[link text]`.
 */
export function escapeMarkdownText(text: string): string {
  return guardHeadingEnd(guardLineStart(escapeInline(text)));
}

/** Whether every `(` in the text is closed by a later `)`: CommonMark then reads them as part of a bare destination. */
function hasBalancedParentheses(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === '(') depth++;
    else if (char === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * Spaces, controls and `<>` cannot appear in a bare destination; `\` and entity-like `&` would be
 * read as syntax, and so would parentheses unless they are balanced (`Foo_(bar)` stays as written).
 */
export function toMarkdownDestination(href: string): string {
  const encoded = href.replace(/[\p{Cc} <>]/gu, (char) => encodeURIComponent(char));
  // markdown-it, like cmark, gives up on nesting deeper than 32; a real URL never comes close.
  const parentheses = hasBalancedParentheses(encoded) && (encoded.match(/\(/g) ?? []).length <= 32 ? '' : '()';
  return encoded.replace(new RegExp(`[\\\\${parentheses}]|&(?=#?[0-9A-Za-z]+;)`, 'g'), '\\$&');
}

function codeSpan(token: Token): string {
  const { content } = token;
  const runs: string[] = content.match(/`+/g) ?? [];
  const longestRun = Math.max(0, ...runs.map((run) => run.length));
  // The editor's own fence when it still fits (its length differs from every run inside), else the shortest that does.
  const typed = /^`+$/.test(token.markup) && !runs.includes(token.markup) ? token.markup : '';
  const fence = typed || '`'.repeat(longestRun + 1);
  // CommonMark strips one space from each end, unless the content is only spaces (then it stays as is).
  const padding = /[^ ]/.test(content) && /^[` ]|[` ]$/.test(content) ? ' ' : '';
  return `${fence}${padding}${content}${padding}${fence}`;
}

function inlineToMarkdown(children: Token[]): string {
  let out = '';
  let href = '';
  let autolink = false;
  for (const token of children) {
    if (token.type === 'text' && !autolink) out += escapeInline(token.content);
    // An escape or entity the editor typed: its markup is the source, which reads back as the same character.
    else if (token.type === 'text_special') out += token.markup;
    else if (token.type === 'code_inline') out += codeSpan(token);
    else if (token.type === 'softbreak') out += '\n';
    else if (token.type === 'hardbreak') out += '\\\n';
    else if (/^(em|strong)_(open|close)$/.test(token.type)) out += token.markup;
    else if (token.type === 'link_open' && token.markup === 'autolink') {
      // `<https://…>` or `<editor@example.com>` stays an autolink: its text is the address, which the
      // autolink grammar keeps free of spaces, `<` and `>`, and the parser accepted it as safe.
      autolink = true;
      out += '<';
    } else if (token.type === 'link_close' && autolink) {
      autolink = false;
      out += '>';
    } else if (autolink && token.type === 'text') out += token.content;
    else if (token.type === 'link_open') {
      // Images are off in our parser but not in a consumer's: `!` before a link would make it one. A `!`
      // after an odd run of backslashes is already escaped (the editor typed `\!`): escaping it again
      // would turn the backslash into text and the `!` back into an image.
      out = `${out.replace(/((?:^|[^\\])(?:\\\\)*)!$/, '$1\\!')}[`;
      // The parser only made a link of a safe destination (validateLink); written as it normalized it.
      const target = String(token.attrGet('href') ?? '');
      href = toSafeLinkUrl(target) === null ? '' : target;
    } else if (token.type === 'link_close') out += `](${toMarkdownDestination(href)})`;
  }
  return out.split('\n').map(guardLineStart).join('\n');
}

/** Inline Markdown (a title or summary) written back safely; `flattenLinks` keeps only their text (for a title that is itself a link). */
export function inlineMarkdownToMarkdown(markdown: string, options: { flattenLinks?: boolean } = {}): string {
  const parsed = parseMarkdownInlineFaithfully(markdown);
  const tokens = options.flattenLinks ? withoutLinks(parsed) : parsed;
  return verbatimInlineMarkdown(markdown, parsed, { inLinkText: options.flattenLinks ?? false }) ?? inlineTokensToMarkdown(tokens);
}

/** Inline tokens from `parseMarkdownInlineFaithfully` written back safely (see `inlineMarkdownToMarkdown`). */
export function inlineTokensToMarkdown(tokens: Token[]): string {
  return guardHeadingEnd(inlineToMarkdown(tokens));
}

/** What a reader gets from inline tokens: text runs joined, with code, emphasis, links and their targets. */
function readingOf(tokens: Token[]): string[] {
  const reading: string[] = [];
  for (const token of tokens) {
    const isText = token.type === 'text' || token.type === 'text_special';
    if (isText && reading.at(-1)?.startsWith('text:')) reading[reading.length - 1] += token.content;
    else if (isText) reading.push(`text:${token.content}`);
    else if (token.type === 'code_inline') reading.push(`code:${token.content}`);
    else if (token.type === 'link_open') reading.push(`link:${String(token.attrGet('href'))}`);
    else reading.push(token.type);
  }
  return reading;
}

// What starts inline syntax for the trusting consumer: ours (inline-markdown.ts) plus images and strikethrough.
const CONSUMER_INLINE_SYNTAX = /[\\`*_[\]<&!~]/;

function hasBalancedBrackets(text: string): boolean {
  let depth = 0;
  for (const char of text.replace(/\\./g, '')) {
    if (char === '[') depth++;
    else if (char === ']' && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * The editor's inline Markdown exactly as typed, when that is as safe as writing it back from its
 * tokens; else null. It is when a consumer that trusts everything (raw HTML, images, strikethrough,
 * any link) reads the text exactly as our parser does, and the text cannot act where a template puts
 * it: not as a block at a line start (it may not start with a character that can begin one), not
 * as a heading's closing `#`s, not as a second strikethrough
 * delimiter (GFM also strikes `~single~` tildes), and, inside `[link text]`, with no link of its own
 * and its brackets balanced. Then `second* report`, `(_) wildcard`, `< 15 MB` or `a | b` stay as
 * their editors wrote them instead of gaining backslashes.
 */
export function verbatimInlineMarkdown(source: string, tokens: Token[], context: { inLinkText: boolean }): string | null {
  // Wherever a template puts it, it may be at a line start: nothing there may begin a block (a list
  // marker, heading, quote, fence, HTML, table row, rule, reference definition, ordered list).
  if (source.includes('\n') || /^[#>+\-*=_~`<|[\d]/.test(source) || guardHeadingEnd(source) !== source) return null;
  // What the template writes next must not change how the end reads: `\]` escapes the bracket, `<b` opens a tag.
  if (/[\\<]$/.test(source)) return null;
  if ((source.match(/~/g) ?? []).length > 1) return null;
  if (context.inLinkText && (tokens.some((token) => token.type === 'link_open') || !hasBalancedBrackets(source))) return null;
  // Without any character that starts inline syntax for either parser, both read one plain text.
  if (!CONSUMER_INLINE_SYNTAX.test(source)) return source;
  const ours = readingOf(tokens);
  const theirs = readingOf(parseInlineAsTrustingConsumer(source));
  return ours.length === theirs.length && ours.every((part, index) => part === theirs[index]) ? source : null;
}

const markdownWriter: BlockWriter = {
  inline: inlineToMarkdown,
  heading: (text, level) => `${'#'.repeat(level)} ${guardHeadingEnd(text)}`.trimEnd(),
  code: (content) => {
    const fence = '`'.repeat(Math.max(3, ...(content.match(/`+/g) ?? []).map((run) => run.length + 1)));
    return `${fence}\n${content.replace(/(?<=[^\n])$/, '\n')}${fence}`;
  },
  // Underscores, because `- ***` or `* ***` in a list item would be read as one thematic break.
  rule: '___',
};

/** Block Markdown (intro, outro) written back safely, block by block. */
export function blockMarkdownToMarkdown(markdown: string): string {
  return writeBlocks(parseMarkdownBlocksFaithfully(markdown), markdownWriter);
}
