/**
 * The plan of an import, shown before anything is written: which issues are new, which stored ones
 * change and how, where the stored (newer) value is kept over the file's, and what is left alone.
 * Applying the plan writes `writes` (and the file's settings, if the editor chooses so) in one
 * transaction; nothing stored is ever deleted or hidden by an import (import-merge.ts).
 *
 * A file is outside input, its clocks included: a clock more than a day ahead of this device's
 * (clock-trust.ts) carries no weight, so it cannot make the file win over what is stored here, and
 * what the import writes never pushes this device's clock past the rule. An issue that would come out
 * of the merge too big to store is left alone, with the reason, and the rest is imported.
 */
import { distrustFutureClocks } from './clock-trust.ts';
import { describeIssueChanges } from './describe-issue-changes.ts';
import { mergeIssueForImport, type ImportConflict } from './import-merge.ts';
import { ZERO_HLC, maxHlc } from './hlc.ts';
import { latestClockOf } from './merge.ts';
import { liveItems } from './live-parts.ts';
import { DEFAULT_SETTINGS, type Hlc, type Issue, type Settings } from './model.ts';
import { describeTemplateProblem, findHouseStyleProblem } from './house-style-check.ts';
import type { Backup, PortableFile } from './portable.ts';
import { parseIssue } from './schema.ts';
import { describeUnstorableIssue } from './unstorable-issue.ts';

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
  /** Issues the import leaves alone, with the reason in plain words: the stored copy is damaged, or the merge would not fit. */
  skippedIssues: Array<IssueBrief & { reason: string }>;
  /** What else the editor should know, in plain words (edit times from the future that were not believed). */
  notes: string[];
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
  /** This device's wall clock when the plan is made: the file's clocks far ahead of it are not believed. */
  nowMs: number;
}

const SETTING_LABELS: Readonly<Record<keyof Settings, string>> = {
  newsletterName: 'newsletter name', titlePattern: 'title pattern', defaultSections: 'default sections',
  introTemplate: 'intro template', outroTemplate: 'outro template', summaryLength: 'summary length', dateFormat: 'date format',
  keepTrackingParameters: 'tracking parameters in links', houseStyle: 'house style',
};

export function planImport(file: PortableFile, stored: StoredState): ImportPlan {
  const incoming = file.kind === 'issue' ? [file.issue] : file.backup.issues;
  const byId = new Map(stored.issues.map((issue) => [issue.id, issue]));
  const plan: ImportPlan = {
    kind: file.kind, exportedAt: file.kind === 'backup' ? file.backup.exportedAt : null, newIssues: [], updatedIssues: [],
    unchangedIssues: [], conflicts: [], skippedIssues: [], notes: [], writes: [],
    settingsChanges: [],
    storedSettingsAreDefaults: diffSettings(stored.settings, DEFAULT_SETTINGS).length === 0,
    fileSettings: null,
  };
  if (file.kind === 'backup') {
    const { settings, refused } = screenFileHouseStyle(file.backup, stored.settings);
    if (refused !== null) plan.notes.push(refused);
    plan.fileSettings = settings;
    plan.settingsChanges = diffSettings(stored.settings, settings);
  }
  for (const fromFile of incoming) {
    const { issue, ignored } = distrustFutureClocks(fromFile, stored.nowMs);
    if (ignored > 0) {
      plan.notes.push(`Issue #${issue.number} in the file carries edit times more than a day ahead of this device’s clock `
        + '(the device that wrote it may have had a wrong date); those edits count as older than anything stored here.');
    }
    const local = byId.get(issue.id);
    if (stored.damagedIds.has(issue.id)) {
      plan.skippedIssues.push({ ...brief(issue), reason: 'the stored copy is damaged; it was left as it is' });
    } else if (local === undefined) {
      plan.newIssues.push(brief(issue));
      plan.writes.push(issue);
    } else {
      const { merged, conflicts } = mergeIssueForImport(local, issue);
      const checked = merged === local ? null : parseIssue(merged);
      if (checked !== null && !checked.ok) {
        plan.skippedIssues.push({ ...brief(local), reason: describeUnstorableIssue(checked.error) });
        continue;
      }
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

/**
 * The newest clock the file brings that this device believes: the device clock is moved past it before
 * the import is written, so an edit made right after it (an undo) is later than anything it brought.
 */
export function latestBelievedClockOf(file: PortableFile, nowMs: number): Hlc {
  const issues = file.kind === 'issue' ? [file.issue] : file.backup.issues;
  return issues.reduce<Hlc>((latest, issue) => maxHlc(latest, latestClockOf(distrustFutureClocks(issue, nowMs).issue)), ZERO_HLC);
}

/**
 * A backup's house style that cannot be read or does not render is refused, in words, and the stored
 * style is kept in its place; the file's other settings are taken as usual.
 */
function screenFileHouseStyle(backup: Backup, storedSettings: Settings): { settings: Settings; refused: string | null } {
  const problem = findHouseStyleProblem(backup.settings.houseStyle);
  const why = backup.houseStyleProblem ?? (problem ? describeTemplateProblem(problem) : null);
  if (why === null) return { settings: backup.settings, refused: null };
  return {
    settings: { ...backup.settings, houseStyle: storedSettings.houseStyle },
    refused: `The house style in the file was not imported: ${why}. Your house style stays as it is; everything else in the file can be imported.`,
  };
}

/** Labels of the settings that differ, in the order of the settings page. */
export function diffSettings(current: Settings, other: Settings): string[] {
  return (Object.keys(SETTING_LABELS) as (keyof Settings)[])
    .filter((key) => JSON.stringify(current[key]) !== JSON.stringify(other[key]))
    .map((key) => SETTING_LABELS[key]);
}

function brief(issue: Issue): IssueBrief {
  // Counted as the editor page and the popup count it (live-parts.ts): a removed section still holding a live item shows it.
  return { id: issue.id, number: issue.number, title: issue.title, itemCount: liveItems(issue).length };
}
