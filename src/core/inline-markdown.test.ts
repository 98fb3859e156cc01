import { describe, expect, it } from 'vitest';
import { inlineMarkdownToHtml, inlineMarkdownToPlainText, markdownToHtml, markdownToPlainText } from './inline-markdown.ts';

const STYLES = { p: 'P', a: 'A', code: 'C', pre: 'PRE', ul: 'UL', li: 'LI', em: 'EM' };

describe('inlineMarkdownToHtml', () => {
  it.each([
    ['*em* **strong** `co<de>`', '<em style="EM">em</em> <strong>strong</strong> <code style="C">co&lt;de&gt;</code>'],
    ['[ok](https://example.com/a?b=1&c=2)', '<a href="https://example.com/a?b=1&amp;c=2" style="A">ok</a>'],
    ['<https://example.com>', '<a href="https://example.com" style="A">https://example.com</a>'],
    ['[bad](javascript:alert(1))', '[bad](javascript:alert(1))'],
    ['[bad](data:text/html,x)', '[bad](data:text/html,x)'],
    ['[relative](/path)', '[relative](/path)'],
    ['<javascript:alert(1)>', '&lt;javascript:alert(1)&gt;'],
    ['<b onclick="x">raw</b>', '&lt;b onclick=&quot;x&quot;&gt;raw&lt;/b&gt;'],
    ['![alt](https://example.com/i.png)', '!<a href="https://example.com/i.png" style="A">alt</a>'],
    ['# not a heading', '# not a heading'],
    ['&amp; &copy;', '&amp; ©'],
  ])('%j', (markdown, html) => {
    expect(inlineMarkdownToHtml(markdown, STYLES)).toBe(html);
  });
});

describe('markdownToHtml', () => {
  it('renders blocks with inline styles and no raw HTML', () => {
    expect(markdownToHtml('Hi *there*\n\n- one\n- two\n\n<div>raw</div>', STYLES)).toBe(
      '<p style="P">Hi <em style="EM">there</em></p>\n<ul style="UL">\n<li style="LI">one</li>\n<li style="LI">two</li>\n</ul>\n<p style="P">&lt;div&gt;raw&lt;/div&gt;</p>\n',
    );
  });

  it('renders code blocks without a class and with their final newline', () => {
    expect(markdownToHtml('```js\nlet a = 1;', STYLES)).toBe('<pre><code style="PRE">let a = 1;\n</code></pre>\n');
  });

  it('renders nothing for empty text', () => {
    expect(markdownToHtml('', STYLES)).toBe('');
  });
});

describe('markdownToPlainText', () => {
  it.each([
    ['*em* and **strong** and `code`', 'em and strong and code'],
    ['see [the paper](https://arxiv.org/abs/2106.06981)', 'see the paper (https://arxiv.org/abs/2106.06981)'],
    ['<https://example.com>', 'https://example.com'],
    ['<editor@example.com>', 'editor@example.com'],
    ['[bad](javascript:alert(1)) <b>', '[bad](javascript:alert(1)) <b>'],
    ['One\n\nTwo\nlines', 'One\n\nTwo\nlines'],
    ['# Heading\n\ntext', 'Heading\n\ntext'],
    ['- a\n- b\n  1. c\n  2. d', '- a\n- b\n  1. c\n  2. d'],
    ['3) three\n4) four', '3) three\n4) four'],
    ['- loose\n\n- list', '- loose\n\n- list'],
    ['> quoted\n> lines\n\n> > nested', '> quoted\n> lines\n\n> > nested'],
    ['```\ncode  kept\n```', 'code  kept'],
    ['a\n\n---\n\nb', 'a\n\n---\n\nb'],
  ])('%j', (markdown, text) => {
    expect(markdownToPlainText(markdown)).toBe(text);
  });

  it('writes inline Markdown on one line', () => {
    expect(inlineMarkdownToPlainText('A *b* [c](https://example.com/c) d')).toBe('A b c (https://example.com/c) d');
  });
});
