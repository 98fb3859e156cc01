/**
 * The plain structure every archive form is read into before it becomes issues: blocks (headings,
 * paragraphs, quotes, lists) whose text is inline Markdown with its links located. Markdown files get
 * here through archive-markdown.ts; HTML pages, saved emails and feed entries through a DOM walk
 * outside the core (src/archive/), which hands over `HtmlBlock`s of plain inline nodes, turned into
 * Markdown here. One shape, so one set of rules (archive-issue.ts) decides what is an item.
 */

/** A link in a run of inline Markdown: `source.slice(start, end)` is the whole link, `labelStart..labelEnd` its text. */
export interface LinkSpan {
  start: number;
  end: number;
  labelStart: number;
  labelEnd: number;
  href: string;
}

/** Inline Markdown as the archive's editors wrote it (or as converted from HTML), with its links. */
export interface MarkdownText {
  source: string;
  links: LinkSpan[];
}

export type ArchiveBlock<I = MarkdownText> =
  | { type: 'heading'; level: number; content: I }
  | { type: 'paragraph'; content: I }
  | { type: 'quote'; blocks: ArchiveBlock<I>[] }
  | { type: 'list'; ordered: boolean; items: ArchiveBlock<I>[][] }
  /** Code, rules, tables, raw HTML: never an item; kept as its text when it falls in an intro or outro. */
  | { type: 'other'; text: string };

/** Inline content read from HTML, as plain data (no DOM crosses into the core). */
export type InlineNode =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'em' | 'strong'; children: InlineNode[] }
  | { type: 'link'; href: string; children: InlineNode[] }
  | { type: 'break' };

export type HtmlBlock = ArchiveBlock<InlineNode[]>;

/**
 * Text as inline Markdown that reads back as the same text: a backslash only before what would start
 * syntax (CommonMark backslash escapes are lossless), so ordinary titles look unchanged. The editor's
 * capture path has its own copy of this rule (decision 1 of the lead); both follow the same spec.
 */
function escapeMarkdownText(text: string, atLineStart: boolean): string {
  const escaped = text.replace(/[\\`*_[\]<>]|&(?=#?[0-9A-Za-z]+;)/g, (char, offset: number, whole: string) =>
    char === '_' && /[\p{L}\p{N}]/u.test(whole[offset - 1] ?? '') && /[\p{L}\p{N}]/u.test(whole[offset + 1] ?? '') ? char : `\\${char}`);
  return atLineStart ? escaped.replace(/^(\s*)([#>+=-]|\d+[.)])/, (_all, space: string, start: string) => space + start.replace(/[#>+=\-.)]$/, '\\$&')) : escaped;
}

function codeSpan(text: string): string {
  const fence = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const padding = /^[` ]|[` ]$/.test(text) ? ' ' : '';
  return `${fence}${padding}${text}${padding}${fence}`;
}

function destination(href: string): string {
  return /[\s<>()\\]/.test(href) ? `<${href.replace(/[<>\\\n]/g, (char) => encodeURIComponent(char))}>` : href;
}

/** HTML's inline nodes as Markdown, whitespace folded as a browser shows it, with the links located. */
export function inlineNodesToMarkdown(nodes: readonly InlineNode[]): MarkdownText {
  const links: LinkSpan[] = [];
  let source = '';
  const write = (list: readonly InlineNode[], inLink: boolean) => {
    for (const node of list) {
      if (node.type === 'text') source += escapeMarkdownText(node.text.replace(/\s+/g, ' '), source.trim() === '' || source.endsWith('\n'));
      else if (node.type === 'code') source += codeSpan(node.text.replace(/\s+/g, ' '));
      else if (node.type === 'break') source += '\n';
      else if (node.type === 'link' && !inLink) {
        const start = source.length;
        source += '[';
        write(node.children, true);
        const labelEnd = source.length;
        source += `](${destination(node.href)})`;
        links.push({ start, end: source.length, labelStart: start + 1, labelEnd, href: node.href });
      } else if (node.type === 'link') write(node.children, inLink);
      else {
        const marker = node.type === 'em' ? '*' : '**';
        const inner = inlineText(node.children);
        if (inner.trim() === '') write(node.children, inLink);
        else {
          source += marker;
          write(node.children, inLink);
          source += marker;
        }
      }
    }
  };
  write(nodes, false);
  return trimMarkdownText({ source, links });
}

function inlineText(nodes: readonly InlineNode[]): string {
  return nodes.map((node) => (node.type === 'text' || node.type === 'code' ? node.text : node.type === 'break' ? '\n' : inlineText(node.children))).join('');
}

/** Leading and trailing whitespace removed, the links moved with the text. */
function trimMarkdownText(text: MarkdownText): MarkdownText {
  const lead = text.source.length - text.source.trimStart().length;
  const source = text.source.trim();
  return { source, links: text.links.map((link) => ({ ...link, start: link.start - lead, end: link.end - lead,
    labelStart: link.labelStart - lead, labelEnd: link.labelEnd - lead })) };
}

export function htmlBlocksToMarkdown(blocks: readonly HtmlBlock[]): ArchiveBlock[] {
  return blocks.flatMap((block): ArchiveBlock[] => {
    if (block.type === 'heading' || block.type === 'paragraph') {
      const content = inlineNodesToMarkdown(block.content);
      return content.source === '' ? [] : [{ ...block, content }];
    }
    if (block.type === 'quote') return [{ type: 'quote', blocks: htmlBlocksToMarkdown(block.blocks) }];
    if (block.type === 'list') return [{ type: 'list', ordered: block.ordered, items: block.items.map(htmlBlocksToMarkdown) }];
    return [block];
  });
}

/** Blocks written back as Markdown (intros and outros): paragraphs as written, quotes and lists re-marked. */
export function blocksToMarkdown(blocks: readonly ArchiveBlock[]): string {
  return blocks.map((block) => {
    if (block.type === 'paragraph') return block.content.source;
    if (block.type === 'heading') return `${'#'.repeat(block.level)} ${block.content.source}`;
    if (block.type === 'other') return block.text;
    if (block.type === 'quote') return prefixLines(blocksToMarkdown(block.blocks), '> ', '>');
    return block.items.map((item, index) => {
      const marker = block.ordered ? `${index + 1}. ` : '- ';
      return marker + prefixLines(blocksToMarkdown(item), ' '.repeat(marker.length), '').slice(marker.length);
    }).join('\n');
  }).filter((text) => text !== '').join('\n\n');
}

function prefixLines(text: string, prefix: string, blankPrefix: string): string {
  return text.split('\n').map((line) => (line === '' ? blankPrefix : prefix + line)).join('\n');
}
