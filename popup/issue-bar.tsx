import { useState } from 'preact/hooks';
import { liveItems } from '../src/core/live-parts.ts';
import type { IssueSummary, PopupState } from '../src/messages.ts';
import { extensionApi } from '../src/ui/extension-api.ts';
import { send } from '../src/ui/send.ts';
import type { usePopup } from './use-popup.ts';

interface Props {
  popup: ReturnType<typeof usePopup>;
  state: PopupState;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Which draft the popup files into: switch it, start the next issue (after a word of confirmation), or open the full editor. */
export function IssueBar({ popup, state }: Props) {
  const [confirming, setConfirming] = useState(false);

  async function switchTo(issueId: string) {
    try {
      await send('issue/set-current', { issueId });
      await popup.reload();
    } catch (caught) {
      popup.fail(caught);
    }
  }

  async function startNewIssue() {
    setConfirming(false);
    try {
      await send('issue/create', {});
      await popup.reload();
    } catch (caught) {
      popup.fail(caught);
    }
  }

  function openEditor(event: MouseEvent) {
    event.preventDefault();
    const { tabs, runtime } = extensionApi();
    tabs.create({ url: runtime.getURL(`editor/index.html#issue=${state.draft.id}`) }).then(() => window.close(), popup.fail);
  }

  // The open draft's count is the draft's own, which every add and edit answers with: never a stale list's.
  const drafts: IssueSummary[] = (popup.details?.drafts ?? [state.draft]).map((summary) => (summary.id === popup.draft?.id
    ? { ...summary, itemCount: liveItems(popup.draft).length } : summary));
  return (
    <header class="issue-bar-wrap">
      <div class="issue-bar">
        <label for="draft" class="visually-hidden">Draft issue</label>
        <select id="draft" value={state.draft.id} title={state.draft.title} onChange={(event) => { switchTo(event.currentTarget.value).catch(popup.fail); }}>
          {drafts.map((draft) => (
            <option value={draft.id} key={draft.id} title={draft.title}>Issue #{draft.number} · {plural(draft.itemCount, 'item')}</option>
          ))}
        </select>
        <button type="button" aria-expanded={confirming} onClick={() => setConfirming(!confirming)}>New issue</button>
        <a href="../editor/index.html" onClick={openEditor}>Open editor</a>
      </div>
      {confirming && (
        <div class="notice confirm" role="group" aria-label="Start the next issue">
          <p>Start the next issue? New pages go into it; issue #{state.draft.number} stays in your drafts.</p>
          <div class="row">
            <button type="button" class="primary" onClick={() => { startNewIssue().catch(popup.fail); }}>Start the next issue</button>
            <button type="button" onClick={() => setConfirming(false)}>Cancel</button>
          </div>
        </div>
      )}
    </header>
  );
}
