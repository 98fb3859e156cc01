import type { SummarySource } from './capture-types.ts';

/**
 * Cuts a summary to about `targetLength` characters at a sentence end.
 *
 * The length is a target for a newsletter blurb, not a hard limit: a description that runs a
 * little past it (up to OVERSHOOT) is the author's whole text and stays whole, and a longer text is
 * cut at the sentence end nearest the target, up to OVERSHOOT past it. Cutting a 320-character
 * description to its 140-character first sentence loses more than the extra 20 characters cost.
 * When whole sentences would keep less than 40% of the target (one very long first sentence),
 * cuts at a word instead, within the target, and says so with an ellipsis.
 */
const OVERSHOOT = 1.2;
const MIN_SHARE = 0.4;

const ABBREVIATION = /(?:^|[\s(])(?:[A-Z]|Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|vs|etc|e\.g|i\.e|cf|al|Inc|Ltd|Co|Corp|No|Nr|Fig|Vol|Gen|Gov|Sen|Rep|U\.S|U\.K|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|bzw|ca|z\.B|d\.h|usw)$/;
const SENTENCE_END = /[.!?…。！？]["'”’»)\]]*(?=\s|$)|[。！？]/g;
// German writes ordinals with a full stop ("am 3. Oktober", "im 20. Jahrhundert"): not a sentence end.
const GERMAN_ORDINAL = /(?:^|\s)\d{1,2}$/;
const GERMAN_ORDINAL_NOUN = /^(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jahrhundert|Jahrhunderts|Jahrestag|Geburtstag|Platz|Runde|Spieltag|Mal)\b/;

export function cutAtSentence(text: string, targetLength: number): string {
  if (text.length <= targetLength * OVERSHOOT) return text;
  const end = nearestSentenceEnd(text, targetLength);
  if (end !== null) return text.slice(0, end).trim();
  return cutAtWord(text, targetLength);
}

/** The sentence end closest to the target, between MIN_SHARE and OVERSHOOT of it; the shorter one on a tie. */
function nearestSentenceEnd(text: string, targetLength: number): number | null {
  let best: number | null = null;
  for (const end of sentenceEnds(text, targetLength * OVERSHOOT)) {
    if (end < targetLength * MIN_SHARE) continue;
    if (best === null || Math.abs(end - targetLength) < Math.abs(best - targetLength)) best = end;
  }
  return best;
}

/** Offsets just past each sentence end up to `limit`. */
export function sentenceEnds(text: string, limit = text.length): number[] {
  const ends: number[] = [];
  let previous = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    if (end > limit) break;
    // A "sentence" without a letter is a list number ("1.") or stray punctuation, not a sentence.
    if (!/\p{L}/u.test(text.slice(previous, match.index))) continue;
    if (!isSentenceEnd(text, match.index, end)) continue;
    ends.push(end);
    previous = end;
  }
  return ends;
}

function cutAtWord(text: string, maxLength: number): string {
  const head = text.slice(0, maxLength);
  const lastSpace = head.search(/\s\S*$/);
  const cut = lastSpace > maxLength * 0.5 ? head.slice(0, lastSpace) : head.slice(0, maxLength - 1);
  return `${cut.replace(/[\s,;:–—-]+$/, '')}…`;
}

function isSentenceEnd(text: string, markIndex: number, end: number): boolean {
  if (text[markIndex] !== '.') return true;
  const before = text.slice(Math.max(0, markIndex - 6), markIndex);
  if (ABBREVIATION.test(before)) return false;
  const rest = text.slice(end).trimStart();
  if (GERMAN_ORDINAL.test(before) && GERMAN_ORDINAL_NOUN.test(rest)) return false;
  // "3.5 million" and "e.g. the" are not sentence ends: the next word must not start in lower case.
  const next = rest[0];
  return next === undefined || !/\p{Ll}/u.test(next);
}

/** Sources whose text stays whole: the editor's own selection and a paper's abstract (nothing to cut when 'none'). */
const WHOLE_SOURCES: ReadonlySet<SummarySource> = new Set(['selection', 'abstract', 'none']);

/**
 * A capture with its summary cut to about `summaryLength` (the editor's setting). The page hands its
 * summary over whole, so one capture serves any length; cutting twice gives what cutting once does.
 */
export function cutCaptureSummary<C extends { summary: string; summarySource: SummarySource }>(capture: C, summaryLength: number): C {
  if (WHOLE_SOURCES.has(capture.summarySource)) return capture;
  const summary = cutAtSentence(capture.summary, summaryLength);
  return summary === capture.summary ? capture : { ...capture, summary };
}
