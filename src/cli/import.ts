/**
 * `roundup import FILE_OR_DIR... [--format auto|markdown|html|feed] --out BACKUP.json`: a newsletter's
 * past issues (Markdown files, HTML pages, saved emails, RSS or Atom feeds) as a `roundup-backup`
 * file, by the same reading code the extension uses (src/archive/). The backup is checked against
 * the portable schema before it is written, and loads through the options page's Import.
 *
 * stderr: one summary line. stdout: one line per file or feed entry that was not read, with why; with
 * `--dry-run`, nothing is written and stdout also lists each issue found (number, date, sections,
 * items, file, and what of it is not kept), tab-separated: the preview before an import.
 * Exit 0 when issues were found (and written); 1 when nothing could be imported or a path cannot be
 * read (nothing is written then); 2 for a mistake in the command line.
 */
import { rename, writeFile } from 'node:fs/promises';
import { ARCHIVE_FORMATS, readArchiveFiles, type ArchiveFormat } from '../archive/archive-files.ts';
import { nodeMarkupParsers } from '../archive/node-markup.ts';
import { describeArchiveIssues, describeArchivePlan } from '../core/archive-plan.ts';
import { toPortableIssue } from '../core/archive-portable.ts';
import { DEFAULT_SETTINGS } from '../core/model.ts';
import { parsePortableFile, serializeBackup } from '../core/portable.ts';
import { UsageError, oneLine, parseCommandArgs } from './args.ts';
import { describeFsError, readArchivePaths } from './read-paths.ts';

const USAGE = 'usage: roundup import FILE_OR_DIR... [--format auto|markdown|html|feed] (--out BACKUP.json | --dry-run)';

export async function run(argv: string[]): Promise<number> {
  try {
    const args = readImportArgs(argv);
    if (args === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const files = await readArchivePaths(args.paths);
    const plan = await readArchiveFiles(files, nodeMarkupParsers, args.format);
    for (const { source, reason } of plan.unreadable) process.stdout.write(`${source}: ${reason}\n`);
    if (args.out === null) for (const line of describeArchiveIssues(plan)) process.stdout.write(`${line}\n`);
    if (plan.issues.length === 0) {
      const why = plan.unreadable.length === 0 ? 'no files found' : `${plan.unreadable.length === 1 ? 'the file is' : 'none of the files is'} an issue (see above)`;
      throw new Error(`nothing to import from ${args.paths.join(', ')}: ${why}`);
    }
    if (args.out === null) {
      process.stderr.write(`roundup import: ${describeArchivePlan(plan)} (from ${countFiles(files.length)}; dry run, nothing written)\n`);
      return 0;
    }
    const now = new Date().toISOString();
    const backup = serializeBackup(DEFAULT_SETTINGS, plan.issues.map((issue) => toPortableIssue(issue, now)), now);
    const check = parsePortableFile(backup);
    if (!check.ok) throw new Error(`the backup would not load (${check.error}); nothing was written`);
    // Written beside the target and renamed, so a failed run never leaves half a file.
    const partial = `${args.out}.partial`;
    await writeFile(partial, backup).catch((error: unknown) => { throw new Error(`cannot write ${args.out}: ${describeFsError(error)}`); });
    await rename(partial, args.out);
    process.stderr.write(`roundup import: ${describeArchivePlan(plan)} (from ${countFiles(files.length)}) → ${args.out}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`roundup import: ${oneLine(error instanceof Error ? error.message : String(error))}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

function countFiles(count: number): string {
  return count === 1 ? '1 file' : `${count.toLocaleString('en')} files`;
}

interface ImportArgs {
  paths: string[];
  format: ArchiveFormat;
  /** Null for a dry run. */
  out: string | null;
}

function readImportArgs(argv: string[]): ImportArgs | 'help' {
  const { values, positionals } = parseCommandArgs(argv, {
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    'dry-run': { type: 'boolean', short: 'n' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  if (positionals.length === 0) throw new UsageError('missing FILE_OR_DIR (the archive to import)');
  if (values.out === undefined && !values['dry-run']) throw new UsageError('missing --out BACKUP.json (where to write the backup), or --dry-run');
  if (values.out !== undefined && values['dry-run']) throw new UsageError('--dry-run writes nothing: give --out or --dry-run, not both');
  const format = values.format ?? 'auto';
  if (!(ARCHIVE_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown --format ${JSON.stringify(format)} (expected auto, markdown, html or feed)`);
  }
  return { paths: positionals, format: format as ArchiveFormat, out: values.out ?? null };
}
