import { describe, expect, it } from 'vitest';
import { normalizeDate } from './normalize-date.ts';

describe('normalizeDate', () => {
  it.each([
    ["arXiv's citation_date", '2017/06/12', '2017-06-12'],
    ['a month only', '2021/08', '2021-08'],
    ['a year only', '2019', '2019'],
    ['dots', '2014.07.29', '2014-07-29'],
    ['an unpadded date', '2020-1-5', '2020-01-05'],
    ['PLOS style', 'Dec 20, 2006', '2006-12-20'],
    ['PMC style', '2012 Nov 26', '2012-11-26'],
    ['day first', '3rd March 2020', '2020-03-03'],
    ['an ISO date-time kept with its offset', '2025-03-19T00:00:00+02:00', '2025-03-19T00:00:00+02:00'],
    ['an ISO date-time with a space', '2016-05-24 20:49:03Z', '2016-05-24T20:49:03Z'],
    ['an RFC 2822 date as UTC', 'Tue, 24 May 2016 20:49:03 GMT', '2016-05-24T20:49:03.000Z'],
  ])('reads %s', (_name, input, expected) => {
    expect(normalizeDate(input)).toBe(expected);
  });

  it.each([
    ['nothing', null],
    ['blank', '  '],
    ['words', 'last Tuesday'],
    ['an impossible month', '2020/13/01'],
    ['an implausible year', '0001-01-01T00:00:00Z'],
  ])('rejects %s', (_name, input) => {
    expect(normalizeDate(input)).toBeNull();
  });

  // Issue #16: "10.12.2022" and "10/05/2022" were read month first even on Spanish and German pages.
  it.each([
    ['dots on a German page', '10.12.2022', 'de', '2022-12-10'],
    ['dots on an American page (dots are always day first)', '10.12.2022', 'en-US', '2022-12-10'],
    ['slashes on a Spanish page', '10/05/2022', 'es', '2022-05-10'],
    ['slashes on an American page', '10/05/2022', 'en-US', '2022-10-05'],
    ['slashes on a British page', '10/05/2022', 'en-GB', '2022-05-10'],
    ['a day that can only be a day', '25/12/2021', 'en-US', '2021-12-25'],
    ['a date with a time', '01.12.2021 14:30', 'de-CH', '2021-12-01'],
  ])('reads %s by the language', (_name, input, language, expected) => {
    expect(normalizeDate(input, language)).toBe(expected);
  });
});

