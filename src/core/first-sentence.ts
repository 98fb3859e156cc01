/**
 * The first sentence of a summary, for layouts that show one line per item.
 *
 * Sentence boundaries come from the platform's Unicode segmenter (`Intl.Segmenter`, ICU's rules,
 * UAX #29), in every browser Roundup supports and in Node, so "i.e. machine learning" or "$2.5
 * billion" are not cut. The summary is inline Markdown, so the cut is made on its tokens: emphasis or
 * a link open at the cut is closed, and a code span is never split.
 */
import type { Token } from './inline-markdown.ts';

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The length of the first sentence of `text`, trailing spaces excluded. */
export function firstSentenceLength(text: string): number {
  const first = sentences.segment(text)[Symbol.iterator]().next();
  return first.done ? 0 : first.value.segment.trimEnd().length;
}

/** The first sentence of plain text. */
export function firstSentence(text: string): string {
  return text.slice(0, firstSentenceLength(text));
}

function visibleText(token: Token): string {
  if (token.type === 'text' || token.type === 'text_special' || token.type === 'code_inline') return token.content;
  return token.type === 'softbreak' || token.type === 'hardbreak' ? ' ' : '';
}

/** The inline tokens of the first sentence, with every element still open at the cut closed again. */
export function firstSentenceTokens(tokens: Token[]): Token[] {
  let remaining = firstSentenceLength(tokens.map(visibleText).join(''));
  const kept: Token[] = [];
  const open: Token[] = [];
  for (const token of tokens) {
    if (remaining <= 0 && token.nesting !== -1) break;
    if (token.nesting === 1) open.push(token);
    if (token.nesting === -1) open.pop();
    const length = visibleText(token).length;
    if (token.type === 'text' && length > remaining) {
      const cut = Object.assign(Object.create(Object.getPrototypeOf(token) as object) as Token, token, { content: token.content.slice(0, remaining) });
      kept.push(cut);
      remaining = 0;
      continue;
    }
    kept.push(token);
    remaining -= length;
  }
  for (const token of open.reverse()) kept.push(closingTokenOf(token));
  return kept;
}

function closingTokenOf(token: Token): Token {
  const type = token.type.replace(/_open$/, '_close');
  return Object.assign(Object.create(Object.getPrototypeOf(token) as object) as Token, token, { type, nesting: -1, attrs: null });
}
