import type { Form, usePopup } from './use-popup.ts';
import type { MenuAddResult, PopupState } from '../src/messages.ts';
import { liveSections } from '../src/core/live-parts.ts';
import { LIMITS } from '../src/core/limits.ts';
import { extensionApi } from '../src/ui/extension-api.ts';
import { GrowingTextarea } from '../src/ui/growing-textarea.tsx';
import { titleText } from '../src/ui/title-text.ts';
import { logRejection } from '../src/core/rejections.ts';

interface Props {
  popup: ReturnType<typeof usePopup>;
  state: PopupState;
  form: Form;
}

export function CaptureForm({ popup, state, form }: Props) {
  const { fields, captureProblem, captureNotes, draft, existingItem, menuAdded } = state;
  // The whole draft, once it arrived, knows sections added since the popup opened.
  const sections = popup.draft ? liveSections(popup.draft) : draft.sections;
  const existingSection = sections.find((section) => section.id === existingItem?.sectionId);
  const featured = popup.details?.featured ?? [];
  const added = popup.added;

  function onTitleKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault();
      popup.add().catch(popup.fail);
    }
  }

  if (fields.url === '') return <HiddenTab problem={captureProblem} onGranted={() => { popup.reload().catch(popup.fail); }} />;

  return (
    <form class="capture" onSubmit={(event) => { event.preventDefault(); popup.add().catch(popup.fail); }}>
      {menuAdded && menuAdded.what === 'link' && <MenuAddedNotice result={menuAdded} onUndo={(target) => { popup.undoAdd(target).catch(popup.fail); }} />}
      {menuAdded?.ok === false && menuAdded.what !== 'link' && <MenuAddedNotice result={menuAdded} onUndo={() => undefined} />}
      {captureProblem && <p class="notice" role="status">{captureProblem}</p>}
      {captureNotes.map((note) => <p class="notice" role="status" key={note}>{note}</p>)}
      {existingSection && !added && (
        <p class="notice" role="status">Already in Issue #{draft.number} · {existingSection.name}: adding updates it.</p>
      )}
      <label for="title">Title</label>
      <GrowingTextarea id="title" singleLine value={form.title} maxLength={LIMITS.title} onValue={(title) => popup.edit({ title })}
        onKeyDown={onTitleKeyDown} autoFocus />
      <label for="summary">Summary</label>
      <textarea id="summary" rows={5} value={form.summary} maxLength={LIMITS.summary}
        onInput={(event) => popup.edit({ summary: event.currentTarget.value })} />
      <p class="source" title={fields.url}><span class="site">{fields.site}</span> <span class="url">{fields.url}</span></p>
      <div class="row add-row">
        <label for="section">Section</label>
        <select id="section" value={form.sectionId ?? ''} onChange={(event) => popup.edit({ sectionId: event.currentTarget.value })}>
          {sections.map((section) => <option value={section.id} key={section.id}>{section.name}</option>)}
        </select>
        <button type="submit" class="primary" disabled={popup.busy || !form.sectionId}>Add to issue</button>
      </div>
      {added && (
        <p class="added" role="status">
          {added.updatedExisting ? 'Updated in' : 'Added to'} {added.sectionName} · Issue #{added.issueNumber}
          {!added.updatedExisting && <button type="button" class="link" onClick={() => { popup.undoAdd().catch(popup.fail); }}>Undo</button>}
        </p>
      )}
      {/* Below the form: "featured" arrives a moment after the form and must not push it down. */}
      {featured.map((hit) => (
        <p class="notice featured" role="status" key={`${hit.issueId}/${hit.itemId}`}>
          {hit.issueStatus === 'published' ? 'Featured in' : 'Also in draft'} Issue #{hit.issueNumber}, {hit.sectionName}
        </p>
      ))}
    </form>
  );
}

function MenuAddedNotice({ result, onUndo }: { result: MenuAddResult; onUndo: (target: { issueId: string; itemId: string }) => void }) {
  if (!result.ok) return <p class="error" role="alert">Could not add the {result.what}: {result.problem}</p>;
  return (
    <p class="notice added" role="status">
      {result.updatedExisting ? 'Updated' : 'Added'} {result.what} “{titleText(result.title)}”
      {result.updatedExisting ? ' in ' : ' to '}{result.sectionName} · Issue #{result.issueNumber}
      {!result.updatedExisting && <button type="button" class="link" onClick={() => onUndo(result)}>Undo</button>}
    </p>
  );
}

/**
 * Browser pages (chrome://…) hide even their address from an extension that holds only activeTab. The
 * optional `tabs` permission reveals it; asking on demand keeps the install free of a history warning.
 */
function HiddenTab({ problem, onGranted }: { problem: string | null; onGranted: () => void }) {
  async function ask() {
    if (await extensionApi().permissions.request({ permissions: ['tabs'] })) onGranted();
  }
  return (
    <div class="capture">
      <p class="notice" role="status">{problem}</p>
      <button type="button" onClick={() => { ask().catch(logRejection('ask to see tab addresses')); }}>Let Roundup see tab addresses</button>
    </div>
  );
}
