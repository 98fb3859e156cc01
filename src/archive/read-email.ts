/**
 * A saved email (`.eml`, as mail clients save a message): its subject, date and body, by postal-mime
 * (MIME parts, quoted-printable and base64, charsets, RFC 2047 encoded subjects; runs in browsers and
 * Node). The HTML part is preferred: it is what readers saw. A plain-text part is read as Markdown,
 * which is what Buttondown and many tools send as the text alternative.
 */
import PostalMime from 'postal-mime';

export interface SavedEmail {
  subject: string | null;
  date: string | null;
  body: { kind: 'html' | 'markdown'; text: string } | null;
}

export async function readSavedEmail(bytes: Uint8Array): Promise<SavedEmail> {
  const email = await PostalMime.parse(bytes);
  const html = email.html?.trim();
  const text = email.text?.trim();
  return {
    subject: email.subject?.trim() || null,
    date: email.date?.trim() || null,
    body: html ? { kind: 'html', text: html } : text ? { kind: 'markdown', text } : null,
  };
}

/** Header lines as a mail client saves them: `From:`, `Subject:`, `MIME-Version:` before the first blank line. */
export function looksLikeEmail(text: string): boolean {
  const head = text.slice(0, 8_192).split(/\r?\n\r?\n/)[0] ?? '';
  const names = new Set([...head.matchAll(/^([A-Za-z-]+):/gm)].map((match) => (match[1] ?? '').toLowerCase()));
  return /^[A-Za-z-]+:/.test(head) && ['from', 'subject', 'date', 'mime-version', 'content-type'].filter((name) => names.has(name)).length >= 2;
}
