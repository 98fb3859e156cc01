/**
 * A backup or issue file is read and planned here, in the page (the core is pure): the preview costs
 * the background one read of what is stored, and "Import" sends the checked content once, in batches
 * of issues when the backup is big (core/message-batches.ts). The background checks it again.
 */
import { describeFileProblem } from '../core/file-problem.ts';
import { planImport } from '../core/import-plan.ts';
import { portableBatches } from '../core/message-batches.ts';
import { parsePortableFile, type PortableFile } from '../core/portable.ts';
import type { ImportPreview, StoredForImport } from '../messages.ts';
import { send } from './send.ts';

export interface PlannedFile {
  file: PortableFile;
  plan: ImportPreview;
}

export function planFileAgainst(text: string, stored: StoredForImport, nowMs: number): PlannedFile {
  const parsed = parsePortableFile(text);
  if (!parsed.ok) throw new Error(describeFileProblem(parsed.error));
  const { writes: _writes, fileSettings: _settings, ...plan } = planImport(parsed.file,
    { issues: stored.issues, damagedIds: new Set(stored.damagedIds), settings: stored.settings, nowMs });
  return { file: parsed.file, plan };
}

export async function planFile(text: string): Promise<PlannedFile> {
  return planFileAgainst(text, await send('import/stored', {}), Date.now());
}

/** Sends the file, batch after batch; what each wrote, as one answer. */
export async function applyFile(file: PortableFile, replaceSettings: boolean, maxChars?: number): Promise<ImportPreview> {
  const results: ImportPreview[] = [];
  for (const batch of portableBatches(file, maxChars)) results.push(await send('import/apply', { file: batch, replaceSettings }));
  return combineResults(results);
}

/** Batches are disjoint sets of issues of one file; the settings are decided by the first. */
export function combineResults([first, ...rest]: readonly ImportPreview[]): ImportPreview {
  if (first === undefined) throw new Error('nothing was sent');
  return rest.reduce<ImportPreview>((all, next) => ({
    ...all,
    newIssues: [...all.newIssues, ...next.newIssues], updatedIssues: [...all.updatedIssues, ...next.updatedIssues],
    unchangedIssues: [...all.unchangedIssues, ...next.unchangedIssues], conflicts: [...all.conflicts, ...next.conflicts],
    skippedIssues: [...all.skippedIssues, ...next.skippedIssues], notes: [...new Set([...all.notes, ...next.notes])],
  }), first);
}
