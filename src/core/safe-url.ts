/**
 * The one gate every exported link passes through.
 *
 * Only `http:`, `https:` and `mailto:` may become links: anything else (`javascript:`, `data:`,
 * `vbscript:`, `file:`, relative or unparsable URLs) could run code or leak local files when a
 * reader clicks it. We parse with the WHATWG URL parser, the same algorithm browsers and mail
 * clients use, so tricks that browsers "repair" (leading whitespace or control characters, a tab
 * inside the scheme, mixed case) are repaired here too before the scheme is checked, instead of
 * being guessed at with a regular expression.
 */
const SAFE_LINK_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/** The serialized href of `raw` when it is safe to link to, else null. */
export function toSafeLinkUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  return SAFE_LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
}
