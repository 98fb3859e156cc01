/**
 * An item's title for the popup's list, without the Markdown parser (the popup must open at once): only the
 * escapes are dropped (`2\*3` → `2*3`), the one piece of Markdown every title captured from a page can hold.
 * The editor page shows the full rendering (shown-title.ts).
 */
const ESCAPE = /\\([!-/:-@[-`{-~])|&#(32|9);/g;

export function titleText(title: string, url = ''): string {
  return title.replace(ESCAPE, (_whole, punctuation?: string, code?: string) => punctuation ?? String.fromCharCode(Number(code))) || url;
}
