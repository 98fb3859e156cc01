import { comparableTitle } from './comparable-title.ts';
import { isPlaceholder } from './placeholder.ts';

export interface DescriptionContext {
  title: string;
  site: string;
  host: string;
  /** A repository's one-line description is short by nature ("A fast bundler."). */
  isRepo?: boolean;
}

const JUNK_PATTERNS = [
  /^abstract page for arxiv paper/i,
  /^(?:read|learn|see|find out) more\b\W*$/i,
  /^(?:click|tap) here\b/i,
  /^continue reading\b/i,
  // Cookie and consent banners that some CMSs copy into the description.
  /\b(?:we|this (?:web)?site|our (?:web)?site) uses? cookies\b|\baccept (?:all )?cookies\b|\bcookies? (?:policy|settings|preferences|consent)\b|\bby (?:continuing|using) (?:to (?:use|browse) )?(?:this|our) (?:web)?site\b/i,
  /^(?:enable|please enable) javascript\b/i,
  /^Contribute to \S+ development by creating an account on \w+/i,
  /^(?:home|homepage|welcome)\W*$/i,
];

// Shorter than this, a description names the page instead of summarising it. CJK scripts pack a
// word into one or two characters, so they get a lower bar.
const MIN_CHARS = 25;
const MIN_CJK_CHARS = 10;
const MIN_REPO_CHARS = 8;

/** Whether a description is boilerplate rather than a summary of this page. */
export function isJunkDescription(text: string, context: DescriptionContext): boolean {
  const trimmed = text.trim();
  const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(trimmed);
  if (trimmed.length < (context.isRepo ? MIN_REPO_CHARS : cjk ? MIN_CJK_CHARS : MIN_CHARS)) return true;
  if (isPlaceholder(trimmed) || JUNK_PATTERNS.some((pattern) => pattern.test(trimmed))) return true;
  const comparable = comparableTitle(trimmed);
  return [context.title, context.site, context.host]
    .some((name) => name.length > 0 && comparableTitle(name) === comparable);
}
