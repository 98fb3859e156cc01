/**
 * The settings as the page edits them: each change is shown at once and saved whole through the
 * background (`settings/put`). Saves build on the latest local value, so quick edits of two fields
 * do not undo each other. `version` changes only when settings come from elsewhere (an import),
 * so fields that keep their own text know to start over.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '../src/core/model.ts';
import { errorText } from '../src/ui/error-text.ts';
import { send } from '../src/ui/send.ts';
import { useStoredChanges } from '../src/ui/stored-changes.ts';

export function useSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const latest = useRef<Settings | null>(null);

  const reload = useCallback(async () => {
    try {
      const loaded = await send('settings/get', {});
      latest.current = loaded;
      setSettings(loaded);
      setVersion((n) => n + 1);
    } catch (caught) {
      setError(errorText(caught));
    }
  }, []);

  useEffect(() => { reload().catch((caught: unknown) => setError(errorText(caught))); }, [reload]);

  // Settings changed elsewhere (another tab, an import, another device): shown at once. This page's own
  // saves come back too, equal to what it shows, and must not start the fields over under the editor's hands.
  const saving = useRef(0);
  const edits = useRef(0);
  useStoredChanges(() => {
    if (saving.current > 0) return; // this page's own save; a change from elsewhere is read after it
    const editsBefore = edits.current;
    send('settings/get', {}).then((stored) => {
      if (edits.current !== editsBefore || saving.current > 0) return; // typed meanwhile: what is typed wins here
      if (JSON.stringify(stored) === JSON.stringify(latest.current)) return;
      latest.current = stored;
      setSettings(stored);
      setVersion((n) => n + 1);
    }, (caught: unknown) => setError(errorText(caught)));
  });

  const save = useCallback(async (patch: Partial<Settings>) => {
    if (!latest.current) return;
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setSettings(next);
    edits.current += 1;
    saving.current += 1;
    try {
      await send('settings/put', { settings: next });
      setError(null);
      setStatus('Saved. New issues use these settings; existing issues keep theirs.');
    } catch (caught) {
      setError(`Not saved: ${errorText(caught)}`);
    } finally {
      saving.current -= 1;
    }
  }, []);

  return { settings, version, error, status, save, reload };
}
