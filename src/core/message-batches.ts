/**
 * What a page sends the background in one message stays well under what a browser carries (Chrome's
 * runtime messages take about 64 MiB of JSON): a bigger import goes in batches, each a valid file (or
 * list of issues) on its own, each applied idempotently, so a batch sent twice or a later batch that
 * fails leaves nothing half-written.
 */
import { BACKUP_FILE_FORMAT, ISSUE_FILE_FORMAT, PORTABLE_FORMAT_VERSION, type PortableFile } from './portable.ts';

export const MESSAGE_BATCH_CHARS = 8_000_000;

/** Consecutive groups of at most `maxChars` of JSON each (a value bigger than that alone in its group); at least one group. */
export function batchBySize<T>(values: readonly T[], maxChars = MESSAGE_BATCH_CHARS): T[][] {
  const batches: T[][] = [[]];
  let size = 0;
  for (const value of values) {
    const length = JSON.stringify(value).length + 1;
    const current = batches[batches.length - 1] ?? [];
    if (current.length > 0 && size + length > maxChars) {
      batches.push([value]);
      size = length;
    } else {
      current.push(value);
      size += length;
    }
  }
  return batches;
}

/** The file as the values `import/apply` takes, in batches of issues; each is a portable file of the same kind. */
export function portableBatches(file: PortableFile, maxChars = MESSAGE_BATCH_CHARS): object[] {
  if (file.kind === 'issue') return [{ format: ISSUE_FILE_FORMAT, version: PORTABLE_FORMAT_VERSION, issue: file.issue }];
  const { exportedAt, settings, issues } = file.backup;
  return batchBySize(issues, maxChars).map((batch) => ({ format: BACKUP_FILE_FORMAT, version: PORTABLE_FORMAT_VERSION, exportedAt, settings, issues: batch }));
}
