/**
 * A short fingerprint of a link's dedupe key, for the featured keys the sync area carries
 * (featured-keys.ts): "is this link in that issue?" needs only equality, and a full URL costs
 * about five times as many bytes in the 100 KB area as these 8 characters do.
 *
 * 48 bits of cyrb53 (bryc, public domain: a fast non-cryptographic string hash), as 8 base64url
 * characters. With the 1,000 or so links of a year of issues, a page that was never featured is
 * taken for a featured one with probability about 1,000 / 2^48, 4 in a trillion per look-up.
 * A page made to collide on purpose could only show a wrong "Featured in" notice, never change data.
 * Every device must compute the same fingerprint: changing this function is a format change.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export const LINK_HASH_LENGTH = 8;
export const LINK_HASH_PATTERN = /^[A-Za-z0-9_-]{8}$/;

export function hashDedupeKey(dedupeKey: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < dedupeKey.length; index++) {
    const code = dedupeKey.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return base64url24(h2 >>> 8) + base64url24(h1 >>> 8);
}

/** The low 24 bits of `bits` as 4 characters. */
function base64url24(bits: number): string {
  let text = '';
  for (let shift = 18; shift >= 0; shift -= 6) text += ALPHABET[(bits >>> shift) & 63];
  return text;
}
