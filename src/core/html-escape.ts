/**
 * HTML escaping for text and double-quoted attribute values, the one escape of the HTML export.
 * `'` too, so a value stays inert even in a single-quoted attribute a template author writes.
 */
const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] ?? char);
}
