import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { HOSTILE_CASES } from '../../test/fixtures/hostile-cases.ts';
import { markdownToHtml, parseMarkdownBlocks } from '../core/inline-markdown.ts';
import { toSafeLinkUrl } from '../core/safe-url.ts';
import { MarkdownView, markdownTokensToVnodes } from './markdown-view.tsx';

type DomTree = string | { tag: string; attributes: string[][]; children: DomTree[] };

const { document } = parseHTML('<!doctype html><html><body></body></html>');

function describeNode(node: Node): DomTree {
  if (node.nodeType === 3) return node.textContent ?? '';
  if (node.nodeType !== 1) return `#${node.nodeName}`;
  const element = node as Element;
  const attributes = [...element.attributes].map(({ name, value }) => [name, value]).sort(([a = ''], [b = '']) => a.localeCompare(b));
  return { tag: element.localName, attributes, children: joinText([...element.childNodes].map(describeNode)) };
}

/** linkedom's parser splits text at character references; a browser's keeps it one node. */
function joinText(nodes: DomTree[]): DomTree[] {
  const joined: DomTree[] = [];
  for (const node of nodes) {
    const last = joined[joined.length - 1];
    if (typeof node === 'string' && typeof last === 'string') joined[joined.length - 1] = last + node;
    else joined.push(node);
  }
  return joined;
}

/** What the exports' HTML becomes in a page: the tree an HTML parser builds from it. */
function exportedTree(markdown: string): DomTree[] {
  const { document: parsed } = parseHTML(`<!doctype html><html><body><div>${markdownToHtml(markdown, {})}</div></body></html>`);
  return joinText([...(parsed.body.firstChild as Element).childNodes].map(describeNode));
}

function renderView(markdown: string): Element {
  const container = document.createElement('section');
  render(h(MarkdownView, { markdown, empty: h('p', { class: 'hint' }, 'Nothing yet.') }), container as unknown as Element);
  return container as unknown as Element;
}

/** The view's tree, or none when it shows its placeholder. */
function viewTree(markdown: string): DomTree[] {
  const view = renderView(markdown).firstChild as Element;
  if (view.localName === 'p' && view.className === 'hint') return [];
  expect(view.localName).toBe('div');
  return [...view.childNodes].map(describeNode);
}

/** What the exports' Markdown may become: the placeholder, the view's element and the parser's tags. */
const ALLOWED_TAGS = ['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'pre', 'code', 'hr', 'em', 'strong', 'a', 'br'];

const NORMAL_CASES: Array<[name: string, markdown: string]> = [
  ['paragraphs and emphasis', 'One *two* **three** `four`\nsoft break\n\nSecond paragraph.  \nafter a hard break\\\nand another'],
  ['headings', '# One\n\n## Two ##\n\nSetext\n======\n\n###### Six'],
  ['tight list with a nested list', '- one\n- two\n  - nested *a*\n  - nested b\n- three'],
  ['loose list', '1. one\n\n2. two\n\n   still two\n3. three'],
  ['ordered list starting at 7', '7) seven\n8) eight'],
  ['quote with a list and code', '> quoted\n>\n> - item\n>\n>     indented code\n\n---\n\n***'],
  ['fences with and without info', '```js\nconst a = "<b>" && 1;\n```\n\n~~~\nunclosed at the end'],
  ['fence right after a tight list paragraph', '- a\n  ```\n  code\n  ```\n- b\n  ---'],
  ['links with titles and entities', '[a](https://example.com/?a=1&b=2 "T & \\"q\\"") <https://example.com/x> <mailto:me@example.com> <me@example.com> &copy; &#x3C;'],
  ['reference links', '[text][r] and [r]\n\n[r]: https://example.com/r "title"'],
  ['only a link definition', '[r]: https://example.com/r'],
  ['empty list items and lazy lines', '-\n- \n  text\nlazy\n\n1.\n2. x'],
  ['unicode and control characters', 'ünïcödé \u202e rtl \u0000 nul\ttab'],
];

describe('MarkdownView', () => {
  it.each(NORMAL_CASES)('shows %s exactly as the HTML export does', (_name, markdown) => {
    expect(viewTree(markdown)).toEqual(exportedTree(markdown));
  });

  it.each(HOSTILE_CASES.map((hostile) => [`${hostile.field}: ${hostile.name}`, hostile.input] as const))(
    'shows the hostile input %s exactly as the HTML export does', (_name, markdown) => {
      expect(viewTree(markdown)).toEqual(exportedTree(markdown));
    });

  it('matches the HTML export on random Markdown-like text', () => {
    const pieces = ['*', '_', '**', '`', '```', '~~~', '[', ']', '(', ')', '<', '>', '&amp;', '&', '"', '\\', '#', '- ', '1. ', '2) ', '> ',
      '    ', '  ', '\n', '\n\n', '---', '===', 'text', 'https://example.com/a', 'javascript:alert(1)', 'mailto:x@example.com', '<b>', '<!--', '|'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
      const markdown = parts.join('');
      expect(viewTree(markdown)).toEqual(exportedTree(markdown));
    }), { numRuns: 400 });
  });

  it.each(HOSTILE_CASES.map((hostile) => [`${hostile.field}: ${hostile.name}`, hostile.input] as const))(
    'lets no unsafe link, script, image or event handler through for %s', (_name, markdown) => {
      const view = renderView(markdown);
      const elements = [...view.querySelectorAll('*')];
      const tags = new Set(elements.map((element) => element.localName));
      const attributes = new Set(elements.flatMap((element) => [...element.attributes].map(({ name }) => name)));
      const unsafeLinks = [...view.querySelectorAll('a')].map((link) => link.getAttribute('href') ?? '').filter((href) => toSafeLinkUrl(href) === null);
      expect([...tags].filter((tag) => !ALLOWED_TAGS.includes(tag))).toEqual([]);
      expect([...attributes].filter((name) => !['href', 'title', 'start'].includes(name))).toEqual([]);
      expect(unsafeLinks).toEqual([]);
    });

  it('drops a link target and attributes the parser should never have let through, and refuses unknown tags', () => {
    const tokens = parseMarkdownBlocks('[a](https://example.com/) and *b*');
    const link = tokens[1]?.children?.find((token) => token.type === 'link_open');
    link?.attrSet('href', 'javascript:alert(1)');
    link?.attrSet('onclick', 'alert(2)');
    const container = document.createElement('div');
    render(h('div', null, markdownTokensToVnodes(tokens)), container as unknown as Element);
    expect(container.innerHTML).toBe('<div><p><a>a</a> and <em>b</em></p>\n</div>');

    const emphasis = tokens[1]?.children?.find((token) => token.type === 'em_open');
    if (emphasis) emphasis.tag = 'script';
    expect(() => markdownTokensToVnodes(tokens)).toThrow(/cannot show the Markdown token em_open \(<script>\)/);
  });

  it('keeps an unsafe link as its literal text', () => {
    const view = renderView('[click](javascript:alert(1)) <javascript:alert(2)>');
    expect(view.querySelectorAll('a')).toHaveLength(0);
    expect(view.textContent).toBe('[click](javascript:alert(1)) <javascript:alert(2)>\n');
  });

  it.each([[''], ['   \n\n'], ['[r]: https://example.com/r']])('shows the placeholder for %j', (markdown) => {
    const view = renderView(markdown);
    expect(view.children).toHaveLength(1);
    expect(view.firstElementChild?.outerHTML).toBe('<p class="hint">Nothing yet.</p>');
  });
});
