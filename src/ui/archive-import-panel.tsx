/**
 * "Import past issues": the issues a newsletter published before Roundup (Markdown files, HTML pages,
 * saved emails, RSS or Atom feeds), read and previewed in the page (archive-import.ts) before anything
 * is written: the issues found with their sections and items, which are new here, and each file that
 * is not an issue with why. "Import" writes only the new ones, as published issues; a stored issue is
 * never changed, so importing the same archive again says there is nothing new.
 */
import { useRef, useState } from 'preact/hooks';
import type { ArchivePreview } from '../core/archive-apply.ts';
import type { ArchiveImportResult } from '../messages.ts';
import { applyArchive, planArchiveFiles, readChosenFiles, readStoredForArchive } from './archive-import.ts';
import { logRejection } from '../core/rejections.ts';
import { errorText } from './error-text.ts';

interface Props {
  id: string;
  /** Called after an import wrote something. */
  onImported?: (result: ArchiveImportResult) => void;
}

interface Chosen {
  what: string;
  preview: ArchivePreview;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** The folder picker's property (a boolean: Preact sets it as one), which Preact's typings do not name. */
const FOLDER = { webkitdirectory: true } as Record<string, boolean>;

export function ArchiveImportPanel({ id, onImported }: Props) {
  const folderInput = useRef<HTMLInputElement>(null);
  const filesInput = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function read(list: FileList | null) {
    const files = [...(list ?? [])];
    if (files.length === 0) return;
    const what = files.length === 1 ? `“${files[0]?.name ?? ''}”` : plural(files.length, 'file');
    setChosen(null);
    setError(null);
    setDone(null);
    setBusy(`Reading ${what}…`);
    try {
      const [archiveFiles, stored] = await Promise.all([readChosenFiles(files), readStoredForArchive()]);
      setChosen({ what, preview: await planArchiveFiles(archiveFiles, stored) });
    } catch (caught) {
      setError(`Could not read ${what}: ${errorText(caught)}`);
    } finally {
      setBusy(null);
      // Lets the same files be chosen again after fixing them.
      for (const input of [folderInput.current, filesInput.current]) if (input) input.value = '';
    }
  }

  async function apply() {
    if (!chosen) return;
    const count = chosen.preview.writes.length;
    setBusy(`Importing ${plural(count, 'issue')}…`);
    try {
      const result = await applyArchive(chosen.preview.writes);
      setDone(result.imported.length === 0
        ? 'Nothing new: every issue is already here.'
        : `Imported ${plural(result.imported.length, 'past issue')} as published issues${result.skipped.length > 0 ? `; ${plural(result.skipped.length, 'issue')} left alone (already here)` : ''}.`);
      setChosen(null);
      if (result.imported.length > 0) onImported?.(result);
    } catch (caught) {
      setError(`Could not import: ${errorText(caught)}`);
    } finally {
      setBusy(null);
    }
  }

  const preview = chosen?.preview;
  return (
    <div class="import-panel archive-import">
      <p id={`${id}-hint`} class="hint">
        Issues you published before Roundup: Markdown, HTML pages, saved emails (.eml) or an RSS/Atom feed. You see what was found before anything is written;
        issues already here are left as they are.
      </p>
      <label for={`${id}-folder`}>Choose a folder</label>
      <input ref={folderInput} id={`${id}-folder`} type="file" multiple {...FOLDER} aria-describedby={`${id}-hint`}
        onChange={(event) => { read(event.currentTarget.files).catch(logRejection('read the chosen archive files')); }} />
      <label for={`${id}-files`}>Or choose files</label>
      <input ref={filesInput} id={`${id}-files`} type="file" multiple aria-describedby={`${id}-hint`}
        accept=".md,.markdown,.txt,.html,.htm,.xhtml,.eml,.xml,.rss,.atom,.tsv,.csv"
        onChange={(event) => { read(event.currentTarget.files).catch(logRejection('read the chosen archive files')); }} />
      <div aria-live="polite">
        {busy && <p>{busy}</p>}
        {done && <p class="notice">{done}</p>}
      </div>
      {error && <p role="alert" class="error">{error}</p>}
      {chosen && preview && <ArchivePreviewView id={id} chosen={chosen} busy={busy !== null} onApply={() => { apply().catch(logRejection('import the past issues')); }} onCancel={() => setChosen(null)} />}
    </div>
  );
}

function ArchivePreviewView({ id, chosen: { what, preview }, busy, onApply, onCancel }:
  { id: string; chosen: Chosen; busy: boolean; onApply: () => void; onCancel: () => void }) {
  const { found, newIssues, skipped, unreadable, sectionCount, itemCount, writes } = preview;
  const isNew = new Set(newIssues.map((issue) => issue.id));
  return (
    <section class="import-review" aria-labelledby={`${id}-review`}>
      <h3 id={`${id}-review`}>
        {what}: {plural(found.length, 'issue')}, {plural(itemCount, 'item')} in {plural(sectionCount, 'section')}
      </h3>
      <div class="import-plan">
        {found.length > 0 && (
          <>
            <h4>Issues found</h4>
            <ul class="archive-issues">
              {found.map((issue) => (
                <li key={issue.id}>
                  #{issue.number} {issue.title} · {issue.date ?? 'no date'} · {plural(issue.sectionCount, 'section')}, {plural(issue.itemCount, 'item')}
                  {isNew.has(issue.id) ? ' · new' : ''}
                  {issue.notes.length > 0 && <span class="hint"> · not kept: {issue.notes.join('; ')}</span>}
                </li>
              ))}
            </ul>
          </>
        )}
        {skipped.length > 0 && (
          <>
            <h4>Left alone: {plural(skipped.length, 'issue')}</h4>
            <ul>{skipped.map((skip) => <li key={skip.number}>#{skip.number} {skip.title}: {skip.reason}</li>)}</ul>
          </>
        )}
        {unreadable.length > 0 && (
          <>
            <h4>Not read: {plural(unreadable.length, 'file or entry', 'files or entries')}</h4>
            <ul>{unreadable.map((source) => <li key={source.source}>{source.source}: {source.reason}</li>)}</ul>
          </>
        )}
      </div>
      {writes.length === 0 && <p>{found.length === 0 ? 'No issue was found in what you chose.' : 'Nothing new to import: every issue found is already here.'}</p>}
      <div class="row">
        <button type="button" class="primary" disabled={writes.length === 0 || busy} onClick={onApply}>
          Import {plural(writes.length, 'issue')}
        </button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </section>
  );
}
