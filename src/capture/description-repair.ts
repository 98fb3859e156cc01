import { cleanText } from './clean-text.ts';
import { sentenceEnds } from '../core/cut-summary.ts';
import { textOf } from './element-text.ts';
import { isTruncated, withoutTruncationMark } from './truncated-text.ts';

/**
 * What sites wrap around a description that no editor keeps: a date and time in front ("31.10.2023,
 * 10.19 Uhr : Das Wetter …"), a literal "\n" or "<p>" a template failed to turn into markup, and a call
 * to read on at the end ("… Lies hier mehr zu dem Thema.", "Continue reading →").
 */
const DATE_PREFIX = /^\d{1,2}\.\d{1,2}\.\d{2,4},?\s*(?:\d{1,2}[.:]\d{2}\s*(?:uhr|h)?\s*)?[:|–—-]\s*/i;
const READ_ON = /\s*(?:\(?(?:lies|lesen sie) (?:hier )?(?:mehr|weiter)[^.!?]*|weiterlesen|mehr lesen|mehr erfahren|jetzt lesen|read more|continue reading[^.!?]*|keep reading|learn more|find out more|lire la suite|en savoir plus|leer más|seguir leyendo|leggi tutto)\s*(?:[.!…»›→>)\]]+\s*)*$/i;

// Markup a template printed as text into the tag ("<p>Der Gemeinderat …</p>"): a block tag parts words, an
// inline one sits inside a sentence ("and <b>this</b>.") and goes without a trace.
const LITERAL_BLOCK_TAG = /<\/?(?:p|br|div|h[1-6])\b[^<>]*>/gi;
const LITERAL_INLINE_TAG = /<\/?(?:span|strong|em|b|i)\b[^<>]*>/gi;

export function withoutFurniture(text: string): string {
  return text.replace(LITERAL_BLOCK_TAG, ' ').replace(LITERAL_INLINE_TAG, '').replace(/\\[nrt]/g, ' ').replace(/\s{2,}/g, ' ').replace(DATE_PREFIX, '').replace(READ_ON, '').trim();
}

const MAX_PARAGRAPHS_SEARCHED = 60;
const MIN_PREFIX_CHARS = 40;

/**
 * A description the site cut mid-sentence ("… to force them to…") whose whole sentence is in the
 * article: the description up to the end of that sentence in the body. Only the sentence the cut
 * fell in is added, so the summary stays the site's own text.
 */
export function completeFromBody(text: string, paragraphs: ArrayLike<Element>): string | null {
  if (!isTruncated(text)) return null;
  const kept = withoutTruncationMark(text).replace(/[\s,;:–—-]+$/, '');
  if (kept.length < MIN_PREFIX_CHARS) return null;
  const probe = comparable(kept.slice(0, MIN_PREFIX_CHARS));
  for (let index = 0; index < paragraphs.length && index < MAX_PARAGRAPHS_SEARCHED; index += 1) {
    const element = paragraphs[index];
    if (!element) continue;
    const body = cleanText(textOf(element, 3000));
    const start = comparable(body).indexOf(probe);
    if (start < 0) continue;
    const from = body.slice(start);
    if (!comparable(from).startsWith(comparable(kept))) continue;
    const end = sentenceEnds(from).find((offset) => offset >= kept.length);
    return end === undefined ? null : from.slice(0, end).trim();
  }
  return null;
}

/** Same length as the text (so offsets carry over): one kind of quote, lower case. */
function comparable(text: string): string {
  return text.toLowerCase().replace(/[‘’‚‛`´]/g, "'").replace(/[“”„‟]/g, '"');
}

// A description of several sentences that the site cut without a mark ends in a fragment.
const MIN_SENTENCES_FOR_FRAGMENT = 2;
const MAX_FRAGMENT_SHARE = 0.4;

/** "First sentence. Second one. And a third that ends mid-wo": the whole sentences only. */
export function dropDanglingFragment(text: string): string {
  if (/[.!?…。！？"'”’»)\]]$/.test(text)) return text;
  const ends = sentenceEnds(text);
  const last = ends.at(-1);
  if (ends.length < MIN_SENTENCES_FOR_FRAGMENT || last === undefined) return text;
  return text.length - last <= text.length * MAX_FRAGMENT_SHARE ? text.slice(0, last).trim() : text;
}
