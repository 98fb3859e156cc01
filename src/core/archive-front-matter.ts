/**
 * The metadata at the top of a Markdown issue: YAML between `---` lines (Jekyll, Hugo, Eleventy),
 * TOML between `+++` lines (Hugo, Zola), or Pelican's `Key: value` lines up to the first blank line.
 * YAML and TOML are read by their libraries (js-yaml, smol-toml): quoting, comments and dates follow
 * their specs, not a guess. Only top-level scalars are used: the title, the issue number, the date.
 */
import { load as loadYaml } from 'js-yaml';
import { parse as parseToml } from 'smol-toml';

export interface FrontMatter {
  title: string | null;
  /** The number as written (`42`, `"42"`, `"#42"`), read by archive-candidate.ts. */
  number: string | null;
  date: string | null;
}

export type FrontMatterResult =
  | { ok: true; frontMatter: FrontMatter | null; body: string }
  | { ok: false; error: string };

const NUMBER_KEYS = ['number', 'issue', 'issue_number', 'issuenumber', 'issue_no', 'no', 'edition', 'nr'];
const DATE_KEYS = ['date', 'published', 'pubdate', 'publishdate', 'published_at', 'publishedat', 'sent', 'sent_at'];
const TITLE_KEYS = ['title', 'subject'];

// Pelican's reader takes metadata lines of a known key at the very top of the file.
const PELICAN_LINE = /^(Title|Date|Number|Issue|Slug|Category|Tags|Author|Authors|Summary|Modified|Status|Lang|Template|Save_as|Url):[ \t]*(.*)$/i;

export function splitFrontMatter(text: string): FrontMatterResult {
  const input = text.replace(/^\uFEFF/, '');
  const fenced = /^(---|\+\+\+)[ \t]*\r?\n([\s\S]*?)\r?\n(?:\1|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(input);
  if (fenced) {
    const [whole, fence, raw = ''] = fenced;
    const body = input.slice(whole.length);
    try {
      const data: unknown = fence === '+++' ? parseToml(raw) : loadYaml(raw);
      return { ok: true, frontMatter: readFields(data), body };
    } catch (error) {
      const first = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
      return { ok: false, error: `its ${fence === '+++' ? 'TOML' : 'YAML'} front matter cannot be read (${first.trim()})` };
    }
  }
  return splitPelicanHeader(input);
}

function splitPelicanHeader(input: string): FrontMatterResult {
  const lines = input.split(/\r?\n/);
  const fields: Record<string, string> = {};
  let index = 0;
  for (; index < lines.length; index++) {
    const match = PELICAN_LINE.exec(lines[index] ?? '');
    if (!match) break;
    fields[(match[1] ?? '').toLowerCase()] = (match[2] ?? '').trim();
  }
  // A header is only a header when a blank line ends it; otherwise "Title: …" was the first line of text.
  if (index === 0 || (lines[index] ?? '').trim() !== '') return { ok: true, frontMatter: null, body: input };
  return { ok: true, frontMatter: readFields(fields), body: lines.slice(index + 1).join('\n') };
}

function readFields(data: unknown): FrontMatter {
  const record = typeof data === 'object' && data !== null && !Array.isArray(data) ? data as Record<string, unknown> : {};
  const lower = new Map(Object.entries(record).map(([key, value]) => [key.toLowerCase(), value]));
  const pick = (keys: readonly string[]) => {
    for (const key of keys) {
      const value = scalar(lower.get(key));
      if (value !== null) return value;
    }
    return null;
  };
  return { title: pick(TITLE_KEYS), number: pick(NUMBER_KEYS), date: pick(DATE_KEYS) };
}

function scalar(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  // YAML and TOML dates arrive as Date objects; TOML local dates as smol-toml's TomlDate (a Date too).
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  return null;
}
