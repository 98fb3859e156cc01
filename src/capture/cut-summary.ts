/**
 * Cuts a summary to `maxLength` characters at a sentence end. When whole sentences would keep
 * less than 40% of the budget (one very long first sentence), cuts at a word instead and says so
 * with an ellipsis.
 */
const ABBREVIATION = /(?:^|[\s(])(?:[A-Z]|Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|vs|etc|e\.g|i\.e|cf|al|Inc|Ltd|Co|Corp|No|Nr|Fig|Vol|Gen|Gov|Sen|Rep|U\.S|U\.K|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|bzw|ca|z\.B|d\.h|usw)$/;
const SENTENCE_END = /[.!?…。！？]["'”’»)\]]*(?=\s|$)|[。！？]/g;

export function cutAtSentence(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let lastEnd = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    if (end > maxLength) break;
    if (isSentenceEnd(text, match.index, end)) lastEnd = end;
  }
  if (lastEnd >= maxLength * 0.4) return text.slice(0, lastEnd).trim();
  const window = text.slice(0, maxLength);
  const lastSpace = window.search(/\s\S*$/);
  const cut = lastSpace > maxLength * 0.5 ? window.slice(0, lastSpace) : window.slice(0, maxLength - 1);
  return `${cut.replace(/[\s,;:–—-]+$/, '')}…`;
}

function isSentenceEnd(text: string, markIndex: number, end: number): boolean {
  if (text[markIndex] !== '.') return true;
  if (ABBREVIATION.test(text.slice(Math.max(0, markIndex - 6), markIndex))) return false;
  // "3.5 million" and "e.g. the" are not sentence ends: the next word must not start in lower case.
  const next = text.slice(end).trimStart()[0];
  return next === undefined || !/\p{Ll}/u.test(next);
}
