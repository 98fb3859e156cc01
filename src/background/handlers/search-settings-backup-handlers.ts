/** Across all issues: search, settings, and the portable backup (export, import preview, import). */
import { checkArchivedIssue, selectArchiveWrites } from '../../core/archive-apply.ts';
import { describeFileProblem } from '../../core/file-problem.ts';
import { ZERO_HLC } from '../../core/hlc.ts';
import { latestBelievedClockOf, planImport, type ImportPlan } from '../../core/import-plan.ts';
import { parsePortableData, type PortableFile } from '../../core/portable.ts';
import { searchItems } from '../../core/search-items.ts';
import type { ImportPreview } from '../../messages.ts';
import { importInOneTransaction, readStoredForImport } from '../../storage/import-writer.ts';
import { listIssues } from '../../storage/issues-repo.ts';
import { getSettings, putSettings } from '../../storage/settings-repo.ts';
import { issuesChanged, settingsChanged } from '../changes.ts';
import { receiveClock } from '../../sync/index.ts';
import { database } from '../database.ts';
import type { HandlersFor } from './handler-types.ts';

type SearchSettingsBackupMessages = 'items/search' | 'settings/get' | 'settings/notices' | 'settings/put' | 'backup/get' | 'import/stored' | 'import/apply' | 'archive/import';

/** The parser names the field path; the editor reads the problem in plain words (core/file-problem.ts). */
function parseOrThrow(data: unknown): PortableFile {
  const parsed = parsePortableData(data);
  if (!parsed.ok) throw new Error(describeFileProblem(parsed.error));
  return parsed.file;
}

function preview({ writes: _writes, fileSettings: _settings, ...shown }: ImportPlan): ImportPreview {
  return shown;
}

export const searchSettingsBackupHandlers: HandlersFor<SearchSettingsBackupMessages> = {
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

  async 'import/stored'() {
    const { issues, damagedIds, settings } = await readStoredForImport(await database());
    return { issues: [...issues], damagedIds: [...damagedIds], settings };
  },

  async 'import/apply'({ file: sent, replaceSettings }) {
    const file = parseOrThrow(sent);
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

  async 'archive/import'({ issues: sent }) {
    const incoming = sent.map(checkArchivedIssue);
    const { writes, skipped } = await importInOneTransaction(await database(), (stored) => {
      const selected = selectArchiveWrites(incoming, stored);
      return { writes: { issues: selected.writes, settings: null }, result: selected };
    });
    if (writes.length > 0) await issuesChanged();
    return { imported: writes.map(({ id, number, title }) => ({ id, number, title })), skipped };
  },
};
