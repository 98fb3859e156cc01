/**
 * `roundup export FILE --format md|html|text [--issue NUMBER]`: renders an issue from a portable
 * file (an issue file, or a backup with --issue) exactly as the extension would export it.
 * FILE `-` reads standard input. On success stdout is the export, byte for byte; on failure
 * stdout stays empty and stderr gets one line (exit 2 for a usage mistake, 1 for anything else).
 */
import { readFile } from 'node:fs/promises';
import type { Issue } from '../core/model.ts';
import { parsePortableFile } from '../core/portable.ts';
import type { PortableFile } from '../core/portable.ts';
import { renderIssueAsHtml } from '../core/render-html.ts';
import { renderIssueAsMarkdown } from '../core/render-markdown.ts';
import { renderIssueAsText } from '../core/render-text.ts';
import { UsageError, oneLine, parseCommandArgs } from './args.ts';

const USAGE = 'usage: roundup export FILE --format md|html|text [--issue NUMBER]';

const RENDERERS: Record<string, (issue: Issue) => string> = {
  md: renderIssueAsMarkdown,
  html: renderIssueAsHtml,
  text: renderIssueAsText,
};

export async function run(argv: string[]): Promise<number> {
  try {
    const args = readExportArgs(argv);
    if (args === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const parsed = parsePortableFile(await readInput(args.file));
    if (!parsed.ok) throw new Error(`${args.file}: ${parsed.error}`);
    const output = args.render(pickIssue(parsed.file, args.issueNumber, args.file));
    process.stdout.write(output);
    return 0;
  } catch (error) {
    process.stderr.write(`roundup export: ${oneLine(error instanceof Error ? error.message : String(error))}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

interface ExportArgs {
  file: string;
  render: (issue: Issue) => string;
  issueNumber: number | null;
}

function readExportArgs(argv: string[]): ExportArgs | 'help' {
  const { values, positionals } = parseCommandArgs(argv, {
    format: { type: 'string', short: 'f' },
    issue: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError('missing FILE (the portable .json file to export)');
  if (extra.length) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
  if (values.format === undefined) throw new UsageError('missing --format (md, html or text)');
  const render = Object.hasOwn(RENDERERS, values.format) ? RENDERERS[values.format] : undefined;
  if (!render) throw new UsageError(`unknown --format ${JSON.stringify(values.format)} (expected md, html or text)`);
  if (values.issue !== undefined && !/^[1-9][0-9]{0,15}$/.test(values.issue)) {
    throw new UsageError(`--issue expects an issue number, got ${JSON.stringify(values.issue)}`);
  }
  return { file, render, issueNumber: values.issue === undefined ? null : Number(values.issue) };
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
