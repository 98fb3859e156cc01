/**
 * A date list beside an archive (`issues.tsv`, `dates.csv`): one row per issue with its number and
 * its publication date, under a header that names both columns. Files whose header names no such
 * columns are not date lists (null), so the caller can report them as what they are.
 */
const NUMBER_COLUMNS = new Set(['number', 'issue', 'no', 'nr', 'issue_number', 'edition']);
const DATE_COLUMNS = new Set(['date', 'published', 'published_at', 'pubdate', 'sent']);

export type DateListResult = { ok: true; dates: Map<number, string> } | { ok: false; reason: string } | null;

export function readDateList(text: string): DateListResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = lines[0];
  if (header === undefined) return null;
  const separator = header.includes('\t') ? '\t' : ',';
  const cells = (line: string) => line.split(separator).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
  const columns = cells(header).map((name) => name.toLowerCase());
  const numberAt = columns.findIndex((name) => NUMBER_COLUMNS.has(name));
  const dateAt = columns.findIndex((name) => DATE_COLUMNS.has(name));
  if (numberAt < 0 || dateAt < 0) return null;
  const dates = new Map<number, string>();
  for (const [index, line] of lines.slice(1).entries()) {
    const row = cells(line);
    const number = Number((row[numberAt] ?? '').replace(/^#/, ''));
    const date = row[dateAt] ?? '';
    if (!Number.isInteger(number) || number < 1 || date === '') {
      return { ok: false, reason: `line ${index + 2} is not a number and a date: ${JSON.stringify(line.slice(0, 80))}` };
    }
    dates.set(number, date);
  }
  return { ok: true, dates };
}
