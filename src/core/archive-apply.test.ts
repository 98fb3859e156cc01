import { describe, expect, it } from 'vitest';
import { checkArchivedIssue } from './archive-apply.ts';
import { toPortableIssue } from './archive-portable.ts';

const archived = toPortableIssue({ source: 'issue-9.md', number: 9, title: 'Issue #9', publishedAt: '2024-02-01T00:00:00.000Z', intro: '', outro: '',
  sections: [{ name: 'News', items: [{ url: 'https://example.com/a', title: 'A', summary: '', authors: [] }] }], notes: [] }, '2026-11-20T10:00:00.000Z');

describe('checkArchivedIssue: what the background takes from the page', () => {
  it('takes a past issue as the page made it', () => {
    expect(checkArchivedIssue(JSON.parse(JSON.stringify(archived)), 0)).toEqual(archived);
  });

  it.each<[string, unknown, RegExp]>([
    ['a draft', { ...archived, status: 'draft', publishedAt: null }, /issue #9 is not a past issue read from an archive/],
    ['an issue under another id (it would not meet itself on a re-import)', { ...archived, id: 'issue-9' }, /not a past issue/],
    ['a malformed item, named in plain words', { ...archived, items: [{ ...archived.items[0], url: 'not a link' }] }, /issue #9 is not an issue Roundup can store \(the link of item 1 .*is not a web address/],
    ['something that is not an issue at all', 'hello', /issue 3 of the request is not an issue Roundup can store/],
  ])('refuses %s', (_name, value, message) => {
    expect(() => checkArchivedIssue(value, 2)).toThrow(message);
  });
});
