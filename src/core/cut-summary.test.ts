import { describe, expect, it } from 'vitest';
import { cutAtSentence, sentenceEnds } from './cut-summary.ts';

const sentence = (words: number) => `${Array.from({ length: words }, (_, index) => `${index === 0 ? 'Word' : 'word'}${index}`).join(' ')}.`;

describe('cutAtSentence', () => {
  it('keeps a text that fits', () => {
    expect(cutAtSentence('Short text. Two sentences.', 300)).toBe('Short text. Two sentences.');
  });

  it('cuts after the last whole sentence that fits, without an ellipsis', () => {
    const text = `First sentence here. Second sentence is here too. ${sentence(80)}`;
    expect(cutAtSentence(text, 60)).toBe('First sentence here. Second sentence is here too.');
  });

  it('cuts a first sentence longer than the budget at a word, with an ellipsis', () => {
    const cut = cutAtSentence(sentence(100), 100);
    expect(cut.length).toBeLessThanOrEqual(100);
    expect(cut).toMatch(/[Ww]ord\d+…$/);
  });

  it('prefers a word cut when whole sentences would keep too little', () => {
    const text = `Tiny. ${sentence(100)}`;
    expect(cutAtSentence(text, 200)).toMatch(/…$/);
  });

  it('keeps a text that runs up to a fifth past the target whole', () => {
    const text = `${sentence(8)} ${sentence(6)}`;
    expect(text.length).toBeGreaterThan(80);
    expect(cutAtSentence(text, 80)).toBe(text);
    expect(cutAtSentence(text, 60)).toBe(sentence(8));
  });

  it('cuts at the sentence end nearest the target, up to a fifth past it', () => {
    // Sentence ends at 30, 98 and 159 characters. For a target of 90, 98 is nearest (30 is too
    // short to stand for the text); for 70, 98 is too far past it and 30 is nearest.
    const text = `${sentence(5)} ${sentence(11)} ${sentence(10)}`;
    expect(cutAtSentence(text, 90)).toBe(`${sentence(5)} ${sentence(11)}`);
    expect(cutAtSentence(text, 70)).toBe(sentence(5));
  });

  it.each([
    ['a list number', 'Here is how it works, in order. 1. Open the settings.', ['Here is how it works, in order.', '1. Open the settings.']],
    ['a German ordinal date', 'Die Wahl ist am 3. Oktober. Danach wird gezählt.', ['Die Wahl ist am 3. Oktober.', 'Danach wird gezählt.']],
    ['a German ordinal century', 'Im 20. Jahrhundert wuchs die Stadt. Dann kam der Krieg.', ['Im 20. Jahrhundert wuchs die Stadt.', 'Dann kam der Krieg.']],
  ])('does not end a sentence at %s', (_name, text, sentences) => {
    let start = 0;
    const found = sentenceEnds(text).map((end) => {
      const sentenceText = text.slice(start, end).trim();
      start = end;
      return sentenceText;
    });
    expect(found).toEqual(sentences);
  });

  it.each([
    ['an initial', 'Written by J. R. R. Tolkien in England. Then more text follows here.', 'Written by J. R. R. Tolkien in England.'],
    ['an abbreviation', 'Dr. Smith met Mr. Jones in the U.S. today. Then more text follows here.', 'Dr. Smith met Mr. Jones in the U.S. today.'],
    ['a decimal number', 'Revenue grew 3.5 percent this year overall. Then more text follows here.', 'Revenue grew 3.5 percent this year overall.'],
    ['e.g. before a lower-case word', 'Tools, e.g. linters, help teams write code. Then more text follows here.', 'Tools, e.g. linters, help teams write code.'],
  ])('does not end a sentence at %s', (_name, text, expected) => {
    expect(cutAtSentence(text, expected.length + 5)).toBe(expected);
  });

  it('ends sentences after closing quotes and at CJK full stops', () => {
    expect(cutAtSentence('He said “stop.” Then he left the room quietly and never came back.', 20)).toBe('He said “stop.”');
    expect(cutAtSentence('今日は晴れです。明日は雨が降るでしょう。その後は曇りです。', 20)).toBe('今日は晴れです。明日は雨が降るでしょう。');
  });
});
