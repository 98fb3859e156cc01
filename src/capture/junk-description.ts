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
  // A byline or credit line in the description tag: "Written by HLNF Staff Report", "Par Didier Roy (Planète Asie, …)".
  /^(?:written by|posted by|by|von|par|por|door|text(?:e)?:)\s+\p{Lu}[^.!?]{0,100}$/iu,
  // A literal tag or escape left by a template: "<p>", "\n".
  /^(?:<\/?[a-z][^>]*>|\\[nrt])+$/i,
  // YouTube's chapter list that some pages copy in place of the video's description.
  /^Chapters These chapters are auto-generated\b/i,
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
  if ([context.title, context.site, context.host].some((name) => name.length > 0 && comparableTitle(name) === comparable)) return true;
  return isSlogan(comparable, context);
}

// "nachtkritik.de - das unabhängige Theaterportal": the site's name and its motto, the same on every page.
const MAX_SLOGAN_CHARS = 80;

function isSlogan(comparable: string, context: DescriptionContext): boolean {
  if (comparable.length > MAX_SLOGAN_CHARS) return false;
  return [context.site, context.host].some((name) => {
    const site = comparableTitle(name);
    return site.length >= 3 && comparable.startsWith(site) && /^\s*[-–—|:·]\s/.test(comparable.slice(site.length));
  });
}
