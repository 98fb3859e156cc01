/**
 * A Markdown file of an archive as blocks (archive-blocks.ts), by markdown-it, the parser the
 * renderers already use: lists, lazy continuation lines, quotes, reference links and links broken
 * across lines are read as CommonMark reads them, not by line patterns.
 *
 * The text of each block stays the editors' source (`inline.content`), so titles and summaries keep
 * their Markdown as written. To cut a title out of it, the link rules are wrapped to record where each
 * link starts and ends in that source; markdown-it's tokens carry no positions of their own.
 */
import MarkdownIt from 'markdown-it';
import type { StateInline, Token } from 'markdown-it';
import type { ArchiveBlock, LinkSpan, MarkdownText } from './archive-blocks.ts';

// Raw HTML on: the archive's HTML comments (`<!-- Runs on … -->`) then come out as HTML blocks, which
// are dropped, instead of paragraphs of literal text. Nothing parsed here is rendered.
const parser = new MarkdownIt('commonmark', { html: true, linkify: false });

type SpanMeta = Record<string, unknown> & { span?: Omit<LinkSpan, 'href'> };

for (const name of ['link', 'autolink'] as const) {
  const rule = findRule(name);
  parser.inline.ruler.at(name, (state: StateInline, silent: boolean) => {
    const start = state.pos;
    const firstNew = state.tokens.length;
    const labelEnd = name === 'link' ? parser.helpers.parseLinkLabel(state, start, true) : -1;
    if (!rule(state, silent)) return false;
    if (!silent) {
      const open = state.tokens.slice(firstNew).find((token) => token.type === 'link_open');
      if (open) {
        const meta = (open.meta ?? {}) as SpanMeta;
        meta.span = name === 'link'
          ? { start, end: state.pos, labelStart: start + 1, labelEnd }
          : { start, end: state.pos, labelStart: start + 1, labelEnd: state.pos - 1 };
        open.meta = meta;
      }
    }
    return true;
  });
}

type InlineRule = (state: StateInline, silent: boolean) => boolean;

function findRule(name: string): InlineRule {
  const rules = (parser.inline.ruler as unknown as { __rules__: { name: string; fn: InlineRule }[] }).__rules__;
  const found = rules.find((rule) => rule.name === name);
  if (!found) throw new Error(`markdown-it has no inline rule "${name}"`);
  return found.fn;
}

function markdownText(inline: Token | undefined): MarkdownText {
  const source = inline?.content ?? '';
  const links: LinkSpan[] = [];
  for (const child of inline?.children ?? []) {
    const span = (child.meta as SpanMeta | null)?.span;
    if (child.type === 'link_open' && span) links.push({ ...span, href: String(child.attrGet('href') ?? '') });
  }
  return { source, links };
}

/** Blocks of tokens[from, to), and the index after them. */
function readBlocks(tokens: Token[], from: number, closing: string | null): { blocks: ArchiveBlock[]; next: number } {
  const blocks: ArchiveBlock[] = [];
  let index = from;
  while (index < tokens.length) {
    const token = tokens[index];
    if (token === undefined || token.type === closing) return { blocks, next: index + 1 };
    if (token.type === 'paragraph_open' || token.type === 'heading_open') {
      const content = markdownText(tokens[index + 1]);
      blocks.push(token.type === 'heading_open'
        ? { type: 'heading', level: Number(token.tag.slice(1)), content }
        : { type: 'paragraph', content });
      index += 3;
    } else if (token.type === 'blockquote_open') {
      const inner = readBlocks(tokens, index + 1, 'blockquote_close');
      blocks.push({ type: 'quote', blocks: inner.blocks });
      index = inner.next;
    } else if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
      const close = token.type.replace('_open', '_close');
      const items: ArchiveBlock[][] = [];
      index += 1;
      while (tokens[index]?.type === 'list_item_open') {
        const item = readBlocks(tokens, index + 1, 'list_item_close');
        items.push(item.blocks);
        index = item.next;
      }
      if (tokens[index]?.type === close) index += 1;
      blocks.push({ type: 'list', ordered: token.type === 'ordered_list_open', items });
    } else {
      const text = otherText(token);
      if (text !== '') blocks.push({ type: 'other', text });
      index += 1;
    }
  }
  return { blocks, next: index };
}

function otherText(token: Token): string {
  if (token.type === 'html_block') return token.content.replace(/<!--[\s\S]*?-->/g, '').trim();
  if (token.type === 'fence' || token.type === 'code_block') return `${token.markup || '```'}\n${token.content}${token.markup || '```'}`;
  return '';
}

export function readMarkdownBlocks(markdown: string): ArchiveBlock[] {
  return readBlocks(parser.parse(markdown, {}), 0, null).blocks;
}

/** Inline Markdown as the plain text it shows (section names and authors are plain text in the model). */
export function markdownToPlainText(markdown: string): string {
  const text = (tokens: readonly Token[]): string => tokens.map((token) => {
    if (token.type === 'text' || token.type === 'code_inline') return token.content;
    if (token.type === 'softbreak' || token.type === 'hardbreak') return ' ';
    return token.children ? text(token.children) : '';
  }).join('');
  return text(parser.parseInline(markdown, {})[0]?.children ?? []).replace(/\s+/g, ' ').trim();
}
