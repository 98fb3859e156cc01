/**
 * An issue as CommonMark, for Buttondown, Substack, static sites and anyone who pastes Markdown.
 *
 * Layout: `# Title`, the tagline in emphasis, the intro, then per section `## Section` and per
 * item `### [Title](url)` followed by its summary paragraph, then the outro. Headings (rather than
 * list items) because paper abstracts are long paragraphs and because mail tools import headings
 * as headings.
 *
 * Escaping, done once here: a consumer may render raw HTML (many do), so nothing may reach the
 * output that its parser would read as markup we did not write. Plain fields (issue title, section
 * names, tagline) are escaped whole. The model's Markdown (intro, outro, item titles and summaries) is parsed by
 * inline-markdown.ts and written back from its tokens, text escaped, so a consumer's parser sees
 * exactly the structure ours saw: raw HTML stays text, unsafe links stay text, an unclosed code
 * fence cannot swallow the items below it. Backslash escapes are lossless in CommonMark (a
 * backslash before ASCII punctuation always means that character), so escaping more than strictly
 * needed is harmless; we stay minimal only where the output must stay readable (`_` inside words,
 * `&` that does not look like an entity, `!` and `#` away from where they act).
 */
import type { Issue } from './model.ts';
import { parseMarkdownBlocks, parseMarkdownInline, withoutLinks, writeBlocks } from './inline-markdown.ts';
import type { BlockWriter, Token } from './inline-markdown.ts';
import { viewIssue } from './issue-view.ts';
import type { ItemView } from './issue-view.ts';
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

/** Escapes what starts a block at the beginning of a line: heading, quote, list item, thematic break, setext underline. */
function guardLineStart(line: string): string {
  return line.replace(/^[#>+=-]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A trailing run of `#` after a space would be read as the heading's closing sequence and dropped. */
function guardHeadingEnd(text: string): string {
  return text.replace(/(^|\s)(#+\s*)$/, '$1\\$2');
}

function escapeText(text: string): string {
  return guardLineStart(escapeInline(text));
}

/** Spaces, controls and `<>` cannot appear in a bare destination; `\ ( )` and entity-like `&` would be read as syntax. */
function toDestination(href: string): string {
  return href
    .replace(/[\p{Cc} <>]/gu, (char) => encodeURIComponent(char))
    .replace(/[\\()]|&(?=#?[0-9A-Za-z]+;)/g, '\\$&');
}

function codeSpan(content: string): string {
  const fence = '`'.repeat(Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const padding = /^[` ]|[` ]$/.test(content) ? ' ' : '';
  return `${fence}${padding}${content}${padding}${fence}`;
}

function inlineToMarkdown(children: Token[]): string {
  let out = '';
  let href = '';
  for (const token of children) {
    if (token.type === 'text') out += escapeInline(token.content);
    else if (token.type === 'code_inline') out += codeSpan(token.content);
    else if (token.type === 'softbreak') out += '\n';
    else if (token.type === 'hardbreak') out += '\\\n';
    else if (/^(em|strong)_(open|close)$/.test(token.type)) out += token.markup;
    else if (token.type === 'link_open') {
      // Images are off in our parser but not in a consumer's: `!` before a link would make it one.
      out = `${out.replace(/!$/, '\\!')}[`;
      href = toSafeLinkUrl(String(token.attrGet('href') ?? '')) ?? '';
    } else if (token.type === 'link_close') out += `](${toDestination(href)})`;
  }
  return out.split('\n').map(guardLineStart).join('\n');
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

/** The title is inline Markdown (page text was escaped at capture), written back from its tokens minus links: it is one. */
function itemHeading(item: ItemView): string {
  const title = inlineToMarkdown(withoutLinks(parseMarkdownInline(item.title)));
  if (item.href === null) return `### ${guardHeadingEnd(title)}`;
  return `### [${title}](${toDestination(item.href)})`;
}

/** The issue as CommonMark; deterministic, ends with exactly one newline. Item notes never appear. */
export function renderIssueAsMarkdown(issue: Issue): string {
  const view = viewIssue(issue);
  const blocks: string[] = [];
  if (view.title !== '') blocks.push(`# ${guardHeadingEnd(escapeText(view.title))}`);
  if (view.tagline !== '') blocks.push(`*${escapeText(view.tagline)}*`);
  blocks.push(writeBlocks(parseMarkdownBlocks(view.intro), markdownWriter));
  for (const section of view.sections) {
    blocks.push(`## ${guardHeadingEnd(escapeText(section.name))}`);
    for (const item of section.items) {
      blocks.push(itemHeading(item), inlineToMarkdown(parseMarkdownInline(item.summary)));
    }
  }
  blocks.push(writeBlocks(parseMarkdownBlocks(view.outro), markdownWriter));
  return `${blocks.filter((block) => block !== '').join('\n\n')}\n`;
}
