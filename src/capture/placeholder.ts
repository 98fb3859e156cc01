/**
 * Template leftovers and null-ish values that some pages ship in their metadata
 * (`{{page.title}}`, `${description}`, `undefined`): never a real title or summary.
 */
export function isPlaceholder(text: string): boolean {
  return /\{\{.*\}\}|\$\{.*\}|<%.*%>|^\[?(?:undefined|null|none|n\/a|nan|title|description|untitled)\]?$/i.test(text.trim());
}
