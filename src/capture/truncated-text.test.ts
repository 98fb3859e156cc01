import { describe, expect, it } from 'vitest';
import { dropTruncatedTail, isTruncated, withoutTruncationMark } from './truncated-text.ts';

const WHOLE = 'The council approved the new transit plan on Monday after months of debate.';

describe('truncated descriptions', () => {
  it.each([
    ['an ellipsis', `${WHOLE} Critics said the…`],
    ['three dots', `${WHOLE} Critics said the...`],
    ["WordPress's [&hellip;]", `${WHOLE} Critics said the […]`],
    ['[...]', `${WHOLE} Critics said the [...]`],
    ['(...)', `${WHOLE} Critics said the (...)`],
  ])('recognises %s and ends the text at its last whole sentence', (_name, text) => {
    expect(isTruncated(text)).toBe(true);
    expect(withoutTruncationMark(text)).toBe(`${WHOLE} Critics said the`);
    expect(dropTruncatedTail(text)).toBe(WHOLE);
  });

  it('keeps the fragment, with a plain ellipsis, when whole sentences would be less than half the text', () => {
    expect(dropTruncatedTail('Short one. Then a much longer sentence that the site cut off right in the middle of (...)'))
      .toBe('Short one. Then a much longer sentence that the site cut off right in the middle of…');
  });

  it('leaves a text without a truncation mark alone', () => {
    expect(isTruncated(WHOLE)).toBe(false);
    expect(dropTruncatedTail(WHOLE)).toBe(WHOLE);
  });
});
