/**
 * House-style templates: Liquid (LiquidJS), run with the escaping of the format they write.
 *
 * Why LiquidJS (the README compares the candidates that were tried): it interprets templates and
 * never builds code from them (no `eval`, no `new Function`), so it runs under the extension pages'
 * MV3 content security policy; it is actively maintained; its `outputEscape` hook escapes every
 * `{{ value }}` for the target format; its errors carry line and column; and it has limits for
 * templates that would never end, which matters because a template can arrive from sync or a file.
 *
 * What a template can do, and what it cannot:
 * - Every printed value is escaped for the format (format-writers.ts), except Markup (markup.ts),
 *   which only Roundup makes, from what it rendered itself. A filter that changes a Markup value
 *   (`upcase`, `append`) makes it a plain string again, so it is escaped: safe by default.
 * - `| raw` is the one explicit way out of escaping, and only for the editor's own intro and outro
 *   (their text as typed). On anything else, and on every field a page supplied, it is an error.
 * - No files, no network: `include`, `render` and `layout` are refused (LiquidJS would read the file
 *   system in Node and fetch URLs in a browser). Only own properties of the data are visible.
 * - What the template's own markup does is checked after rendering (output-guard.ts).
 */
import { Liquid, Tag, tags } from 'liquidjs';
import type { Context, Liquid as LiquidEngine, Parser, TagToken, Template, TopLevelToken } from 'liquidjs';
import type { ExportFormat } from './format-writers.ts';
import { FORMAT_WRITERS } from './format-writers.ts';
import { firstSentence } from './first-sentence.ts';
import { formatIssueDate } from './issue-title.ts';
import type { DateFormat } from './issue-title.ts';
import { EditorMarkup, InlineMarkup, Markup } from './markup.ts';
import { DATE_FORMATS } from './model.ts';

/** A template that does not parse or render, with where (1-based line and column of the tag or output). */
export class TemplateError extends Error {
  override name = 'TemplateError';

  constructor(readonly reason: string, readonly line: number, readonly column: number) {
    super(`line ${line}, column ${column}: ${reason}`);
  }
}

export interface RenderOptions {
  dateFormat: DateFormat;
}

// Far above any real issue (a 5,000-item issue renders about 150,000 tags and outputs), low enough
// that `{% for i in (1..1000000000) %}` from a hostile template stops with an error instead of a hang.
const LIMITS = { templateLimit: 2_000_000, memoryLimit: 50_000_000 };
const MAX_TEMPLATE_LENGTH = 100_000;

function escapeFor(format: ExportFormat): (value: unknown) => string {
  const { escape } = FORMAT_WRITERS[format];
  const write = (value: unknown): string => {
    if (value instanceof Markup) return value.toString();
    if (value === null || value === undefined) return '';
    if (Array.isArray(value)) return value.map(write).join(', ');
    return escape(String(value));
  };
  return write;
}

