/**
 * The title of a new issue from the newsletter's pattern, e.g.
 * `{name}: Issue #{number}` → `Deep Learning Weekly: Issue #206`.
 */
import type { Settings } from './model.ts';

export interface IssueTitleValues {
  name: string;
  number: number;
  /** A Date, or an ISO 8601 date or date-time string. */
  date: Date | string;
}

export type DateFormat = Settings['dateFormat'];

/**
 * Fills `{name}`, `{number}` and `{date}`; any other `{…}` stays as typed, so a pattern with a
 * typo shows the typo instead of losing text. One pass, so a name containing `{number}` stays text.
 */
export function formatIssueTitle(pattern: string, values: IssueTitleValues, dateFormat: DateFormat): string {
  return pattern.replace(/\{(name|number|date)\}/g, (placeholder, name: 'name' | 'number' | 'date') => {
    if (name === 'name') return values.name;
    if (name === 'number') return String(values.number);
    return formatIssueDate(values.date, dateFormat) ?? placeholder;
  });
}

/**
 * In UTC and English, so the same issue gets the same title on every machine; null for an
 * invalid date.
 */
export function formatIssueDate(date: Date | string, dateFormat: DateFormat): string | null {
  const instant = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(instant.getTime())) return null;
  if (dateFormat === 'iso') return instant.toISOString().slice(0, 10);
  return new Intl.DateTimeFormat('en', { dateStyle: dateFormat, timeZone: 'UTC' }).format(instant);
}
