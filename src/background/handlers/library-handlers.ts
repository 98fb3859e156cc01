/** Across all issues: search, settings, and the portable backup (export, import preview, import). */
import { describeFileProblem } from '../../core/file-problem.ts';
import { ZERO_HLC } from '../../core/hlc.ts';
import { latestBelievedClockOf, planImport, type ImportPlan } from '../../core/import-plan.ts';
import { parsePortableFile, type PortableFile } from '../../core/portable.ts';
import { searchItems } from '../../core/search-items.ts';
import type { ImportPreview } from '../../messages.ts';
import { importInOneTransaction, readStoredForImport } from '../../storage/import-writer.ts';
import { listIssues } from '../../storage/issues-repo.ts';
import { getSettings, putSettings } from '../../storage/settings-repo.ts';
import { issuesChanged, settingsChanged } from '../changes.ts';
import { receiveClock } from '../../sync/index.ts';
import { database } from '../database.ts';
import { stageChunk, takeUpload } from '../upload-staging.ts';
import type { HandlersFor } from './handler-types.ts';

type LibraryMessages = 'items/search' | 'settings/get' | 'settings/notices' | 'settings/put' | 'backup/get' | 'import/stage' | 'import/preview' | 'import/apply';

/** The parser names the field path; the editor reads the problem in plain words (core/file-problem.ts). */
function parseOrThrow(text: string): PortableFile {
  const parsed = parsePortableFile(text);
  if (!parsed.ok) throw new Error(describeFileProblem(parsed.error));
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

  async 'settings/notices'() {
    return (await getSettings(await database())).notices;
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
    // Edits made after the import must be later than anything it brings: the clock moves first.
    const latest = latestBelievedClockOf(file, Date.now());
    if (latest !== ZERO_HLC) await receiveClock(latest);
    const plan = await importInOneTransaction(await database(), (stored) => {
      const planned = planImport(file, stored);
      const settings = replaceSettings && planned.settingsChanges.length > 0 ? planned.fileSettings : null;
      return { writes: { issues: planned.writes, settings }, result: planned };
    });
    if (plan.settingsChanges.length > 0 && replaceSettings) settingsChanged();
    await issuesChanged();
    return preview(plan);
  },
};
