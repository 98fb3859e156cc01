import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashDedupeKey, LINK_HASH_LENGTH, LINK_HASH_PATTERN } from './link-hash.ts';

describe('hashDedupeKey', () => {
  // Pinned: every device must compute these same fingerprints, so any change here is a sync format change.
  it.each([
    ['https://example.com/a', '6faOeDuC'],
    ['https://arxiv.org/abs/2106.10165', 'ctUtZ1Ac'],
    ['', 'SIvcGu6N'],
    ['https://例え.jp/記事', 'Ru42T6CR'],
  ])('fingerprints %j as %s', (key, expected) => {
    expect(hashDedupeKey(key)).toBe(expected);
  });

  it('is 8 base64url characters for any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (key) => {
      const hash = hashDedupeKey(key);
      expect(hash).toHaveLength(LINK_HASH_LENGTH);
      expect(hash).toMatch(LINK_HASH_PATTERN);
    }));
  });

  it('tells apart 50,000 links that differ in one character or one path segment', () => {
    const keys = Array.from({ length: 50_000 }, (_, index) => `https://example.com/2026/${index % 100}/story-${index}`);
    expect(new Set(keys.map(hashDedupeKey)).size).toBe(keys.length);
    expect(hashDedupeKey('https://example.com/a')).not.toBe(hashDedupeKey('https://example.com/b'));
  });
});
