import { describe, expect, it } from 'vitest';
import { formatHlc } from './hlc.ts';
import { diffSettings, planImport, type StoredState } from './import-plan.ts';
import { liveItems } from './live-parts.ts';
import { DEFAULT_SETTINGS, type Issue } from './model.ts';
import type { PortableFile } from './portable.ts';
import { positionsForCount } from './position.ts';
import { parseIssue } from './schema.ts';
import { makeIssue, makeItem, makeSection } from './test-factories.ts';

const T1 = formatHlc({ ms: 1_000, counter: 0, deviceId: 'laptop' });
const T2 = formatHlc({ ms: 2_000, counter: 0, deviceId: 'laptop' });

const NOW = Date.UTC(2026, 10, 20);

function stored(issues: Issue[], damaged: string[] = []): StoredState {
  return { issues, damagedIds: new Set(damaged), settings: DEFAULT_SETTINGS, nowMs: NOW };
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

  // A section removed on one device while another filed into it stays shown with that item (live-parts.ts):
  // the preview counts what the editor page will show.
  it('counts a live item in a removed section as the editor page shows it', () => {
    const issue = makeIssue({
      sections: [makeSection(), makeSection({ id: 'removed', name: 'Old', position: 'a1', deleted: T1 })],
      items: [makeItem(), makeItem({ id: 'kept', sectionId: 'removed' })],
    });
    expect(planImport({ kind: 'issue', issue }, stored([])).newIssues[0]?.itemCount).toBe(liveItems(issue).length);
    expect(liveItems(issue)).toHaveLength(2);
  });

  // Issue 13, findings 1, 2 and 7: a backup carrying the largest clock there is made this device's clock unusable
  // ("hybrid logical clock exhausted") although the issue was stored.
  it.each([
    ['the largest clock there is', 'zzzzzzzzz:zzzz:evil'],
    ['one a counter short of it', 'zzzzzzzzz:zzzy:evil'],
    ['the year 2500', formatHlc({ ms: Date.UTC(2500, 0, 1), counter: 0, deviceId: 'evil' })],
  ])('does not believe %s in a file: it loses to what is stored, writes no such clock, and says so', (_name, evil) => {
    const local = makeIssue({ number: 206, tagline: 'Ours', clocks: { tagline: T2 } });
    const file = makeIssue({ number: 206, tagline: 'Theirs', title: 'Fresh title', clocks: { tagline: evil, title: evil, deleted: evil }, deleted: evil });
    const plan = planImport({ kind: 'issue', issue: file }, stored([local]));
    expect(plan.writes).toEqual([]);
    expect(plan.conflicts.map((conflict) => conflict.field)).toEqual(['tagline', 'title']);
    expect(plan.notes).toEqual([expect.stringMatching(/^Issue #206 in the file carries edit times more than a day ahead of this device’s clock/)]);
    const fresh = planImport({ kind: 'issue', issue: { ...file, id: 'new' } }, stored([local]));
    expect(fresh.writes).toHaveLength(1);
    expect(JSON.stringify(fresh.writes)).not.toContain(evil);
    expect(fresh.writes[0]).toMatchObject({ tagline: 'Theirs', clocks: {} });
    expect(fresh.writes[0]?.deleted).toBeUndefined();
  });

  // Issue 13, finding 6.
  it('never removes or hides a stored issue or its items, whatever the file says', () => {
    const local = makeIssue({ number: 206, items: [makeItem({ id: 'a' }), makeItem({ id: 'b', position: 'a1' })] });
    const removal = { deleted: T2, clocks: { deleted: T2 } };
    const file = makeIssue({ number: 206, ...removal, items: [makeItem({ id: 'a', ...removal }), makeItem({ id: 'b', position: 'a1', ...removal })] });
    const plan = planImport(backup([file]), stored([local]));
    expect(plan.writes).toEqual([]);
    expect(plan.unchangedIssues.map((issue) => issue.itemCount)).toEqual([2]);
    expect(plan.conflicts.map((conflict) => [conflict.where, conflict.kept, conflict.incoming])).toEqual([
      ['issue', 'present', 'removed'], ['item “An article”', 'present', 'removed'], ['item “An article”', 'present', 'removed']]);
  });

  // Issue 13, finding 3, for files: a merge that would break a limit leaves that issue alone and imports the rest.
  it('leaves alone an issue that the merge would make too big to store, with the reason, and imports the rest', () => {
    const many = (prefix: string, count: number) => positionsForCount(count).map((position, index) =>
      makeSection({ id: `${prefix}${index}`, name: `${prefix}${index}`, position }));
    const local = makeIssue({ number: 206, sections: many('here', 600), items: [] });
    const file = makeIssue({ number: 206, sections: many('there', 600), items: [] });
    expect(parseIssue(local).ok && parseIssue(file).ok).toBe(true);
    const other = makeIssue({ id: 'other', number: 207 });
    const plan = planImport(backup([file, other]), stored([local]));
    expect(plan.skippedIssues).toEqual([expect.objectContaining({ number: 206,
      reason: 'together with the copy on this device it would hold 1,200 sections, more than Roundup keeps in one issue (1,000); the copy on this device was kept as it is' })]);
    expect(plan.writes.map((issue) => issue.id)).toEqual(['other']);
    expect(JSON.stringify(plan)).not.toMatch(/issue\.sections|expected at most/);
  });

  describe('a backup\'s house style', () => {
    const mine = { ...DEFAULT_SETTINGS, houseStyle: { preset: 'digest' as const, templates: { text: '{{ issue.title }}' } } };
    const storedMine = (): StoredState => ({ ...stored([]), settings: mine });

    it('is carried with the other settings when it renders', () => {
      const theirs = { ...DEFAULT_SETTINGS, newsletterName: 'Theirs', houseStyle: { preset: 'quote' as const, templates: { md: '# {{ issue.title }}' } } };
      const plan = planImport(backup([], theirs), storedMine());
      expect(plan.fileSettings).toEqual(theirs);
      expect(plan.settingsChanges).toEqual(['newsletter name', 'house style']);
      expect(plan.notes).toEqual([]);
    });

    it('is refused in words when a template does not render; the stored style stays and the rest is carried', () => {
      const theirs = { ...DEFAULT_SETTINGS, newsletterName: 'Theirs', houseStyle: { preset: 'quote' as const, templates: { md: '{% for x in %}' } } };
      const plan = planImport(backup([makeIssue({ id: 'fresh' })], theirs), storedMine());
      expect(plan.fileSettings).toEqual({ ...theirs, houseStyle: mine.houseStyle });
      expect(plan.settingsChanges).toEqual(['newsletter name']);
      expect(plan.newIssues.map((issue) => issue.id)).toEqual(['fresh']);
      expect(plan.notes).toEqual([expect.stringMatching(/^The house style in the file was not imported: the Markdown template does not work \(line 1, column 1: .*\)\. Your house style stays as it is; everything else in the file can be imported\.$/)]);
    });

    it('is refused in words when the file\'s style could not be read', () => {
      const file = backup([], DEFAULT_SETTINGS);
      if (file.kind === 'backup') file.backup.houseStyleProblem = 'expected one of the presets heading, quote, bullets, digest, got "fancy"';
      const plan = planImport(file, storedMine());
      expect(plan.fileSettings?.houseStyle).toEqual(mine.houseStyle);
      expect(plan.notes).toEqual(['The house style in the file was not imported: expected one of the presets heading, quote, bullets, digest, got "fancy". '
        + 'Your house style stays as it is; everything else in the file can be imported.']);
    });
  });
});

