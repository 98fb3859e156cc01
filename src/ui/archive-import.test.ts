import { afterEach, describe, expect, it, vi } from 'vitest';
import { nodeMarkupParsers } from '../archive/node-markup.ts';
import { selectArchiveWrites } from '../core/archive-apply.ts';
import { deleteIssue } from '../core/issue-ops.ts';
import { testClock } from '../core/featured-test-factories.ts';
import { makeIssue } from '../core/test-factories.ts';
import type { Issue } from '../core/model.ts';
import { applyArchive, planArchiveFiles } from './archive-import.ts';

const encoder = new TextEncoder();
const file = (path: string, text: string) => ({ path, bytes: encoder.encode(text) });
const issueFile = (number: number) => file(`weekly/issue-${number}.md`,
  `---\ntitle: Weekly ${number}\ndate: 2024-01-0${number}\n---\nHello.\n\n## News\n\n- [Story ${number}](https://example.com/${number}) Why it matters.\n- [Other](https://example.org/${number})\n\n## Papers\n\n- [Paper](https://arxiv.org/abs/${number})\n`);
const files = [issueFile(1), issueFile(2), file('weekly/notes.md', '# Notes\n\nNothing linked here.\n'), file('weekly/cover.png', '\u0089PNG')];
const nothingStored = { issues: [], damagedIds: new Set<string>() };
const options = { parsers: nodeMarkupParsers, importedAt: '2026-11-20T10:00:00.000Z' };

afterEach(() => {
  delete (globalThis as { chrome?: unknown }).chrome;
});

describe('planning an archive import in the page', () => {
  it('previews the issues, sections and items found, and names each file that is not an issue with why', async () => {
    const preview = await planArchiveFiles(files, nothingStored, options);
    expect(preview.found.map(({ number, title, date, sectionCount, itemCount }) => [number, title, date, sectionCount, itemCount]))
      .toEqual([[1, 'Weekly 1', '2024-01-01', 2, 3], [2, 'Weekly 2', '2024-01-02', 2, 3]]);
    expect(preview.newIssues.map((issue) => issue.number)).toEqual([1, 2]);
    expect([preview.sectionCount, preview.itemCount]).toEqual([4, 6]);
    expect(preview.unreadable).toEqual([
      { source: 'weekly/cover.png', reason: 'not a Markdown, HTML, email or feed file' },
      { source: 'weekly/notes.md', reason: 'not an issue: no list item or heading starts with a web link' },
    ]);
    expect(preview.writes.map((issue) => [issue.id, issue.status, issue.items.length])).toEqual([['archive-1', 'published', 3], ['archive-2', 'published', 3]]);
  });

  it('plans nothing new once the archive is stored, and leaves a stored issue of the same number alone', async () => {
    const first = await planArchiveFiles(files, nothingStored, options);
    const again = await planArchiveFiles(files, { issues: first.writes, damagedIds: new Set() }, options);
    expect(again.newIssues).toEqual([]);
    expect(again.writes).toEqual([]);
    expect(again.skipped.map((skip) => skip.reason)).toEqual(['already here', 'already here']);
    const own = makeIssue({ id: 'mine', number: 2, title: 'My issue two' });
    const clash = await planArchiveFiles(files, { issues: [own], damagedIds: new Set() }, options);
    expect(clash.writes.map((issue) => issue.number)).toEqual([1]);
    expect(clash.skipped).toEqual([{ number: 2, title: 'Weekly 2', reason: 'issue #2 is already here (“My issue two”); it was left as it is' }]);
  });

  it('never brings back an imported issue the editor removed, nor writes over a damaged record', async () => {
    const { writes } = await planArchiveFiles(files, nothingStored, options);
    const removed = deleteIssue(writes[0] as Issue, testClock(5_000));
    const selected = selectArchiveWrites(writes, { issues: [removed], damagedIds: new Set(['archive-2']) });
    expect(selected.writes).toEqual([]);
    expect(selected.skipped.map((skip) => skip.reason)).toEqual([
      'imported before and removed since; restore it from “Recently removed” if you want it back',
      'the stored copy is damaged; it was left as it is',
    ]);
  });

  it('sends the new issues in batches and adds up what each wrote', async () => {
    const { writes } = await planArchiveFiles(files, nothingStored, options);
    const batches: unknown[][] = [];
    const sendMessage = vi.fn(async ({ args }: { args: { issues: Issue[] } }) => {
      batches.push(args.issues);
      return { ok: true, value: { imported: args.issues.map(({ id, number, title }) => ({ id, number, title })), skipped: [] } };
    });
    Object.assign(globalThis, { chrome: { runtime: { sendMessage } } });
    const result = await applyArchive(writes, JSON.stringify(writes[0]).length + 10);
    expect(batches.map((batch) => batch.length)).toEqual([1, 1]);
    expect(result.imported.map((issue) => issue.number)).toEqual([1, 2]);
    expect(await applyArchive([])).toEqual({ imported: [], skipped: [] });
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });
});
