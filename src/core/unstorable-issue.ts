/**
 * Why a merge of two valid copies of an issue (sync or import) could not be stored, in plain words for
 * the editor: each copy was within the limits (schema.ts `LIMITS`), but together they are not, e.g.
 * 600 sections here and 600 other sections in the copy that arrived. The schema's message names a
 * field path; the editor needs what it means, never the path.
 */
import { LIMITS } from './schema.ts';

const COUNTED: ReadonlyArray<{ pattern: RegExp; noun: string; limit: number }> = [
  { pattern: /\.sections: expected at most/, noun: 'sections', limit: LIMITS.sections },
  { pattern: /\.items: expected at most/, noun: 'items', limit: LIMITS.items },
  { pattern: /\.clocks: expected at most/, noun: 'edit times on one entry', limit: LIMITS.clocks },
];

/** `error`: what parseIssue said of the merged issue. */
export function describeUnstorableIssue(error: string): string {
  const got = /got (\d+)/.exec(error)?.[1];
  for (const { pattern, noun, limit } of COUNTED) {
    if (!pattern.test(error)) continue;
    const count = got === undefined ? 'more' : Number(got).toLocaleString('en');
    return `together with the copy on this device it would hold ${count} ${noun}, more than Roundup keeps in one issue `
      + `(${limit.toLocaleString('en')}); the copy on this device was kept as it is`;
  }
  return 'together with the copy on this device it would not make a valid issue; the copy on this device was kept as it is';
}
