/**
 * A page's date as ISO 8601. Dates stay dates (`2017/06/12` → `2017-06-12`, `2021/08` → `2021-08`:
 * no invented day, no time-zone shift); a date-time already in ISO form is kept as written, so its
 * offset survives; anything else that parses becomes a UTC date-time.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;
const NUMERIC_DATE = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/;

// "10.12.2022", "10/05/2022", "3-1-2021": day, month and year, in an order the page's language decides.
const DAY_MONTH_YEAR = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T,]+\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*(?:uhr|h))?)?$/i;

/**
 * `language` (the page's BCP 47 tag) decides how "10/05/2022" reads: month first in American
 * English, day first everywhere else. Dots ("10.12.2022") are always day first.
 */
export function normalizeDate(input: string | null | undefined, language: string | null = null): string | null {
  const text = input?.trim();
  if (!text) return null;
  if (ISO_DATE_TIME.test(text)) return isPlausible(Date.parse(text.replace(' ', 'T'))) ? text.replace(' ', 'T') : null;
  if (/^\d{4}$/.test(text)) return isPlausibleYear(Number(text)) ? text : null;
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) return formatDate(Number(numeric[1]), Number(numeric[2]), numeric[3] ? Number(numeric[3]) : null);
  const dayMonthYear = DAY_MONTH_YEAR.exec(text);
  if (dayMonthYear) return readDayMonthYear(dayMonthYear, language);
  const named = namedMonthDate(text);
  if (named) return named;
  const parsed = Date.parse(text);
  return isPlausible(parsed) ? new Date(parsed).toISOString() : null;
}

function readDayMonthYear(match: RegExpExecArray, language: string | null): string | null {
  const [, first = '', separator, second = '', yearText = ''] = match;
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  let day = Number(first);
  let month = Number(second);
  const monthFirst = separator !== '.' && (day > 12 ? false : month > 12 ? true : isMonthFirstLanguage(language));
  if (monthFirst) [day, month] = [month, day];
  return formatDate(year, month, day);
}

/** American English (and English with no region, which American sites mostly write) puts the month first. */
function isMonthFirstLanguage(language: string | null): boolean {
  return /^en(?:-us)?$/i.test(language ?? '');
}

/** "Dec 20, 2006", "20 December 2006", "2012 Nov 26": date-only forms that Date.parse reads in local time. */
function namedMonthDate(text: string): string | null {
  const words = text.toLowerCase().replace(/,/g, ' ').split(/\s+/);
  if (words.length !== 3) return null;
  let year: number | null = null;
  let month: number | null = null;
  let day: number | null = null;
  for (const word of words) {
    const monthIndex = MONTHS.indexOf(word.slice(0, 3));
    if (/^\d{4}$/.test(word)) year = Number(word);
    else if (/^\d{1,2}(?:st|nd|rd|th)?\.?$/.test(word)) day = Number.parseInt(word, 10);
    else if (monthIndex >= 0 && /^[a-z]+\.?$/.test(word)) month = monthIndex + 1;
    else return null;
  }
  return year !== null && month !== null && day !== null ? formatDate(year, month, day) : null;
}

function formatDate(year: number, month: number, day: number | null): string | null {
  if (!isPlausibleYear(year) || month < 1 || month > 12) return null;
  const pad = (value: number) => String(value).padStart(2, '0');
  if (day === null) return `${year}-${pad(month)}`;
  return day >= 1 && day <= 31 ? `${year}-${pad(month)}-${pad(day)}` : null;
}

function isPlausibleYear(year: number): boolean {
  return year >= 1000 && year <= 2200;
}

function isPlausible(time: number): boolean {
  return Number.isFinite(time) && isPlausibleYear(new Date(time).getUTCFullYear());
}
