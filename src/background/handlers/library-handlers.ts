/** Across all issues: search, settings, and the portable backup (export, import preview, import). */
import { ZERO_HLC, maxHlc } from '../../core/hlc.ts';
import { planImport, type ImportPlan } from '../../core/import-plan.ts';
import { latestClockOf } from '../../core/merge.ts';
import { parsePortableFile, type PortableFile } from '../../core/portable.ts';
import { searchItems } from '../../core/search-items.ts';
import type { ImportPreview } from '../../messages.ts';
import { importInOneTransaction, readStoredForImport } from '../../storage/import-writer.ts';
import { listIssues } from '../../storage/issues-repo.ts';
import { getSettings, putSettings } from '../../storage/settings-repo.ts';
import { issuesChanged, settingsChanged } from '../changes.ts';
import { receiveClock } from '../clock.ts';
import { database } from '../database.ts';
import { stageChunk, takeUpload } from '../upload-staging.ts';
import type { HandlersFor } from './handler-types.ts';

type LibraryMessages = 'items/search' | 'settings/get' | 'settings/put' | 'backup/get' | 'import/stage' | 'import/preview' | 'import/apply';

/** The parser's one-line message names the problem, e.g. `issue.items[3].url: expected an absolute URL`. */
function parseOrThrow(text: string): PortableFile {
  const parsed = parsePortableFile(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.file;
}

function preview({ writes: _writes, fileSettings: _settings, ...shown }: ImportPlan): ImportPreview {
  return shown;
}

export const libraryHandlers: HandlersFor<LibraryMessages> = {
  async 'items/search'({ query }) {
    return searchItems((await listIssues(await database())).values, query);
  },

  async 'settings/get'() {
    return (await getSettings(await database())).settings;
  },

  // Settings only shape new issues: nothing stored is rewritten, published issues least of all.
  async 'settings/put'({ settings }) {
    await putSettings(await database(), settings);
    settingsChanged();
    return settings;
  },

  async 'backup/get'() {
    const db = await database();
    const [{ settings }, { values }] = await Promise.all([getSettings(db), listIssues(db)]);
    return { settings, issues: values };
  },

  async 'import/stage'({ uploadId, index, chunk }) {
    stageChunk(uploadId, index, chunk);
  },

  async 'import/preview'({ uploadId, chunkCount }) {
    const file = parseOrThrow(takeUpload(uploadId, chunkCount));
    return preview(planImport(file, await readStoredForImport(await database())));
  },

  async 'import/apply'({ uploadId, chunkCount, replaceSettings }) {
    const file = parseOrThrow(takeUpload(uploadId, chunkCount));
    const plan = await importInOneTransaction(await database(), (stored) => {
      const planned = planImport(file, stored);
      const settings = replaceSettings && planned.settingsChanges.length > 0 ? planned.fileSettings : null;
      return { writes: { issues: planned.writes, settings }, result: planned };
    });
    // Edits made after the import must be later than anything it brought (an undo checks exactly that).
    const latest = plan.writes.reduce((clock, issue) => maxHlc(clock, latestClockOf(issue)), ZERO_HLC);
    if (latest !== ZERO_HLC) await receiveClock(latest);
    if (plan.settingsChanges.length > 0 && replaceSettings) settingsChanged();
    await issuesChanged();
    return preview(plan);
  },
};
