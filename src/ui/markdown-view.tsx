/**
 * The editor's block Markdown shown as the exports show it: the exports' own parser and tokens
 * (src/core/inline-markdown.ts), turned into the same elements, attributes and text that
 * `markdownToHtml(markdown, {})` writes, including its newlines between blocks. The tree is built as
 * vnodes instead of handing that HTML to the page, so the extension has no HTML-parsing sink (addons.mozilla.org's linter warns on each).
 *
 * Only the elements and attributes that parser can produce are built, and a link keeps its href only
 * when `toSafeLinkUrl` accepts it, the same gate the parser applied.
 */
import { h, type ComponentChild, type ComponentChildren } from 'preact';
import { parseMarkdownBlocks, type Token } from '../core/inline-markdown.ts';
import { toSafeLinkUrl } from '../core/safe-url.ts';

const ELEMENTS_BY_TAG: Readonly<Record<string, readonly string[]>> = {
  p: [], h1: [], h2: [], h3: [], h4: [], h5: [], h6: [], blockquote: [], ul: [], ol: ['start'], li: [], hr: [],
  em: [], strong: [], a: ['href', 'title'],
};

interface OpenElement {
  tag: string;
  props: Record<string, string>;
  children: ComponentChild[];
}

function propsOf(token: Token): Record<string, string> {
  const allowed = ELEMENTS_BY_TAG[token.tag];
  if (!allowed) throw new Error(`MarkdownView cannot show the Markdown token ${token.type} (<${token.tag}>)`);
  const props: Record<string, string> = {};
  for (const [name, value] of token.attrs ?? []) {
    if (!allowed.includes(name) || (name === 'href' && toSafeLinkUrl(String(value)) === null)) continue;
    props[name] = String(value);
  }
  return props;
}

/** Adds a child, joining adjacent text as the HTML parser would, so the DOM matches node for node. */
function append(parent: OpenElement, child: ComponentChild): void {
  if (child === '') return;
  const last = parent.children.length - 1;
  const previous = parent.children[last];
  if (typeof child === 'string' && typeof previous === 'string') parent.children[last] = previous + child;
  else parent.children.push(child);
}

/** The token before `index`, skipping hidden leaves, as markdown-it's `renderToken` looks back. */
function followsHiddenClose(tokens: Token[], index: number): boolean {
  let previous = index - 1;
  while (previous >= 0 && tokens[previous]?.hidden && tokens[previous]?.nesting === 0) previous--;
  const token = tokens[previous];
  return token !== undefined && token.hidden && token.nesting === -1;
}

/** Whether markdown-it's `renderToken` writes a newline after this block tag. */
function newlineAfter(tokens: Token[], index: number): boolean {
  const token = tokens[index] as Token;
  if (!token.block) return false;
  if (token.nesting !== 1) return true;
  let next = index + 1;
  while (next < tokens.length && tokens[next]?.hidden && tokens[next]?.nesting === 0) next++;
  const nextToken = tokens[next];
  if (!nextToken) return true;
  return !(nextToken.type === 'inline' || nextToken.hidden || (nextToken.nesting === -1 && nextToken.tag === token.tag));
}

/** `<code>` with no child at all when empty, as the HTML parser builds it from `<code></code>`. */
function code(text: string): ComponentChild {
  return text === '' ? h('code', null) : h('code', null, text);
}

/** The exports write a code block's text with a final newline (see `prepareForEmail` in inline-markdown.ts). */
function codeBlock(content: string): ComponentChild {
  return h('pre', null, code(content.replace(/(?<=[^\n])$/, '\n')));
}

/** Leaf tokens that markdown-it writes with a rule of their own rather than as a tag. */
function leafContent(token: Token): ComponentChild[] | null {
  switch (token.type) {
    case 'text': return [token.content];
    case 'softbreak': return ['\n'];
    case 'hardbreak': return [h('br', null), '\n'];
    case 'code_inline': return [code(token.content)];
    case 'fence':
    case 'code_block': return [codeBlock(token.content), '\n'];
    default: return null;
  }
}

function addTokens(tokens: Token[], root: OpenElement): void {
  const open: OpenElement[] = [root];
  const current = (): OpenElement => open[open.length - 1] as OpenElement;
  for (const [index, token] of tokens.entries()) {
    if (token.type === 'inline') {
      addTokens(token.children ?? [], current());
      continue;
    }
    const leaf = leafContent(token);
    if (leaf) {
      for (const child of leaf) append(current(), child);
      continue;
    }
    // Every other token is a tag, written as markdown-it's default `renderToken` writes it.
    if (token.hidden) continue;
    if (token.block && token.nesting !== -1 && followsHiddenClose(tokens, index)) append(current(), '\n');
    if (token.nesting === 1) {
      open.push({ tag: token.tag, props: propsOf(token), children: [] });
    } else if (token.nesting === -1) {
      const closed = open.pop();
      if (!closed || open.length === 0) throw new Error(`MarkdownView: unbalanced Markdown token ${token.type}`);
      append(current(), h(closed.tag, closed.props, ...closed.children));
    } else {
      append(current(), h(token.tag, propsOf(token)));
    }
    if (newlineAfter(tokens, index)) append(current(), '\n');
  }
}

/** Block tokens of the exports' parser (`parseMarkdownBlocks`) as vnodes; throws on a tag it does not expect. */
export function markdownTokensToVnodes(tokens: Token[]): ComponentChild[] {
  const root: OpenElement = { tag: '', props: {}, children: [] };
  addTokens(tokens, root);
  return root.children;
}

interface Props {
  markdown: string;
  /** Shown instead when the Markdown renders to nothing (empty, blank, only link definitions). */
  empty?: ComponentChildren;
}

export function MarkdownView({ markdown, empty }: Props) {
  const blocks = markdownTokensToVnodes(parseMarkdownBlocks(markdown));
  return blocks.length === 0 ? <>{empty}</> : <div>{blocks}</div>;
}
