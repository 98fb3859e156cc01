import type { PopupState } from '../src/messages.ts';
import { extensionApi } from '../src/ui/extension-api.ts';
import { send } from '../src/ui/send.ts';
import type { usePopup } from './use-popup.ts';

interface Props {
  popup: ReturnType<typeof usePopup>;
  state: PopupState;
}

/** Which draft the popup files into: switch it, start the next issue, or open the full editor. */
export function IssueBar({ popup, state }: Props) {
  async function switchTo(issueId: string) {
    try {
      await send('issue/set-current', { issueId });
      await popup.reload();
    } catch (caught) {
      popup.fail(caught);
    }
  }

  async function startNewIssue() {
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
    void tabs.create({ url: runtime.getURL(`editor/index.html#issue=${state.draft.id}`) }).then(() => window.close());
  }

  return (
    <header class="issue-bar">
      <label for="draft" class="visually-hidden">Draft issue</label>
      <select id="draft" value={state.draft.id} onChange={(event) => void switchTo(event.currentTarget.value)}>
        {(popup.details?.drafts ?? [state.draft]).map((draft) => (
          <option value={draft.id} key={draft.id}>#{draft.number} · {draft.title} ({draft.itemCount})</option>
        ))}
      </select>
      <button type="button" onClick={() => void startNewIssue()}>New issue</button>
      <a href="../editor/index.html" onClick={openEditor}>Open editor</a>
    </header>
  );
}
