import { afterEach, describe, expect, it, vi } from 'vitest';
import { issueWithLinks } from '../core/featured-test-factories.ts';
import { DEFAULT_SETTINGS } from '../core/model.ts';
import { parsePortableData, serializeBackup } from '../core/portable.ts';
import type { ImportPreview } from '../messages.ts';
import { applyFile, combineResults, planFileAgainst } from './plan-import.ts';

const issues = [1, 2, 3].map((number) => issueWithLinks({ number, links: [{ url: `https://example.com/${number}` }] }));
const backup = serializeBackup(DEFAULT_SETTINGS, issues, '2026-11-20T10:00:00.000Z');
const empty = { issues: [], damagedIds: [], settings: DEFAULT_SETTINGS };

afterEach(() => {
  delete (globalThis as { chrome?: unknown }).chrome;
});

describe('planning a backup import in the page', () => {
  it('shows every issue as new against an empty store, and nothing new once they are stored', () => {
    const { plan } = planFileAgainst(backup, empty, Date.now());
    expect(plan.newIssues.map((issue) => issue.number)).toEqual([1, 2, 3]);
    expect(plan).not.toHaveProperty('writes');
    const again = planFileAgainst(backup, { ...empty, issues }, Date.now()).plan;
    expect(again.newIssues).toEqual([]);
    expect(again.unchangedIssues.map((issue) => issue.number)).toEqual([1, 2, 3]);
  });

  it('refuses a file that is not a backup in plain words, without a field path', () => {
    expect(() => planFileAgainst('{"format":"roundup-backup","version":1}', empty, 0)).toThrow(/date of the backup/);
    expect(() => planFileAgainst('not json', empty, 0)).toThrow(/not valid JSON/);
  });

  it('sends a big backup in batches that are valid backups each, and answers for all of them', async () => {
    const sent: unknown[] = [];
    const sendMessage = vi.fn(async ({ args }: { args: { file: unknown } }) => {
      sent.push(args.file);
      const checked = parsePortableData(args.file);
      if (!checked.ok || checked.file.kind !== 'backup') throw new Error('not a backup');
      const answer = planFileAgainst(JSON.stringify(args.file), empty, Date.now()).plan;
      return { ok: true, value: answer };
    });
    Object.assign(globalThis, { chrome: { runtime: { sendMessage } } });
    const { file } = planFileAgainst(backup, empty, Date.now());
    const result = await applyFile(file, false, JSON.stringify(issues[0]).length + 10);
    expect(sent).toHaveLength(3);
    expect(result.newIssues.map((issue) => issue.number)).toEqual([1, 2, 3]);
  });

  it('combines the batches’ answers, the settings as the first one says', () => {
    const brief = (number: number) => ({ id: `i${number}`, number, title: '', itemCount: 0 });
    const answer = (number: number, settingsChanges: string[]): ImportPreview => ({
      kind: 'backup', exportedAt: null, newIssues: [brief(number)], updatedIssues: [], unchangedIssues: [], conflicts: [],
      skippedIssues: [], notes: ['same note'], settingsChanges, storedSettingsAreDefaults: true,
    });
    const combined = combineResults([answer(1, ['newsletter name']), answer(2, [])]);
    expect(combined.newIssues.map((issue) => issue.number)).toEqual([1, 2]);
    expect(combined.settingsChanges).toEqual(['newsletter name']);
    expect(combined.notes).toEqual(['same note']);
  });
});
