import { describe, expect, it } from 'vitest';
import { cleanParagraphs, cleanText, decodeEntities, htmlFragmentToText } from './clean-text.ts';

describe('decodeEntities', () => {
  it.each([
    ['named', 'Tom &amp; Jerry', 'Tom & Jerry'],
    ['double-encoded, as CMSs write meta content', 'A &amp;amp; B', 'A & B'],
    ['triple-encoded', 'A &amp;amp;amp; B', 'A & B'],
    ['decimal and hex', '&#39;quoted&#x27;', "'quoted'"],
    ['typographic names', '&ldquo;Hi&rdquo; &mdash; &hellip;', '“Hi” — …'],
    ['an astral code point', '&#x1F62D;', '😭'],
    ['a reference to no character, as U+FFFD', '&#x0; &#xFFFFFFFF;', '\uFFFD \uFFFD'],
    ['an unknown name untouched', '&bogus; &#xg;', '&bogus; &#xg;'],
    ['a bare ampersand untouched', 'R&D & more', 'R&D & more'],
  ])('%s', (_name, input, expected) => {
    expect(decodeEntities(input)).toBe(expected);
  });
});

describe('cleanText', () => {
  it('collapses whitespace, drops invisible characters and trims', () => {
    expect(cleanText('  Hello\n\t  wor\u200Bld\u00AD!&nbsp; ')).toBe('Hello world!');
  });

  it('returns an empty string for nothing', () => {
    expect(cleanText(null)).toBe('');
    expect(cleanText(undefined)).toBe('');
  });
});

describe('cleanParagraphs', () => {
  it('keeps blank-line paragraph breaks as exactly one blank line', () => {
    expect(cleanParagraphs('First  line\ncontinues.\n\n\n  Second.  \n \nThird.')).toBe('First line continues.\n\nSecond.\n\nThird.');
  });
});

describe('htmlFragmentToText', () => {
  it("reads bioRxiv's citation_abstract: heading, paragraphs, citation superscripts", () => {
    const abstract = '<h3>ABSTRACT</h3>\n<p>An outbreak has infected people<sup>1,2</sup>. There are no drugs.</p><p>We cloned 26 proteins.</p>';
    expect(htmlFragmentToText(abstract)).toBe('ABSTRACT\n\nAn outbreak has infected people. There are no drugs.\n\nWe cloned 26 proteins.');
  });

  it('reads tags that arrive still encoded', () => {
    expect(htmlFragmentToText('&lt;p&gt;Encoded &amp;amp; fine&lt;/p&gt;')).toBe('Encoded & fine');
  });

  it('leaves comparisons in the text alone', () => {
    expect(htmlFragmentToText('<p>Effects with p < 0.05 and n > 10 held.</p>')).toBe('Effects with p < 0.05 and n > 10 held.');
  });

  it('drops scripts entirely', () => {
    expect(htmlFragmentToText('Safe<script>alert(1)</script> text')).toBe('Safe text');
  });
});
