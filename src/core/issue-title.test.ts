import { describe, expect, it } from 'vitest';
import { formatIssueDate, formatIssueTitle } from './issue-title.ts';
import type { DateFormat } from './issue-title.ts';

const values = { name: 'Deep Learning Weekly', number: 206, date: '2026-11-05T08:00:00.000Z' };

describe('formatIssueTitle', () => {
  it.each([
    ['{name}: Issue #{number}', 'Deep Learning Weekly: Issue #206'],
    ['#{number} ({date})', '#206 (November 5, 2026)'],
    ['{number}{number}', '206206'],
    ['No placeholders', 'No placeholders'],
    ['{Name} {nmber} {} {date', '{Name} {nmber} {} {date'],
    ['{{name}}', '{Deep Learning Weekly}'],
    ['', ''],
  ])('fills %j as %j', (pattern, title) => {
    expect(formatIssueTitle(pattern, values, 'long')).toBe(title);
  });

  it('does not expand placeholders that come from the values themselves', () => {
    expect(formatIssueTitle('{name} #{number}', { ...values, name: 'The {number} {date} letter' }, 'iso'))
      .toBe('The {number} {date} letter #206');
  });

  it('keeps replacement patterns in the name as text', () => {
    expect(formatIssueTitle('{name}', { ...values, name: "$& $' $1" }, 'iso')).toBe("$& $' $1");
  });

  it('leaves {date} as typed when the date is invalid', () => {
    expect(formatIssueTitle('{name} {date}', { ...values, date: 'soon' }, 'long')).toBe('Deep Learning Weekly {date}');
  });
});

describe('formatIssueDate', () => {
  it.each<[DateFormat, string]>([
    ['iso', '2026-11-05'],
    ['short', '11/5/26'],
    ['medium', 'Nov 5, 2026'],
    ['long', 'November 5, 2026'],
    ['full', 'Thursday, November 5, 2026'],
  ])('writes %s as %j', (dateFormat, text) => {
    expect(formatIssueDate('2026-11-05T08:00:00.000Z', dateFormat)).toBe(text);
  });

  it.each([
    ['a date-only string', '2026-11-05', '2026-11-05'],
    ['a time late in a western zone (UTC is the next day)', '2026-11-05T23:30:00-05:00', '2026-11-06'],
    ['a Date', new Date(Date.UTC(2026, 10, 5, 23, 59)), '2026-11-05'],
  ])('reads %s in UTC', (_name, date, text) => {
    expect(formatIssueDate(date, 'iso')).toBe(text);
  });

  it('gives null for an invalid date', () => {
    expect(formatIssueDate(new Date(NaN), 'long')).toBeNull();
  });
});