function joinAuthors(authors: unknown, separator: unknown = ', ', lastSeparator: unknown = ' and '): string {
  const names = (Array.isArray(authors) ? authors : [authors]).map((name) => String(name ?? '')).filter((name) => name !== '');
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(String(separator))}${String(lastSeparator)}${names.at(-1) ?? ''}`;
}

function formatDate(this: { context: Context }, date: unknown, style?: unknown): string {
  if (date === null || date === undefined || date === '') return '';
  const requested = style === undefined ? (this.context.globals as Partial<RenderOptions>).dateFormat : style;
  if (!DATE_FORMATS.includes(requested as DateFormat)) {
    throw new Error(`format_date takes iso, short, medium, long or full, got ${JSON.stringify(requested)}`);
  }
  return formatIssueDate(String(date), requested as DateFormat) ?? String(date);
}

function firstSentenceOf(value: unknown): unknown {
  if (value instanceof InlineMarkup) return value.firstSentence();
  return value instanceof Markup || value === null || value === undefined ? value : firstSentence(String(value));
}

function raw(value: unknown): Markup {
  if (value instanceof EditorMarkup) return new Markup(value.source);
  throw new Error('raw is only for issue.intro and issue.outro (the editor\'s own text); every other value is always escaped');
}

class RefusedTag extends Tag {
  constructor(...args: ConstructorParameters<typeof Tag>) {
    super(...args);
    throw new Error(`{% ${args[0].name} %} is not available in a house style (templates cannot read files or addresses)`);
  }

  *render(): Generator<unknown, void, unknown> {}
}

type CaptureTag = Tag & { templates: Template[]; variable: string };
const BuiltinCaptureTag = tags['capture'] as unknown as new (token: TagToken, remain: TopLevelToken[], liquid: LiquidEngine, parser: Parser) => CaptureTag;

/** `{% capture %}` keeps what it captured as Markup: it is template output, already escaped, and must not be escaped twice. */
class MarkupCaptureTag extends BuiltinCaptureTag {
  override *render(context: Context): Generator<unknown, void, string> {
    const text: string = yield this.liquid.renderer.renderTemplates(this.templates, context);
    context.bottom()[this.variable] = new Markup(text);
  }
}

function createEngine(format: ExportFormat): Liquid {
  const engine = new Liquid({
    outputEscape: escapeFor(format),
    strictVariables: true,
    strictFilters: true,
    // "" and 0 are false, as an editor expects `{% if item.summary %}` to read.
    jsTruthy: true,
    ownPropertyOnly: true,
    templates: {},
    timezoneOffset: 0,
    locale: 'en',
    parseLimit: MAX_TEMPLATE_LENGTH,
    ...LIMITS,
  });
  engine.registerFilter('join_authors', joinAuthors);
  engine.registerFilter('format_date', formatDate);
  engine.registerFilter('first_sentence', firstSentenceOf);
  engine.registerFilter('raw', raw);
  for (const name of ['include', 'render', 'layout', 'block']) engine.registerTag(name, RefusedTag);
  engine.registerTag('capture', MarkupCaptureTag);
  return engine;
}

const engines = new Map<ExportFormat, Liquid>();
function engineFor(format: ExportFormat): Liquid {
  let engine = engines.get(format);
  if (!engine) engines.set(format, (engine = createEngine(format)));
  return engine;
}

interface LiquidErrorLike { message: string; token?: { getPosition?: () => [number, number] }; originalError?: unknown }

/** Liquid's message in plain words, without its own ", line:1, col:2" (the TemplateError says where). */
function describe(error: LiquidErrorLike): string {
  const inner = error.originalError instanceof Error && !('token' in error.originalError) ? error.originalError.message : error.message;
  return inner
    .replace(/, line:\d+, col:\d+$/, '')
    .replace(/^undefined variable: (.*)$/, 'unknown name "$1"')
    .replace(/^undefined filter: (.*)$/, 'unknown filter "$1"')
    .replace(/^tag "(.*)" not found$/, 'unknown tag {% $1 %}');
}

function toTemplateError(error: unknown): TemplateError {
  if (error instanceof TemplateError) return error;
  const liquidError = error as LiquidErrorLike;
  const [line, column] = liquidError.token?.getPosition?.() ?? [1, 1];
  return new TemplateError(describe(liquidError), line, column);
}

export interface CompiledTemplate {
  format: ExportFormat;
  templates: Template[];
}

const compiled = new Map<string, CompiledTemplate>();

/** Parses a template for a format; throws TemplateError. Parsed templates are kept (presets are parsed once). */
export function compileTemplate(source: string, format: ExportFormat): CompiledTemplate {
  const key = `${format}\u0000${source}`;
  const known = compiled.get(key);
  if (known) return known;
  if (source.length > MAX_TEMPLATE_LENGTH) {
    throw new TemplateError(`the template is ${source.length} characters long; at most ${MAX_TEMPLATE_LENGTH} are allowed`, 1, 1);
  }
  let result: CompiledTemplate;
  try {
    result = { format, templates: engineFor(format).parse(source) };
  } catch (error) {
    throw toTemplateError(error);
  }
  // A handful of templates are in use at a time; forget the oldest rather than grow while an editor types.
  if (compiled.size >= 32) compiled.delete(compiled.keys().next().value as string);
  compiled.set(key, result);
  return result;
}

/** Renders a compiled template with its format's escaping; throws TemplateError. */
export function renderCompiledTemplate(template: CompiledTemplate, data: object, options: RenderOptions): string {
  try {
    return engineFor(template.format).renderSync(template.templates, data, { globals: options, ...LIMITS }) as string;
  } catch (error) {
    throw toTemplateError(error);
  }
}
