import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdownInline } from '../core/markdown-escape.ts';
import { titleText } from './title-text.ts';

describe('titleText', () => {
  it('gives back any page title the capture escaped (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }).map((text) => text.replace(/[\p{Cc}]/gu, '')), (title) => {
      expect(titleText(escapeMarkdownInline(title))).toBe(title);
    }), { numRuns: 1_000 });
  });

  it('falls back to the link for an empty title', () => {
    expect(titleText('', 'https://example.com/')).toBe('https://example.com/');
  });
});
