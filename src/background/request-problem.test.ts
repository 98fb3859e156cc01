import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { protocol } from '../messages.ts';
import { describeRequestProblem } from './request-problem.ts';

function problemOf(name: keyof typeof protocol, args: unknown): string {
  const parsed = v.safeParse(protocol[name].args, args, { abortEarly: true });
  if (parsed.success) throw new Error('expected the request to be refused');
  return describeRequestProblem(parsed.issues[0]);
}

const fields = { url: 'https://example.com/', canonicalUrl: null, title: 'T', summary: '', note: '', site: '', authors: [], publishedAt: null, image: null, kind: 'article' };

describe('describeRequestProblem', () => {
  it.each([
    ['a long title', 'item/add', { tabId: 1, issueId: 'i', sectionId: 's', fields: { ...fields, title: 'x'.repeat(2_100) } }, 'The title is too long: at most 2,000 characters.'],
    ['a long typed summary', 'pending/save', { tabId: 1, url: 'https://example.com/', title: '', summary: 'x'.repeat(20_001), note: '', sectionId: null }, 'The summary is too long: at most 20,000 characters.'],
    ['a long author', 'item/update', { issueId: 'i', itemId: 'x', patch: { authors: ['x'.repeat(1_001)] } }, 'One author is too long: at most 1,000 characters.'],
    ['a free-text date', 'item/update', { issueId: 'i', itemId: 'x', patch: { publishedAt: 'June' } }, 'The published date: a published date is a year, month, day or date-time (2021, 2021-06, 2021-06-24).'],
    ['an empty section name', 'section/add', { issueId: 'i', name: '  ' }, 'The section name cannot be empty.'],
    ['a missing id', 'issue/get', {}, 'Roundup could not use what this page sent. Reload the page and try again.'],
  ] as const)('words %s plainly, without a schema path', (_name, message, args, expected) => {
    const problem = problemOf(message, args);
    expect(problem).toBe(expected);
    expect(problem).not.toMatch(/args\.|Invalid length|Expected/);
  });
});
