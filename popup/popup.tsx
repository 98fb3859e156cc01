/** The popup: file the current page into a section of the current draft, keyboard first. */
import type { PopupState } from '../src/messages.ts';
import { usePopup } from './use-popup.ts';
import { CaptureForm } from './capture-form.tsx';
import { DraftItems } from './draft-items.tsx';
import { IssueBar } from './issue-bar.tsx';
import { SyncStatus } from '../src/ui/sync-status.tsx';

export function Popup({ opening }: { opening: Promise<PopupState> }) {
  const popup = usePopup(opening);
  const { state, form, error, draft } = popup;

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && !event.defaultPrevented) window.close();
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      popup.add().catch(popup.fail);
    }
  }

  return (
    <main class="popup" onKeyDown={onKeyDown}>
      <h1 class="visually-hidden">Roundup</h1>
      {error && <p role="alert" class="error">{error}</p>}
      {!state || !form ? (
        !error && <p class="loading" aria-live="polite">Reading the page…</p>
      ) : (
        <>
          <IssueBar popup={popup} state={state} />
          <CaptureForm popup={popup} state={state} form={form} />
          {draft ? <DraftItems popup={popup} draft={draft} /> : <p class="loading">Loading the draft…</p>}
          <footer class="popup-footer"><SyncStatus /></footer>
        </>
      )}
    </main>
  );
}
