/**
 * The settings page: how new issues are named and laid out, how long captured summaries get, and
 * backup and restore. Settings shape new issues only; issues that exist, published ones above all,
 * keep what they have.
 */
import { SyncStatus } from '../src/ui/sync-status.tsx';
import { BackupPanel } from './backup-panel.tsx';
import { SettingsForm } from './settings-form.tsx';
import { useSettings } from './use-settings.ts';
import { logRejection } from '../src/core/rejections.ts';

export function Options() {
  const { settings, version, error, status, save, reload } = useSettings();
  if (!settings) return <main class="options">{error ? <p role="alert" class="error">{error}</p> : <p>Loading…</p>}</main>;
  return (
    <main class="options">
      <header class="options-head">
        <h1>Roundup settings</h1>
        <a href="../editor/index.html">Open the editor</a>
      </header>
      {error && <p role="alert" class="error">{error}</p>}
      <p class="saved" aria-live="polite">{status}</p>
      {/* Started over when settings arrive from elsewhere (an import); while typed in, fields keep their own text. */}
      <SettingsForm key={version} settings={settings} save={(patch) => { save(patch).catch(logRejection('save the settings')); }} />
      <section aria-labelledby="sync-heading">
        <h2 id="sync-heading">Sync</h2>
        <p>Drafts and settings follow you to your other devices through the browser's own sync; each issue has a “Sync this issue” switch in the editor.</p>
        <SyncStatus />
      </section>
      <BackupPanel onImported={() => { reload().catch(logRejection('reload the settings')); }} />
    </main>
  );
}
