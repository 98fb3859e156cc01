/**
 * Import a backup or a single issue file: the page reads and validates it and plans the merge against
 * what is stored (plan-import.ts), shows the plan, and only "Import" writes (the background checks the
 * content again and writes it in one transaction per batch). A file that cannot be read is refused
 * with the parser's message in plain words, and nothing stored changes.
 */
import { useRef, useState } from 'preact/hooks';
import type { ImportPreview } from '../messages.ts';
import { errorText } from './error-text.ts';
import { ImportPlanView, changesNothing, describeApplied } from './import-plan-view.tsx';
import { applyFile, planFile, type PlannedFile } from './plan-import.ts';
import { readFileInChunks } from './read-file-in-chunks.ts';
import { logRejection } from '../core/rejections.ts';

interface Props {
  id: string;
  /** Called after an import wrote something, with what it did. */
  onImported?: (result: ImportPreview) => void;
}

interface Chosen extends PlannedFile {
  name: string;
}

export function ImportPanel({ id, onImported }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [replaceSettings, setReplaceSettings] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function read(file: File) {
    setChosen(null);
    setError(null);
    setDone(null);
    setBusy(`Reading “${file.name}”…`);
    try {
      const planned = await planFile((await readFileInChunks(file)).join(''));
      setChosen({ name: file.name, ...planned });
      const { plan } = planned;
      setReplaceSettings(plan.settingsChanges.length > 0 && plan.storedSettingsAreDefaults);
    } catch (caught) {
      setError(`Could not import “${file.name}”: ${errorText(caught)}`);
    } finally {
      setBusy(null);
      // Lets the same file be chosen again after fixing it.
      if (input.current) input.current.value = '';
    }
  }

  async function apply() {
    if (!chosen) return;
    setBusy(`Importing “${chosen.name}”…`);
    try {
      // Planned again by the background on what is stored then: minutes may have passed.
      const result = await applyFile(chosen.file, replaceSettings);
      setDone(`Imported “${chosen.name}”: ${describeApplied(result, replaceSettings && result.settingsChanges.length > 0)}.`);
      setChosen(null);
      onImported?.(result);
    } catch (caught) {
      setError(`Could not import “${chosen.name}”: ${errorText(caught)}`);
    } finally {
      setBusy(null);
    }
  }

  const plan = chosen?.plan;
  const nothing = plan ? changesNothing(plan, replaceSettings) : false;
  return (
    <div class="import-panel">
      <label for={id}>Import a backup or issue file</label>
      <input ref={input} id={id} type="file" accept=".json,application/json" aria-describedby={`${id}-hint`}
        onChange={(event) => { const file = event.currentTarget.files?.[0]; if (file) read(file).catch(logRejection(`read “${file.name}”`)); }} />
      <p id={`${id}-hint`} class="hint">Nothing is written until you confirm. Newer data on this device is never overwritten.</p>
      <div aria-live="polite">
        {busy && <p>{busy}</p>}
        {done && <p class="notice">{done}</p>}
      </div>
      {error && <p role="alert" class="error">{error}</p>}
      {chosen && plan && (
        <section class="import-review" aria-label={`What importing ${chosen.name} will do`}>
          <h3>
            “{chosen.name}”: {plan.kind === 'backup' ? `a backup${plan.exportedAt ? ` from ${plan.exportedAt.slice(0, 10)}` : ''}` : 'an issue file'}
          </h3>
          <ImportPlanView plan={plan} />
          {plan.settingsChanges.length > 0 && (
            <div class="checkbox">
              <input id={`${id}-settings`} type="checkbox" checked={replaceSettings}
                onChange={(event) => setReplaceSettings(event.currentTarget.checked)} />
              <label for={`${id}-settings`}>Replace my settings with the file’s (they differ in: {plan.settingsChanges.join(', ')})</label>
            </div>
          )}
          {nothing && <p>Nothing to import: everything in this file is already here.</p>}
          <div class="row">
            <button type="button" class="primary" disabled={nothing || busy !== null} onClick={() => { apply().catch(logRejection('import the file')); }}>Import</button>
            <button type="button" onClick={() => setChosen(null)}>Cancel</button>
          </div>
        </section>
      )}
    </div>
  );
}
