import type { Form, usePopup } from './use-popup.ts';
import type { PopupState } from '../src/messages.ts';
import { liveSections } from '../src/core/live-parts.ts';
import { extensionApi } from '../src/ui/extension-api.ts';

interface Props {
  popup: ReturnType<typeof usePopup>;
  state: PopupState;
  form: Form;
}

export function CaptureForm({ popup, state, form }: Props) {
  const { capture, captureProblem, draft, existingItem } = state;
  // The whole draft, once it arrived, knows sections added since the popup opened.
  const sections = popup.draft ? liveSections(popup.draft) : draft.sections;
  const existingSection = sections.find((section) => section.id === existingItem?.sectionId);
  const featured = popup.details?.featured ?? [];
  const added = popup.added;

  function onTitleKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault();
      void popup.add();
    }
  }

  if (capture.url === '') return <HiddenTab problem={captureProblem} onGranted={() => void popup.reload()} />;

  return (
    <form class="capture" onSubmit={(event) => { event.preventDefault(); void popup.add(); }}>
      {captureProblem && <p class="notice" role="status">{captureProblem}</p>}
      {existingSection && !added && (
        <p class="notice" role="status">Already in Issue #{draft.number} · {existingSection.name}: adding updates it.</p>
      )}
      {featured.map((hit) => (
        <p class="notice" role="status" key={hit.itemId}>
          {hit.issueStatus === 'published' ? 'Featured in' : 'Also in draft'} Issue #{hit.issueNumber}, {hit.sectionName}
        </p>
      ))}
      <label for="title">Title</label>
      <input id="title" type="text" value={form.title} onInput={(event) => popup.edit({ title: event.currentTarget.value })}
        onKeyDown={onTitleKeyDown} autoFocus />
      <label for="summary">Summary</label>
      <textarea id="summary" rows={5} value={form.summary} onInput={(event) => popup.edit({ summary: event.currentTarget.value })} />
      <p class="source"><span class="site">{capture.site}</span> <span class="url">{capture.url}</span></p>
      <div class="row">
        <label for="section">Section</label>
        <select id="section" value={form.sectionId ?? ''} onChange={(event) => popup.edit({ sectionId: event.currentTarget.value })}>
          {sections.map((section) => <option value={section.id} key={section.id}>{section.name}</option>)}
        </select>
        <button type="submit" class="primary" disabled={popup.busy || !form.sectionId}>Add to issue</button>
      </div>
      {added && (
        <p class="added" role="status">
          {added.updatedExisting ? 'Updated in' : 'Added to'} {added.sectionName} · Issue #{added.issueNumber}
          {!added.updatedExisting && <button type="button" class="link" onClick={() => void popup.undoAdd()}>Undo</button>}
        </p>
      )}
    </form>
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
      <button type="button" onClick={() => void ask()}>Let Roundup see tab addresses</button>
    </div>
  );
}
