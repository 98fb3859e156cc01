/**
 * `roundup export FILE --format md|html|text [--issue NUMBER] [--style NAME | --template TEMPLATE_FILE]`:
 * renders an issue from a portable file (an issue file, or a backup with --issue) exactly as the
 * extension would export it, in a preset house style or through the editor's own Liquid template.
 * A backup is exported in its own saved house style (and date format) unless --style or --template says otherwise.
 * FILE `-` reads standard input. On success stdout is the export, byte for byte; on failure
 * stdout stays empty and stderr gets one line (exit 2 for a usage mistake, 1 for anything else);
 * a template that does not parse or render is named with the line and column of the mistake.
 */
import { readFile } from 'node:fs/promises';
import type { ExportFormat } from '../core/format-writers.ts';
import { DEFAULT_HOUSE_STYLE, PRESET_NAMES } from '../core/house-style.ts';
import type { DateFormat } from '../core/issue-title.ts';
import type { HouseStyle, PresetName } from '../core/house-style.ts';
import type { Issue } from '../core/model.ts';
import { OutputRefused } from '../core/output-guard.ts';
import { parsePortableFile } from '../core/portable.ts';
import type { PortableFile } from '../core/portable.ts';
import { renderIssueIn } from '../core/render-issue.ts';
import { TemplateError } from '../core/template-engine.ts';
import { UsageError, oneLine, parseCommandArgs } from './args.ts';

const USAGE = 'usage: roundup export FILE --format md|html|text [--issue NUMBER] [--style NAME | --template TEMPLATE_FILE]';

const FORMATS: Readonly<Record<string, ExportFormat>> = { md: 'md', html: 'html', text: 'text' };

export async function run(argv: string[]): Promise<number> {
  try {
    const args = readExportArgs(argv);
    if (args === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const chosen = await readStyle(args);
    const parsed = parsePortableFile(await readInput(args.file));
    if (!parsed.ok) throw new Error(`${args.file}: ${parsed.error}`);
    const issue = pickIssue(parsed.file, args.issueNumber, args.file);
    const output = renderWith(args, chosen ?? savedStyle(parsed.file, args.file), issue);
    process.stdout.write(output);
    return 0;
  } catch (error) {
    process.stderr.write(`roundup export: ${oneLine(error instanceof Error ? error.message : String(error))}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

interface ExportArgs {
  file: string;
  format: ExportFormat;
  issueNumber: number | null;
  /** Null: no --style given. */
  preset: PresetName | null;
  templateFile: string | null;
}

interface ChosenStyle {
  style: HouseStyle;
  dateFormat?: DateFormat;
  /** Named in a template's error. */
  source: string;
}

/** The style the command line chose, or null to use the file's own (a backup's) or the default. */
async function readStyle(args: ExportArgs): Promise<ChosenStyle | null> {
  if (args.templateFile === null) return args.preset === null ? null : { style: { preset: args.preset, templates: {} }, source: args.preset };
  let source: string;
  try {
    source = await readFile(args.templateFile, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the template ${args.templateFile}: ${describeReadError(error)}`, { cause: error });
  }
  return { style: { preset: args.preset ?? DEFAULT_HOUSE_STYLE.preset, templates: { [args.format]: source } }, source: args.templateFile };
}

/** A backup's saved house style and date format, as the extension exports with them; an issue file has none. */
function savedStyle(file: PortableFile, fileName: string): ChosenStyle {
  if (file.kind === 'issue') return { style: DEFAULT_HOUSE_STYLE, source: DEFAULT_HOUSE_STYLE.preset };
  const { settings, houseStyleProblem } = file.backup;
  if (houseStyleProblem !== undefined) {
    throw new Error(`${fileName}: the backup's house style cannot be used (${houseStyleProblem}); choose one with --style NAME or --template FILE`);
  }
  return { style: settings.houseStyle, dateFormat: settings.dateFormat, source: `the house style saved in ${fileName}` };
}

function renderWith(args: ExportArgs, chosen: ChosenStyle, issue: Issue): string {
  try {
    return renderIssueIn(args.format, issue, { style: chosen.style, ...(chosen.dateFormat ? { dateFormat: chosen.dateFormat } : {}) });
  } catch (error) {
    // The editor's template is at fault: say which file, and where in it.
    if (error instanceof TemplateError || error instanceof OutputRefused) throw new Error(`${chosen.source}: ${error.message}`, { cause: error });
    throw error;
  }
}

function readExportArgs(argv: string[]): ExportArgs | 'help' {
  const { values, positionals } = parseCommandArgs(argv, {
    format: { type: 'string', short: 'f' },
    issue: { type: 'string' },
    style: { type: 'string' },
    template: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError('missing FILE (the portable .json file to export)');
  if (extra.length) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
  if (values.format === undefined) throw new UsageError('missing --format (md, html or text)');
  const format = Object.hasOwn(FORMATS, values.format) ? FORMATS[values.format] : undefined;
  if (!format) throw new UsageError(`unknown --format ${JSON.stringify(values.format)} (expected md, html or text)`);
  if (values.issue !== undefined && !/^[1-9][0-9]{0,15}$/.test(values.issue)) {
    throw new UsageError(`--issue expects an issue number, got ${JSON.stringify(values.issue)}`);
  }
  if (values.style !== undefined && values.template !== undefined) {
    throw new UsageError('choose --style NAME or --template TEMPLATE_FILE, not both (a template replaces the style)');
  }
  const preset = values.style ?? null;
  if (preset !== null && !(PRESET_NAMES as readonly string[]).includes(preset)) {
    throw new UsageError(`unknown --style ${JSON.stringify(preset)} (expected ${PRESET_NAMES.join(', ')})`);
  }
  return {
    file, format, preset: preset as PresetName | null, templateFile: values.template ?? null,
    issueNumber: values.issue === undefined ? null : Number(values.issue),
  };
}

async function readInput(file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${file}: ${describeReadError(error)}`, { cause: error });
  }
}

function describeReadError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

function pickIssue(file: PortableFile, issueNumber: number | null, fileName: string): Issue {
  if (file.kind === 'issue') {
    if (issueNumber !== null && issueNumber !== file.issue.number) {
      throw new Error(`${fileName} holds issue #${file.issue.number}, not #${issueNumber}`);
    }
    return file.issue;
  }
  // Deleted issues are tombstones kept for sync, not issues anyone can export.
  const issues = file.backup.issues.filter((issue) => issue.deleted === undefined);
  const available = describeNumbers(issues);
  if (issueNumber === null) {
    throw new UsageError(`${fileName} is a backup: choose an issue with --issue NUMBER (${available})`);
  }
  const matches = issues.filter((issue) => issue.number === issueNumber);
  const [match, ...others] = matches;
  if (!match) throw new Error(`no issue #${issueNumber} in ${fileName} (${available})`);
  if (others.length) {
    throw new Error(`${fileName} holds ${matches.length} issues numbered #${issueNumber} (ids ${matches.map((issue) => issue.id).join(', ')})`);
  }
  return match;
}

function describeNumbers(issues: readonly Issue[]): string {
  if (!issues.length) return 'it holds no issues';
  const numbers = [...new Set(issues.map((issue) => issue.number))].sort((a, b) => a - b);
  const shown = numbers.length > 30 ? `${numbers.slice(0, 30).join(', ')}, … ${numbers.length - 30} more` : numbers.join(', ');
  return `available: ${shown}`;
}
