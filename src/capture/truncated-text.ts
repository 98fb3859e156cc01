import { sentenceEnds } from '../core/cut-summary.ts';

/**
 * How sites mark a description they cut: an ellipsis ("…", "..."), WordPress's "[…]" excerpt
 * ending (also as "[&hellip;]" or "[...]"), or "(...)".
 */
const TRUNCATION_MARK = /\s*(?:…|\.\.\.|\[\s*(?:…|\.\.\.)\s*\]|\(\s*(?:…|\.\.\.)\s*\))$/;

// Keep the whole sentences of a cut text only when they are most of it; else its fragment must stay.
const MIN_KEPT_SHARE = 0.5;

export function isTruncated(text: string): boolean {
  return TRUNCATION_MARK.test(text);
}

/** The text without its truncation mark: what the site kept of the original. */
export function withoutTruncationMark(text: string): string {
  return text.replace(TRUNCATION_MARK, '');
}

/**
 * A cut text ends mid-sentence ("… toward the gym. It (...)"): ends it at its last whole sentence
 * instead, when that keeps most of it; otherwise keeps the fragment with a plain "…".
 */
export function dropTruncatedTail(text: string): string {
  if (!isTruncated(text)) return text;
  const kept = withoutTruncationMark(text);
  const lastEnd = sentenceEnds(kept).at(-1);
  if (lastEnd !== undefined && lastEnd >= kept.length * MIN_KEPT_SHARE) return kept.slice(0, lastEnd).trim();
  return `${kept.replace(/[\s,;:–—-]+$/, '')}…`;
}
