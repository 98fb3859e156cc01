import { decodeEntities } from './clean-text.ts';

// A selection is the editor's explicit choice: kept whole, up to a size no summary field needs.
const MAX_SELECTION_CHARS = 10_000;

/**
 * The user's selection as paragraphs separated by a blank line. Browsers write one line break
 * between blocks (divs, list items, headings) and two between paragraphs; both become paragraph
 * breaks, except a hard-wrapped line (no closing punctuation, next line starting in lower case),
 * which is joined to the next.
 */
export function cleanSelection(selection: string | null | undefined): string {
  if (!selection?.trim()) return '';
  const lines = decodeEntities(selection.slice(0, MAX_SELECTION_CHARS))
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim());
  const paragraphs: string[] = [];
  let current = '';
  for (const line of lines) {
    if (!line) {
      if (current) paragraphs.push(current);
      current = '';
    } else if (current && !/[.!?:;…"”'’)\]。！？]$/.test(current) && /^\p{Ll}/u.test(line)) {
      current = `${current} ${line}`;
    } else {
      if (current) paragraphs.push(current);
      current = line;
    }
  }
  if (current) paragraphs.push(current);
  return paragraphs.join('\n\n');
}
