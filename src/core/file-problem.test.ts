import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeFileProblem } from './file-problem.ts';
import { parsePortableFile } from './portable.ts';

const SEED = JSON.parse(readFileSync(new URL('../../test/fixtures/issue-206.json', import.meta.url), 'utf8')) as {
  issue: { items: Array<Record<string, unknown>>; sections: Array<Record<string, unknown>>; clocks?: unknown } };

function problemOf(change: (file: typeof SEED) => unknown): string {
  const file = structuredClone(SEED);
  const parsed = parsePortableFile(JSON.stringify(change(file) ?? file));
  if (parsed.ok) throw new Error('the file was read');
  return describeFileProblem(parsed.error);
}

describe('describeFileProblem', () => {
  it.each<[string, (file: typeof SEED) => unknown, string]>([
    ['a link that is no URL', (file) => { file.issue.items[3]!.url = 'not a link'; }, 'the link of item 4 of the issue is not a web address ("not a link")'],
    ['a clock that is none', (file) => { file.issue.clocks = { title: 'yesterday' }; }, 'the edit time of the title of the issue cannot be read'],
    ['a missing title', (file) => { delete file.issue.items[0]!.title; }, 'the title of item 1 of the issue is missing'],
    ['a field Roundup does not know', (file) => { file.issue.items[1]!.colour = 'red'; }, 'the field “colour” of item 2 of the issue is not a field Roundup knows'],
    ['an item in a section the issue lacks', (file) => { file.issue.items[0]!.sectionId = 'gone'; }, 'the section of item 1 of the issue names a section the issue does not have ("gone")'],
    ['a bad date', (file) => { file.issue.items[0]!.capturedAt = 'Tuesday'; }, 'the capture date of item 1 of the issue is not a date Roundup can read ("Tuesday")'],
    ['a foreign file', () => ({ name: 'some other app' }), 'this is not a Roundup backup or issue file'],
    ['a backup with an issue twice', () => ({ format: 'roundup-backup', version: 1, exportedAt: '2026-11-01T00:00:00Z', settings: {}, issues: [SEED.issue, SEED.issue] }),
      'the id of issue 2 of the backup is used twice ("iss-206")'],
  ])('says %s in plain words', (_name, change, expected) => {
    const plain = problemOf(change);
    expect(plain).toBe(expected);
    expect(plain).not.toMatch(/issue\.|items\[|expected|\$/);
  });

  it('keeps the words that are already plain', () => {
    expect(describeFileProblem('not valid JSON: unexpected end of input (is the file truncated?)')).toBe('not valid JSON: unexpected end of input (is the file truncated?)');
    expect(describeFileProblem('written by a newer Roundup (format version 2); this version reads version 1'))
      .toBe('written by a newer Roundup (format version 2); this version reads version 1');
  });
});
