/**
 * Importing past issues into the store (issue 15): the page reads the files and plans (archive-plan.ts,
 * archive-portable.ts), the background writes. Both decide with the same rule, here: an archived issue
 * is written only when nothing stored has its id or, alive, its number. So a stored issue is never
 * changed, replaced or hidden, and importing the same archive again writes nothing.
 */
import { countItems, type ArchivePlan, type UnreadSource } from './archive-plan.ts';
import { archiveIssueId, toPortableIssue } from './archive-portable.ts';
import { describeFileProblem } from './file-problem.ts';
import type { Issue } from './model.ts';
import { parseIssue } from './schema.ts';

export interface StoredForArchive {
  /** Every readable stored issue, removed ones included. */
  issues: readonly Issue[];
  /** Ids of stored records that could not be read. */
  damagedIds: ReadonlySet<string>;
}

export interface ArchiveSkip {
  number: number;
  title: string;
  /** In plain words. */
  reason: string;
}

export interface ArchiveWrites {
  writes: Issue[];
  skipped: ArchiveSkip[];
}

export function selectArchiveWrites(incoming: readonly Issue[], stored: StoredForArchive): ArchiveWrites {
  const byId = new Map(stored.issues.map((issue) => [issue.id, issue]));
  const liveByNumber = new Map(stored.issues.filter((issue) => issue.deleted === undefined).map((issue) => [issue.number, issue]));
  const writes: Issue[] = [];
  const skipped: ArchiveSkip[] = [];
  const taken = new Set<number>();
  for (const issue of incoming) {
    const skip = (reason: string) => skipped.push({ number: issue.number, title: issue.title, reason });
    const sameId = byId.get(issue.id);
    const sameNumber = liveByNumber.get(issue.number);
    if (stored.damagedIds.has(issue.id)) skip('the stored copy is damaged; it was left as it is');
    else if (sameId?.deleted !== undefined) skip('imported before and removed since; restore it from “Recently removed” if you want it back');
    else if (sameId !== undefined) skip('already here');
    else if (sameNumber !== undefined) skip(`issue #${issue.number} is already here (“${sameNumber.title}”); it was left as it is`);
    else if (taken.has(issue.number)) skip(`issue #${issue.number} comes twice; the first one is kept`);
    else {
      writes.push(issue);
      taken.add(issue.number);
    }
  }
  return { writes, skipped };
}

export interface ArchiveIssueBrief {
  id: string;
  number: number;
  title: string;
  /** yyyy-mm-dd, or null. */
  date: string | null;
  sectionCount: number;
  itemCount: number;
  source: string;
  /** What of the file is not kept, in words. */
  notes: string[];
}

/** What the editor sees before saying "Import": every issue found, which are new here, and what could not be read. */
export interface ArchivePreview {
  found: ArchiveIssueBrief[];
  newIssues: ArchiveIssueBrief[];
  skipped: ArchiveSkip[];
  unreadable: UnreadSource[];
  sectionCount: number;
  itemCount: number;
  /** The issues to send: the new ones, as the store holds issues. */
  writes: Issue[];
}

export function planArchiveImport(plan: ArchivePlan, stored: StoredForArchive, importedAt: string): ArchivePreview {
  const { writes, skipped } = selectArchiveWrites(plan.issues.map((issue) => toPortableIssue(issue, importedAt)), stored);
  const found = plan.issues.map((issue): ArchiveIssueBrief => ({
    id: archiveIssueId(issue.number), number: issue.number, title: issue.title, date: issue.publishedAt?.slice(0, 10) ?? null,
    sectionCount: issue.sections.length, itemCount: countItems(issue), source: issue.source, notes: issue.notes,
  }));
  const writing = new Set(writes.map((issue) => issue.id));
  return { found, newIssues: found.filter((issue) => writing.has(issue.id)), skipped, unreadable: plan.unreadable,
    sectionCount: plan.sectionCount, itemCount: plan.itemCount, writes };
}

/**
 * A past issue as a page sent it (`archive/import`): checked again by the background, since a message is a
 * boundary. It must be a valid, published issue under its archive id (what makes a re-import meet it).
 */
export function checkArchivedIssue(value: unknown, index: number): Issue {
  const parsed = parseIssue(value);
  const number = (value as { number?: unknown } | null)?.number;
  const which = typeof number === 'number' ? `issue #${number}` : `issue ${index + 1} of the request`;
  if (!parsed.ok) throw new Error(`Nothing was imported: ${which} is not an issue Roundup can store (${describeFileProblem(parsed.error)}).`);
  if (parsed.value.status !== 'published' || parsed.value.id !== archiveIssueId(parsed.value.number)) {
    throw new Error(`Nothing was imported: ${which} is not a past issue read from an archive.`);
  }
  return parsed.value;
}
