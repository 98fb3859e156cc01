import { describe, expect, it } from 'vitest';
import { pickPublishedDate } from './published-date.ts';
import { readPrintedDate } from './printed-date.ts';
import { contextOf, html } from './test-page.ts';

const dateOf = (head: string, body = '', language: string | null = 'de') => pickPublishedDate(contextOf(html(head, body)), language);

// Issue #16: each case is cut down from the shared corpus page named beside it.
describe('pickPublishedDate', () => {
  it.each([
    ['a date line the template names (trafilatura/bfn.de-verden)', '<div class="field field--name-field-publishing-date field__item"> 13.01.2022 </div>', 'de', '2022-01-13'],
    ['a byline with the date (trafilatura/baechli-bergsport.ch-lawinen)', '<p class="date-author"> Janic Cathomen, 01.12.2021 </p>', 'de-CH', '2021-12-01'],
    ['a German month name (trafilatura/bdzv.de.eliasson)', '<p class="category"> 24. April 2020 | Pressemitteilungen </p>', 'de', '2020-04-24'],
    ['"am" and a month name (trafilatura/cicero.de.pandemie)', '<p class="byline__author">VON MORITZ GATHMANN am 21. April 2020</p>', 'de', '2020-04-21'],
    ['an English date line', '<span class="posted-on">March 3, 2019</span>', 'en', '2019-03-03'],
    ['a French date line', '<span class="date">3 mars 2020</span>', 'fr', '2020-03-03'],
    ['a Spanish date with slashes', '<span class="fecha">10/05/2022</span>', 'es', '2022-05-10'],
  ])('reads the printed date from %s', (_name, body, language, expected) => {
    expect(dateOf('', `<article><h1>Headline</h1>${body}<p>Text.</p></article>`, language)).toBe(expected);
  });

  it('prefers a tag over a printed date', () => {
    expect(dateOf('<meta property="article:published_time" content="2020-04-20T10:00:00+02:00">', '<span class="date">21.04.2020</span>'))
      .toBe('2020-04-20T10:00:00+02:00');
  });

  // trafilatura/eldeber.com.bo-autos: "2022-05-04T02:41:00.000Z" in one tag is the 3rd in La Paz, as the other tag says.
  it("takes the page's own offset over UTC for the same moment", () => {
    const head = '<meta property="article:published_time" content="2022-05-04T02:41:00.000Z">'
      + '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-05-03T22:41:00-04:00"}</script>';
    expect(dateOf(head, '', 'es-BO')).toBe('2022-05-03T22:41:00-04:00');
  });

  it('keeps UTC when the other tag is another moment (a later update)', () => {
    const head = '<meta property="article:published_time" content="2020-08-14T21:30:04+00:00">'
      + '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-08-15T09:35:53-07:00"}</script>';
    expect(dateOf(head, '', 'en')).toBe('2020-08-14T21:30:04+00:00');
  });
});

describe('readPrintedDate', () => {
  it.each([
    ['Datum:26. Januar 2022Ausgabejahr:2022', 'de', '2022-01-26'],
    ['Handball Schweiz • 02.02.2022', 'de-CH', '2022-02-02'],
    ['Di, 21. April 2020 - 16:40', 'de', '2020-04-21'],
    ['Published 2019-06-17', 'en', '2019-06-17'],
    ['12 de mayo de 2022', 'es', '2022-05-12'],
    ['no date here 2022', 'en', null],
  ])('%s', (text, language, expected) => {
    expect(readPrintedDate(text, language)).toBe(expected);
  });
});
