import { describe, expect, it } from 'vitest';
import { firstSentence, firstSentenceTokens } from './first-sentence.ts';
import { inlineTokensToMarkdown } from './markdown-writer.ts';
import { parseMarkdownInlineFaithfully } from './inline-markdown.ts';

describe('firstSentence', () => {
  it.each([
    ['One. Two.', 'One.'],
    ['TinyML, i.e. machine learning in ultra-low power systems. More.', 'TinyML, i.e. machine learning in ultra-low power systems.'],
    ['Waymo raised $2.5 billion. This round will be used.', 'Waymo raised $2.5 billion.'],
    ['Is it? Yes!', 'Is it?'],
    ['No end at all', 'No end at all'],
    ['', ''],
  ])('%j', (text, first) => {
    expect(firstSentence(text)).toBe(first);
  });

  it.each([
    ['*Big* news. More.', '*Big* news.'],
    ['It is *very good. And* more.', 'It is *very good.*'],
    ['See [the post. It](https://example.com/p) says.', 'See [the post.](https://example.com/p)'],
    ['Run `a. b` now. Then.', 'Run `a. b` now.'],
  ])('cuts Markdown %j on its tokens, closing what is open', (markdown, first) => {
    expect(inlineTokensToMarkdown(firstSentenceTokens(parseMarkdownInlineFaithfully(markdown)))).toBe(first);
  });
});
