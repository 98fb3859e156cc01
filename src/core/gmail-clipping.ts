/**
 * Whether Gmail will clip an HTML email: Gmail shows "[Message clipped] View entire message" and hides
 * the rest (often the unsubscribe link) once the HTML passes about 102 KB. The number is the one
 * email builders and testers give (spamresource.com measured 102–105 KB depending on the transfer
 * encoding), so the warning uses 102,000 bytes of UTF-8 to be on the safe side.
 */
export const GMAIL_CLIP_BYTES = 102_000;

export interface GmailClipping {
  bytes: number;
  limit: number;
  clipped: boolean;
}

const encoder = new TextEncoder();

export function measureGmailClipping(html: string): GmailClipping {
  const bytes = encoder.encode(html).length;
  return { bytes, limit: GMAIL_CLIP_BYTES, clipped: bytes > GMAIL_CLIP_BYTES };
}
