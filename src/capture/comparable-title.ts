/**
 * A title reduced to what two spellings of the same headline share: Unicode compatibility forms,
 * one kind of quote and dash, single spaces, lower case.
 */
export function comparableTitle(title: string): string {
  return title.normalize('NFKC')
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Letters and digits only, lower case: how a site name and a host label are compared. */
export function compactName(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
