/** Backup and restore: everything out as one portable file, and a backup or issue file back in. */
import { useState } from 'preact/hooks';
import { downloadBackup } from '../src/ui/backup-download.ts';
import { errorText } from '../src/ui/error-text.ts';
import { ImportPanel } from '../src/ui/import-panel.tsx';
import { logRejection } from '../src/core/rejections.ts';

export function BackupPanel({ onImported }: { onImported: () => void }) {
  const [status, setStatus] = useState<string | null>(null);

  async function exportAll() {
    try {
      setStatus(`Saved ${await downloadBackup()}.`);
    } catch (caught) {
      setStatus(`Could not export: ${errorText(caught)}`);
    }
  }

  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup and restore</h2>
      <p>A backup holds every issue (drafts and archive, with private notes) and these settings.</p>
      <div class="row">
        <button type="button" onClick={() => { exportAll().catch(logRejection('export everything')); }}>Export everything</button>
        <span aria-live="polite">{status}</span>
      </div>
      <ImportPanel id="options-import" onImported={onImported} />
    </section>
  );
}
