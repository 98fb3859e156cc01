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
});
