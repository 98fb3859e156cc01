import { normalizeDate } from './normalize-date.ts';
import type { PageLine } from './page-lines.ts';

/**
 * The date a page prints near its headline when no tag carries it: "01.12.2021", "24. April 2020",
 * "am 21. April 2020", "March 3, 2019", "3 mars 2020". Read in the page's language (day first
 * outside American English). A line the template names after the date ("date", "datum",
 * "published", "meta") wins over a date in other short text; the page's first lines only (page-lines.ts).
 */
const DATE_NAME = /date|datum|time|zeit|publish|posted|meta|fecha|data|byline|dateline|info/i;

const MONTHS: Record<string, number> = {};
for (const [month, names] of [
  [1, 'januar jänner january janvier enero gennaio janeiro januari jan'], [2, 'februar feber february février fevrier febrero febbraio fevereiro februari feb'],
  [3, 'märz maerz march mars marzo março maart mär mar'], [4, 'april avril abril aprile apr'], [5, 'mai may maggio mayo maio mei'],
  [6, 'juni june juin junio giugno junho jun'], [7, 'juli july juillet julio luglio julho jul'], [8, 'august août aout agosto augustus aug'],
  [9, 'september septembre septiembre settembre setembro sept sep'], [10, 'oktober october octobre octubre ottobre outubro okt oct'],
  [11, 'november novembre noviembre novembro nov'], [12, 'dezember december décembre decembre diciembre dicembre dezembro dez dec'],
] as const) for (const name of names.split(' ')) MONTHS[name] = month;

const MONTH_WORD = String.raw`([\p{L}]{3,10})\.?`;
const PATTERNS: { pattern: RegExp; read: (match: RegExpExecArray, language: string | null) => string | null }[] = [
  { pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/, read: (m) => normalizeDate(`${m[1]}-${m[2]}-${m[3]}`) },
  { pattern: /\b(\d{1,2}[./]\d{1,2}[./]\d{4})(?!\d)/, read: (m, language) => normalizeDate(m[1], language) },
  { pattern: new RegExp(String.raw`\b(\d{1,2})\.?\s+(?:de\s+)?${MONTH_WORD}\s+(?:de\s+)?(\d{4})(?!\d)`, 'u'), read: (m) => named(m[3], m[2], m[1]) },
  { pattern: new RegExp(String.raw`\b${MONTH_WORD}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)`, 'u'), read: (m) => named(m[3], m[1], m[2]) },
];

function named(year: string | undefined, monthName: string | undefined, day: string | undefined): string | null {
  const month = MONTHS[(monthName ?? '').toLowerCase()];
  if (!month || !year || !day) return null;
  return normalizeDate(`${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`);
}

export function readPrintedDate(text: string, language: string | null): string | null {
  for (const { pattern, read } of PATTERNS) {
    const match = pattern.exec(text);
    const date = match ? read(match, language) : null;
    if (date) return date;
  }
  return null;
}

export function printedDate(lines: PageLine[], language: string | null): string | null {
  let unnamed: string | null = null;
  for (const { element, text, names } of lines) {
    if (!/\d{4}/.test(text)) continue;
    const date = readPrintedDate(text, language);
    if (!date) continue;
    if (element.localName === 'time' || DATE_NAME.test(names)) return date;
    unnamed ??= date;
  }
  return unnamed;
}
