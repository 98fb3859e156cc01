import { describe, expect, it } from 'vitest';
import { featuredKeysOfIssue } from './featured-keys.ts';
import { parseFeaturedKeys } from './featured-keys-schema.ts';
import { issueWithLinks, testClock } from './featured-test-factories.ts';

const record = featuredKeysOfIssue(issueWithLinks({ number: 201, links: [{ url: 'https://example.com/a' }] }));

describe('parseFeaturedKeys', () => {
  it('accepts records and tombstones, in canonical form: one per issue, the newest, sorted by issue id', () => {
    const tombstone = { issueId: 'issue-1', number: 1, publishedAt: null, at: testClock(5), sections: [], removed: true };
    const older = { ...record, at: testClock(1), sections: [] };
    expect(parseFeaturedKeys([record, tombstone, older])).toEqual({ ok: true, value: [tombstone, record] });
  });

  it.each<[string, unknown, RegExp]>([
    ['an object', {}, /^featured: /],
    ['a fingerprint of 7 characters', [{ ...record, sections: [{ name: 'News', links: 'abcdefg' }] }], /^featured\[0\]\.sections\[0\]\.links: expected link fingerprints/],
    ['a character outside base64url', [{ ...record, sections: [{ name: 'News', links: 'abcdefg=' }] }], /links/],
    ['a clock that is not one', [{ ...record, at: '2026-11-05' }], /^featured\[0\]\.at: expected a hybrid logical clock/],
    ['issue number 0', [{ ...record, number: 0 }], /^featured\[0\]\.number/],
    ['an unknown field', [{ ...record, title: 'Issue #201' }], /title/],
    ['removed: false', [{ ...record, removed: false }], /removed/],
    ['a publication date that is not one', [{ ...record, publishedAt: 'Tuesday' }], /publishedAt/],
  ])('refuses %s, naming the field', (_name, input, message) => {
    const parsed = parseFeaturedKeys(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});
