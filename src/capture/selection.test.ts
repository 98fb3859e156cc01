import { describe, expect, it } from 'vitest';
import { cleanSelection } from './selection.ts';

describe('cleanSelection', () => {
  it('keeps paragraphs separated by a blank line', () => {
    expect(cleanSelection('First paragraph.\n\nSecond  paragraph.\n\n\n\nThird.')).toBe('First paragraph.\n\nSecond paragraph.\n\nThird.');
  });

  it('treats single line breaks between blocks as paragraph breaks', () => {
    expect(cleanSelection('A heading\nA paragraph under it.\r\nAnother block.')).toBe('A heading\n\nA paragraph under it.\n\nAnother block.');
  });

  it('joins a hard-wrapped line to the next', () => {
    expect(cleanSelection('This sentence was wrapped\nin the middle by the page.')).toBe('This sentence was wrapped in the middle by the page.');
  });

  it('is empty for an empty or blank selection', () => {
    expect(cleanSelection(null)).toBe('');
    expect(cleanSelection('  \n ')).toBe('');
  });

  it('drops invisible characters and collapses spaces', () => {
    expect(cleanSelection('  Zero\u200Bwidth \t gone. ')).toBe('Zerowidth gone.');
  });
});
