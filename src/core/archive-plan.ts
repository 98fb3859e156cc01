/**
 * The plan of an archive import, shown before anything is written: the issues found with
 * their sections and items, what could not be read and why, and against what is stored, which
 * issues are new. Idempotent by number: an issue whose number is already stored is left as it is,
 * so importing the same archive again writes nothing.
 */
import type { ArchivedIssue, IssueReadResult } from './archive-issue.ts';
import type { Issue } from './model.ts';

export interface UnreadSource {
  source: string;
  reason: string;
}

export interface ArchivePlan {
  /** By number, each number once. */
  issues: ArchivedIssue[];
  unreadable: UnreadSource[];
  sectionCount: number;
  itemCount: number;
}

export function planArchive(results: readonly IssueReadResult[], unreadable: readonly UnreadSource[] = []): ArchivePlan {
  const byNumber = new Map<number, ArchivedIssue>();
  const notRead: UnreadSource[] = [...unreadable];
  for (const result of results) {
    if (!result.ok) {
      notRead.push({ source: result.source, reason: result.reason });
      continue;
    }
    const held = byNumber.get(result.issue.number);
    if (held === undefined) byNumber.set(result.issue.number, result.issue);
    else notRead.push({ source: result.issue.source, reason: `issue #${result.issue.number} is also in ${held.source}; the first one read is kept` });
  }
  const issues = [...byNumber.values()].sort((a, b) => a.number - b.number);
  return {
    issues,
    unreadable: notRead.sort((a, b) => compareText(a.source, b.source)),
    sectionCount: issues.reduce((sum, issue) => sum + issue.sections.length, 0),
    itemCount: issues.reduce((sum, issue) => sum + countItems(issue), 0),
  };
}

export interface StoredNumberClash {
  number: number;
  source: string;
  /** The stored issue's title. */
  storedTitle: string;
}

export interface ArchiveImportPlan extends ArchivePlan {
  /** The issues to write: no live stored issue has their number. */
  newIssues: ArchivedIssue[];
  /** Left as they are: an issue with that number is stored (imported before, or made in Roundup). */
  alreadyStored: StoredNumberClash[];
}

/** Which issues of the plan are new here; deleted stored issues do not hold their number. */
export function planArchiveAgainstStored(plan: ArchivePlan, stored: readonly Issue[]): ArchiveImportPlan {
  const storedByNumber = new Map(stored.filter((issue) => issue.deleted === undefined).map((issue) => [issue.number, issue]));
  const newIssues: ArchivedIssue[] = [];
  const alreadyStored: StoredNumberClash[] = [];
  for (const issue of plan.issues) {
    const held = storedByNumber.get(issue.number);
    if (held === undefined) newIssues.push(issue);
    else alreadyStored.push({ number: issue.number, source: issue.source, storedTitle: held.title });
  }
  return { ...plan, newIssues, alreadyStored };
}

export function countItems(issue: ArchivedIssue): number {
  return issue.sections.reduce((sum, section) => sum + section.items.length, 0);
}

/** One line for a terminal or a status line: "538 issues, 9,336 items in 2,166 sections; 1 file or entry not read; 440 issues have text that is not kept". */
export function describeArchivePlan(plan: ArchivePlan): string {
  const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
  const notRead = plan.unreadable.length === 0 ? '' : `; ${count(plan.unreadable.length, 'file or entry', 'files or entries')} not read`;
  const noted = plan.issues.filter((issue) => issue.notes.length > 0).length;
  const notes = noted === 0 ? '' : `; ${count(noted, 'issue has', 'issues have')} text that is not kept`;
  return `${count(plan.issues.length, 'issue', 'issues')}, ${count(plan.itemCount, 'item', 'items')} in ${count(plan.sectionCount, 'section', 'sections')}${notRead}${notes}`;
}

/** The plan as tab-separated lines, one per issue (number, date, sections, items, source, notes): the command line's preview. */
export function describeArchiveIssues(plan: ArchivePlan): string[] {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return plan.issues.map((issue) => [`#${issue.number}`, issue.publishedAt?.slice(0, 10) ?? 'no date',
    plural(issue.sections.length, 'section', 'sections'), plural(countItems(issue), 'item', 'items'), issue.source, ...issue.notes].join('\t'));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
