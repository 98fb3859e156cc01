/**
 * The plan of an import, shown before anything is written: which issues are new, which stored ones
 * change and how, where the stored (newer) value is kept over the file's, and what is left alone.
 * Applying the plan writes `writes` (and the file's settings, if the editor chooses so) in one
 * transaction; nothing is ever deleted by an import.
 */
import { describeIssueChanges } from './describe-issue-changes.ts';
import { mergeIssueForImport, type ImportConflict } from './import-merge.ts';
import { DEFAULT_SETTINGS, type Issue, type Settings } from './model.ts';
import type { PortableFile } from './portable.ts';

export interface IssueBrief {
  id: string;
  number: number;
  title: string;
  itemCount: number;
}

export interface PlannedUpdate extends IssueBrief {
  changes: string[];
}

export interface PlannedConflict extends ImportConflict {
  issueNumber: number;
}

export interface ImportPlan {
  kind: PortableFile['kind'];
  /** When a backup was written; null for an issue file. */
  exportedAt: string | null;
  newIssues: IssueBrief[];
  updatedIssues: PlannedUpdate[];
  unchangedIssues: IssueBrief[];
  conflicts: PlannedConflict[];
  /** Issues whose stored copy is damaged: the import leaves them alone rather than guess. */
  skippedIssues: Array<IssueBrief & { reason: string }>;
  /** The settings whose values differ between the store and a backup; empty for an issue file. */
  settingsChanges: string[];
  /** Whether the stored settings are still the defaults (then taking a backup's loses nothing). */
  storedSettingsAreDefaults: boolean;
  /** What to store: new issues as the file has them, changed ones merged. */
  writes: Issue[];
  /** A backup's settings, to store only if the editor agrees to replace theirs. */
  fileSettings: Settings | null;
}

export interface StoredState {
  /** Every readable stored issue, removed ones included (their tombstones take part in the merge). */
  issues: readonly Issue[];
  /** Ids of stored issue records that could not be read. */
  damagedIds: ReadonlySet<string>;
  settings: Settings;
}

const SETTING_LABELS: Readonly<Record<keyof Settings, string>> = {
  newsletterName: 'newsletter name', titlePattern: 'title pattern', defaultSections: 'default sections',
  introTemplate: 'intro template', outroTemplate: 'outro template', summaryLength: 'summary length', dateFormat: 'date format',
  keepTrackingParameters: 'tracking parameters in links',
};

export function planImport(file: PortableFile, stored: StoredState): ImportPlan {
  const incoming = file.kind === 'issue' ? [file.issue] : file.backup.issues;
  const byId = new Map(stored.issues.map((issue) => [issue.id, issue]));
  const plan: ImportPlan = {
    kind: file.kind, exportedAt: file.kind === 'backup' ? file.backup.exportedAt : null, newIssues: [], updatedIssues: [],
    unchangedIssues: [], conflicts: [], skippedIssues: [], writes: [],
    settingsChanges: file.kind === 'backup' ? diffSettings(stored.settings, file.backup.settings) : [],
    storedSettingsAreDefaults: diffSettings(stored.settings, DEFAULT_SETTINGS).length === 0,
    fileSettings: file.kind === 'backup' ? file.backup.settings : null,
  };
  for (const issue of incoming) {
    const local = byId.get(issue.id);
    if (stored.damagedIds.has(issue.id)) {
      plan.skippedIssues.push({ ...brief(issue), reason: 'the stored copy is damaged; it was left as it is' });
    } else if (local === undefined) {
      plan.newIssues.push(brief(issue));
      plan.writes.push(issue);
    } else {
      const { merged, conflicts } = mergeIssueForImport(local, issue);
      plan.conflicts.push(...conflicts.map((conflict) => ({ ...conflict, issueNumber: local.number })));
      if (merged === local) plan.unchangedIssues.push(brief(local));
      else {
        plan.updatedIssues.push({ ...brief(merged), changes: describeIssueChanges(local, merged) });
        plan.writes.push(merged);
      }
    }
  }
  return plan;
}

/** Labels of the settings that differ, in the order of the settings page. */
export function diffSettings(current: Settings, other: Settings): string[] {
  return (Object.keys(SETTING_LABELS) as (keyof Settings)[])
    .filter((key) => JSON.stringify(current[key]) !== JSON.stringify(other[key]))
    .map((key) => SETTING_LABELS[key]);
}

function brief(issue: Issue): IssueBrief {
  const sections = new Set(issue.sections.filter((section) => section.deleted === undefined).map((section) => section.id));
  const itemCount = issue.items.filter((item) => item.deleted === undefined && sections.has(item.sectionId)).length;
  return { id: issue.id, number: issue.number, title: issue.title, itemCount };
}
