import { describe, expect, it } from 'vitest';
import { formatHlc } from './hlc.ts';
import { diffSettings, planImport, type StoredState } from './import-plan.ts';
import { DEFAULT_SETTINGS, type Issue } from './model.ts';
import type { PortableFile } from './portable.ts';
import { makeIssue, makeItem } from './test-factories.ts';

const T1 = formatHlc({ ms: 1_000, counter: 0, deviceId: 'laptop' });
const T2 = formatHlc({ ms: 2_000, counter: 0, deviceId: 'laptop' });

function stored(issues: Issue[], damaged: string[] = []): StoredState {
  return { issues, damagedIds: new Set(damaged), settings: DEFAULT_SETTINGS };
}
const backup = (issues: Issue[], settings = DEFAULT_SETTINGS): PortableFile =>
  ({ kind: 'backup', backup: { exportedAt: '2026-11-02T10:00:00.000Z', settings, issues } });

describe('planImport', () => {
  it('adds an issue the store does not have, as the file has it', () => {
    const issue = makeIssue({ id: 'new', number: 7 });
    const plan = planImport({ kind: 'issue', issue }, stored([]));
    expect(plan).toMatchObject({ kind: 'issue', exportedAt: null, updatedIssues: [], conflicts: [], settingsChanges: [], fileSettings: null });
    expect(plan.newIssues).toEqual([{ id: 'new', number: 7, title: issue.title, itemCount: 1 }]);
    expect(plan.writes).toEqual([issue]);
  });

  it('sorts a backup’s issues into new, updated and unchanged, and writes only what changes', () => {
    const same = makeIssue({ id: 'same', number: 1 });
    const older = makeIssue({ id: 'older', number: 2, title: 'Old title', clocks: { title: T1 } });
    const newer = { ...older, title: 'New title', clocks: { title: T2 }, items: [...older.items, makeItem({ id: 'item-2', position: 'a1' })] };
    const plan = planImport(backup([same, newer, makeIssue({ id: 'fresh', number: 3 })]), stored([same, older]));
    expect(plan.newIssues.map((issue) => issue.id)).toEqual(['fresh']);
    expect(plan.updatedIssues).toEqual([{ id: 'older', number: 2, title: 'New title', itemCount: 2, changes: ['title changed', '1 item added'] }]);
    expect(plan.unchangedIssues.map((issue) => issue.id)).toEqual(['same']);
    expect(plan.writes.map((issue) => issue.id)).toEqual(['older', 'fresh']);
  });

  it('lists the stored newer values it keeps, with the issue number', () => {
    const local = makeIssue({ number: 206, items: [makeItem({ summary: 'Polished', clocks: { summary: T2 } })] });
    const plan = planImport({ kind: 'issue', issue: makeIssue({ number: 206 }) }, stored([local]));
    expect(plan.conflicts).toEqual([{ issueNumber: 206, where: 'item “An article”', field: 'summary', kept: 'Polished', incoming: 'What the article says.' }]);
    expect(plan.writes).toEqual([]);
    expect(plan.unchangedIssues).toHaveLength(1);
  });

  it('leaves an issue whose stored record is damaged alone', () => {
    const plan = planImport({ kind: 'issue', issue: makeIssue() }, stored([], ['issue-1']));
    expect(plan.skippedIssues).toEqual([expect.objectContaining({ id: 'issue-1', reason: expect.stringMatching(/damaged/) })]);
    expect(plan.writes).toEqual([]);
    expect(plan.newIssues).toEqual([]);
  });

  it('names the settings a backup would change and carries them for the editor to accept', () => {
    const theirs = { ...DEFAULT_SETTINGS, newsletterName: 'Deep Learning Weekly', defaultSections: ['Industry'] };
    const plan = planImport(backup([], theirs), stored([]));
    expect(plan.settingsChanges).toEqual(['newsletter name', 'default sections']);
    expect(plan.fileSettings).toEqual(theirs);
    expect(plan.storedSettingsAreDefaults).toBe(true);
    expect(planImport(backup([]), { ...stored([]), settings: theirs }).storedSettingsAreDefaults).toBe(false);
    expect(diffSettings(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS })).toEqual([]);
  });

  it('counts only the live items of an issue', () => {
    const issue = makeIssue({ items: [makeItem(), makeItem({ id: 'gone', deleted: T1 })] });
    expect(planImport({ kind: 'issue', issue }, stored([])).newIssues[0]?.itemCount).toBe(1);
  });
});
