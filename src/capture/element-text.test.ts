import { describe, expect, it } from 'vitest';
import { isHiddenByMarkup, textOf } from './element-text.ts';
import { parseHtmlDocument } from './node-document.ts';

const element = (markup: string) => {
  const found = parseHtmlDocument(`<html><body>${markup}</body></html>`).getElementById('target');
  if (!found) throw new Error('no #target');
  return found;
};

describe('textOf', () => {
  it('reads text as a reader sees it: no scripts, styles or hidden parts', () => {
    expect(textOf(element('<p id="target">Hello <b>bold</b><script>var x</script><style>p{}</style><span hidden>no</span> <span style="display: none">no</span>world</p>')))
      .toBe('Hello bold world');
  });

  it('stops after maxChars', () => {
    expect(textOf(element(`<div id="target">${'<p>abcdefghij</p>'.repeat(1000)}</div>`), 25)).toBe('abcdefghijabcdefghijabcde');
  });
});

describe('isHiddenByMarkup', () => {
  it.each([
    ['the hidden attribute', '<h1 id="target" hidden>x</h1>', true],
    ['aria-hidden on an ancestor', '<div aria-hidden="true"><h1 id="target">x</h1></div>', true],
    ['an inline display:none', '<div style="color:red; display:none"><h1 id="target">x</h1></div>', true],
    ['nothing', '<div><h1 id="target">x</h1></div>', false],
  ])('%s', (_name, markup, hidden) => {
    expect(isHiddenByMarkup(element(markup))).toBe(hidden);
  });
});
