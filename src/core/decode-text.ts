/**
 * The text of a saved page or archive file (HTML, a feed's XML, Markdown), decoded the way it declares it. A browser decodes a page by
 * its byte-order mark, then the charset of its HTTP header, then `<meta charset>` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">` in the head, and otherwise guesses, mostly windows-1252 for Western pages. A file has no HTTP
 * header, so the order here is: BOM, then well-formed UTF-8, then the declared charset, then
 * windows-1252.
 *
 * Well-formed UTF-8 goes before the declaration because tools that save pages (and the corpora's
 * upstreams) re-encode them as UTF-8 and leave the old `<meta charset="gb2312">` in place: Chinese,
 * Cyrillic or accented Latin text in a legacy charset is practically never valid UTF-8 by accident,
 * while decoding such a re-encoded file as declared turns every non-ASCII character into mojibake.
 */
// HTML's prescan reads 1024 bytes, but a parser that meets a later `<meta charset>` in the head starts
// over in that charset; saved pages (an archive's toolbar injected at the top) push it far down.
const PRESCAN_BYTES = 65_536;

// WHATWG labels that TextDecoder knows under another name, or that mean UTF-8 in practice.
const LABEL_ALIASES: Record<string, string> = { 'utf8': 'utf-8', 'x-user-defined': 'windows-1252', 'unicode': 'utf-16le' };

export function decodeText(bytes: Uint8Array): string {
  const bom = byteOrderMark(bytes);
  if (bom) return new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length));
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return utf8;
  const encoding = decoderFor(declaredCharset(bytes) ?? 'windows-1252');
  const text = new TextDecoder(encoding).decode(bytes);
  return encoding === 'windows-1252' ? withWindows1252Punctuation(text) : text;
}

// Bytes 0x80–0x9F in windows-1252 (what HTML means by ISO-8859-1): €, curly quotes, dashes... Node's
// decoder for that label is plain ISO-8859-1 and yields C1 control characters instead.
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function withWindows1252Punctuation(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_C1[char.charCodeAt(0) - 0x80] ?? char);
}

function byteOrderMark(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The charset named by an XML declaration's `encoding`, `<meta charset>` or a `Content-Type` http-equiv near the top, lower case. */
export function declaredCharset(bytes: Uint8Array): string | null {
  // Latin-1 maps every byte to one character, so ASCII markup reads the same whatever the real charset.
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, PRESCAN_BYTES));
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml?.[1]) return xml[1].toLowerCase();
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct?.[1]) return direct[1].toLowerCase();
  }
  return null;
}

function decoderFor(label: string): string {
  const name = LABEL_ALIASES[label] ?? label;
  try {
    // A declaration of UTF-8 on bytes that are not UTF-8: HTML decodes it as UTF-8 all the same, with U+FFFD.
    return new TextDecoder(name).encoding;
  } catch {
    return 'windows-1252';
  }
}
