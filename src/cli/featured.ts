/**
 * `roundup featured BACKUP.json URL...`: for each URL, one line `URL<TAB>Issue #N<TAB>Section` per
 * issue of the backup that holds the same page (by the dedupe key, core/url.ts), newest issue first,
 * or `URL<TAB>not featured`. The check a newsletter's CI can run on a draft's links. URL `-` reads
 * URLs from standard input, one per line. Drafts in the backup count too, marked `(draft)`.
 * Exit 0 when every URL was looked up; 1 when the backup cannot be read; 2 for a command-line mistake.
 */
import { readFile } from 'node:fs/promises';
import { buildFeaturedIndex, dedupeKeysOf, findFeatured, type FeaturedHit } from '../core/featured.ts';
import { parsePortableFile } from '../core/portable.ts';
import { UsageError, oneLine, parseCommandArgs } from './args.ts';
import { describeFsError } from './read-paths.ts';

const USAGE = 'usage: roundup featured BACKUP.json URL... (URL - reads URLs from stdin)';

export async function run(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parseCommandArgs(argv, { help: { type: 'boolean', short: 'h' } });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const [file, ...given] = positionals;
    if (file === undefined) throw new UsageError('missing BACKUP.json (a backup or issue file, e.g. from roundup import)');
    if (given.length === 0) throw new UsageError('missing URL (one or more links to look up, or - for stdin)');
    const urls = given.includes('-') ? [...given.filter((url) => url !== '-'), ...(await readStdinLines())] : given;
    const bad = urls.find((url) => !URL.canParse(url));
    if (bad !== undefined) throw new UsageError(`not an absolute URL: ${JSON.stringify(bad)}`);
    const text = await readFile(file, 'utf8').catch((error: unknown) => { throw new Error(`cannot read ${file}: ${describeFsError(error)}`); });
    const parsed = parsePortableFile(text);
    if (!parsed.ok) throw new Error(`${file}: ${parsed.error}`);
    const issues = parsed.file.kind === 'issue' ? [parsed.file.issue] : parsed.file.backup.issues;
    const index = buildFeaturedIndex(issues);
    process.stdout.write(urls.map((url) => describeHits(url, hitsFor(index, url))).join(''));
    return 0;
  } catch (error) {
    process.stderr.write(`roundup featured: ${oneLine(error instanceof Error ? error.message : String(error))}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

/** One hit per issue, newest first (the index keeps them so), the first section in reading order. */
function hitsFor(index: ReturnType<typeof buildFeaturedIndex>, url: string): FeaturedHit[] {
  const byIssue = new Map<string, FeaturedHit>();
  for (const key of dedupeKeysOf(url, null)) {
    for (const hit of findFeatured(index, key)) if (!byIssue.has(hit.issueId)) byIssue.set(hit.issueId, hit);
  }
  return [...byIssue.values()];
}

function describeHits(url: string, hits: readonly FeaturedHit[]): string {
  if (hits.length === 0) return `${url}\tnot featured\n`;
  return hits.map((hit) => `${url}\tIssue #${hit.issueNumber}${hit.issueStatus === 'draft' ? ' (draft)' : ''}\t${oneLine(hit.sectionName)}\n`).join('');
}

async function readStdinLines(): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
}
