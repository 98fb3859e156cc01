/**
 * Page text into the model's inline Markdown, once, at capture (BRIEF decision 1): a title or summary
 * a page supplies is plain text, and must come out literally in every export, while the model's
 * `title` and `summary` are inline Markdown (what the editor writes).
 *
 * The escape is lossless and minimal. Lossless: our own parser (inline-markdown.ts) reads the result
 * back as exactly the original text, one text run (softbreaks where the text had newlines). Minimal:
 * text our parser already reads literally is returned unchanged (`[R] A paper`, `snake_case`, `a * b`,
 * `AT&T`), so ordinary titles look the same in the popup; otherwise backslashes go only where they are
 * needed: `2*3*4 = 24` becomes `2\*3\*4 = 24`.
 *
 * How: the parser itself is the judge. The text is escaped in full (every character that can start
 * inline syntax), then escapes are taken back one kind at a time (all `*`, all brackets, …) as long as
 * the parser still reads the original. Whole kinds, not single characters, so the result stays
 * predictable: `2\*3\*4`, never `2*3\*4`. A rule-by-rule imitation of CommonMark's delimiter and bracket
 * matching would be shorter to run and far easier to get wrong.
 */
import { parseMarkdownInline } from './inline-markdown.ts';

type EscapeKind = 'backslash' | 'star' | 'underscore' | 'backtick' | 'bracket' | 'angle' | 'ampersand' | 'space';

interface Piece {
  text: string;
  /** The kind of syntax this piece's escape guards against; null for literal text. */
  kind: EscapeKind | null;
  /** The piece as written when its escape is taken back. */
  plain: string;
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const ENTITY_LIKE = /^&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

/** What our parser reads `markdown` as, when that is text alone (softbreaks as `\n`); null when it is markup. */
function readAsText(markdown: string): string | null {
  let text = '';
  for (const token of parseMarkdownInline(markdown)) {
    if (token.type === 'text') text += token.content;
    else if (token.type === 'softbreak') text += '\n';
    else return null;
  }
  return text;
}

function isSingleTextRun(markdown: string, original: string): boolean {
  const tokens = parseMarkdownInline(markdown);
  if (!original.includes('\n')) return original === '' ? tokens.length === 0 : tokens.length === 1 && tokens[0]?.type === 'text' && tokens[0].content === original;
  return readAsText(markdown) === original;
}

/** Every character that can start inline syntax, escaped, each as its own piece. */
function fullyEscaped(text: string): Piece[] {
  const pieces: Piece[] = [];
  const chars = [...text];
  chars.forEach((char, index) => {
    const before = chars[index - 1] ?? '';
    const after = chars[index + 1] ?? '';
    const push = (escaped: string, kind: EscapeKind) => pieces.push({ text: escaped, kind, plain: char });
    if (char === '\\' && (ASCII_PUNCTUATION.test(after) || /^[\n\r \t]$/.test(after))) push('\\\\', 'backslash');
    else if (char === '*') push('\\*', 'star');
    // `_` between two letters or digits never opens or closes emphasis (CommonMark, "intraword").
    else if (char === '_' && !(WORD_CHARACTER.test(before) && WORD_CHARACTER.test(after))) push('\\_', 'underscore');
    else if (char === '`') push('\\`', 'backtick');
    else if (char === '[' || char === ']') push(`\\${char}`, 'bracket');
    else if (char === '<') push('\\<', 'angle');
    else if (char === '&' && ENTITY_LIKE.test(chars.slice(index, index + 40).join(''))) push('\\&', 'ampersand');
    // Spaces at a line break would make a hard break or be dropped; a character reference keeps them.
    else if ((char === ' ' || char === '\t') && isInSpaceRunTouchingNewline(chars, index)) {
      push(char === ' ' ? '&#32;' : '&#9;', 'space');
    } else pieces.push({ text: char, kind: null, plain: char });
  });
  return pieces;
}

function isInSpaceRunTouchingNewline(chars: string[], index: number): boolean {
  const isSpace = (char: string | undefined) => char === ' ' || char === '\t';
  let start = index;
  while (isSpace(chars[start - 1])) start--;
  let end = index;
  while (isSpace(chars[end + 1])) end++;
  return /^[\n\r]$/.test(chars[start - 1] ?? '') || /^[\n\r]$/.test(chars[end + 1] ?? '');
}

function join(pieces: readonly Piece[], plain: ReadonlySet<number>): string {
  return pieces.map((piece, index) => (plain.has(index) ? piece.plain : piece.text)).join('');
}

/**
 * `text` (plain text, as a page gives it) as inline Markdown that our parser reads back as exactly `text`
 * (with CR line endings read as LF, as every CommonMark parser reads them). Text without syntax comes back
 * unchanged. Other control characters are expected to be gone already (the capture mapping removes them;
 * the exports remove them anyway).
 */
export function escapeMarkdownInline(text: string): string {
  // What any CommonMark parser makes of line endings and NUL first (spec 2.1, 2.3): that is the text to keep.
  const target = text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
  if (isSingleTextRun(text, target)) return text;
  const pieces = fullyEscaped(text);
  const plain = new Set<number>();
  const roundTrips = () => isSingleTextRun(join(pieces, plain), target);
  const escaped = pieces.flatMap((piece, index) => (piece.kind === null ? [] : [index]));
  // Whole kinds first: a title with one real link and three harmless `[R]`-style brackets keeps them all.
  for (const kind of ['bracket', 'backtick', 'angle', 'underscore', 'ampersand', 'backslash', 'star', 'space'] as const) {
    const ofKind = escaped.filter((index) => pieces[index]?.kind === kind);
    if (ofKind.length === 0) continue;
    for (const index of ofKind) plain.add(index);
    if (!roundTrips()) for (const index of ofKind) plain.delete(index);
  }
  // Only a character no Markdown can carry (NUL, other C0 controls) can defeat the full escape; then it is the best there is.
  return roundTrips() ? join(pieces, plain) : join(pieces, new Set());
}
