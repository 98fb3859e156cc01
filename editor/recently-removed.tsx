/**
 * "Recently removed": every removed issue, section and item that can still come back (their tombstones
 * live 30 days), newest first, each with Restore. Read again whenever anything stored changes.
 */
import { useEffect, useState } from 'preact/hooks';
import { inlineMarkdownToPlainText } from '../src/core/inline-markdown.ts';
import type { RemovedEntry } from '../src/core/recently-removed.ts';
import { errorText } from '../src/ui/error-text.ts';
import { send } from '../src/ui/send.ts';
import type { EditorState } from './use-editor.ts';

function describe(entry: RemovedEntry): string {
  const items = entry.itemCount === 1 ? '1 item' : `${entry.itemCount} items`;
  if (entry.kind === 'issue') return `Issue #${entry.issueNumber} “${entry.label}”, ${items}`;
  if (entry.kind === 'section') return `Section “${entry.label}” of #${entry.issueNumber}, ${items}`;
  return `“${inlineMarkdownToPlainText(entry.label, { links: false })}” from #${entry.issueNumber}`;
}

function when(removedAt: number): string {
  return new Date(removedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function RecentlyRemoved({ editor }: { editor: EditorState }) {
  const [entries, setEntries] = useState<RemovedEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    send('removed/list', {}).then((list) => { if (current) setEntries(list); }, (caught: unknown) => setProblem(errorText(caught)));
    return () => { current = false; };
  }, [editor.removedVersion]);

  async function restore(entry: RemovedEntry) {
    setProblem(null);
    try {
      if (entry.kind === 'issue') await send('issue/restore', { issueId: entry.issueId });
      else if (entry.kind === 'section') await send('section/restore', { issueId: entry.issueId, sectionId: entry.id });
      else await send('item/restore', { issueId: entry.issueId, itemId: entry.id });
      editor.announce(`Restored ${describe(entry)}.`);
      await editor.reloadList();
      if (entry.kind === 'issue' || entry.issueId === editor.issue?.id) editor.open(entry.issueId);
    } catch (caught) {
      setProblem(errorText(caught));
    }
  }

  return (
    <details class="sidebar-removed">
      <summary>Recently removed{entries && entries.length > 0 ? ` (${entries.length})` : ''}</summary>
      {problem && <p class="field-problem" role="alert">{problem}</p>}
      {entries !== null && entries.length === 0 && <p class="hint">Nothing removed in the last 30 days.</p>}
      {entries !== null && entries.length > 0 && (
        <ul class="removed-list">
          {entries.map((entry) => (
            <li key={`${entry.kind}:${entry.issueId}:${entry.id}`}>
              <span class="removed-what">{describe(entry)}</span>
              <span class="removed-when">{when(entry.removedAt)}</span>
              <button type="button" class="link" aria-label={`Restore ${describe(entry)}`} onClick={() => { restore(entry).catch((caught: unknown) => setProblem(errorText(caught))); }}>Restore</button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
