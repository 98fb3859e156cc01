/** The editor page: the issues at the left, the open issue in the middle, its preview and exports at the right. */
import { useEffect } from 'preact/hooks';
import { liveItems } from '../src/core/live-parts.ts';
import type { Issue } from '../src/core/model.ts';
import type { IssueSummary } from '../src/messages.ts';
import { ArchiveImportPanel } from '../src/ui/archive-import-panel.tsx';
import { ImportPanel } from '../src/ui/import-panel.tsx';
import { send } from '../src/ui/send.ts';
import { IssueHead } from './issue-head.tsx';
import { IssueList } from './issue-list.tsx';
import { MarkdownField } from './markdown-field.tsx';
import { PreviewPane } from './preview-pane.tsx';
import { RecentlyRemoved } from './recently-removed.tsx';
import { SearchBox } from './search-box.tsx';
import { SectionsEditor } from './sections-editor.tsx';
import { useEditor } from './use-editor.ts';

export function Editor() {
  const editor = useEditor();
  const { issues, issue, settings, error, announcement, focusItemId, setFocusItemId } = editor;

  useEffect(() => {
    if (!focusItemId || !issue) return;
    const card = document.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(focusItemId)}"]`);
    card?.focus({ preventScroll: true });
    card?.scrollIntoView({ block: 'nearest' });
    setFocusItemId(null);
  }, [issue, focusItemId, setFocusItemId]);

  // The open issue's line in the list follows edits at once, without asking the background again.
  const listed: IssueSummary[] | null = issues && issue ? issues.map((summary) => (summary.id === issue.id
    ? { ...summary, title: issue.title, status: issue.status, publishedAt: issue.publishedAt, itemCount: liveItems(issue).length }
    : summary)) : issues;

  async function newIssue() {
    try {
      const created = await send('issue/create', {});
      await editor.reloadList();
      editor.open(created.id);
    } catch (caught) {
      editor.fail(caught);
    }
  }

  return (
    <div class="editor">
      <aside class="sidebar" aria-label="Issues and search">
        <p class="brand">Roundup</p>
        <SearchBox onError={editor.fail} />
        <button type="button" class="new-issue" onClick={() => { newIssue().catch(editor.fail); }}>New issue</button>
        {listed && <IssueList issues={listed} openId={issue?.id ?? null} />}
        <details class="sidebar-import">
          <summary>Import a file</summary>
          <ImportPanel id="editor-import" onImported={(result) => {
            editor.reloadList().catch(editor.fail);
            const first = [...result.newIssues, ...result.updatedIssues][0];
            if (first) editor.open(first.id);
          }} />
        </details>
        <details class="sidebar-import">
          <summary>Import past issues</summary>
          <ArchiveImportPanel id="editor-archive" onImported={() => { editor.reloadList().catch(editor.fail); }} />
        </details>
        <RecentlyRemoved editor={editor} />
        <a class="settings-link" href="../options/index.html">Settings and backup</a>
      </aside>
      <main class="issue-pane">
        {error && <p role="alert" class="error">{error}</p>}
        {issues && issues.length === 0 && !issue && (
          <div class="empty">
            <h1>No issues yet</h1>
            <p>Start the first one, or import a backup or an issue file.</p>
          </div>
        )}
        {issue?.deleted !== undefined && issue && <RemovedIssue editor={editor} issue={issue} />}
        {issue && issue.deleted === undefined && settings && (
          <div key={issue.id}>
            <IssueHead editor={editor} issue={issue} settings={settings} />
            <h2 class="visually-hidden">Sections</h2>
            <SectionsEditor editor={editor} issue={issue} />
            <MarkdownField id="issue-outro" label="Outro" value={issue.outro}
              onSave={(outro) => { editor.change(() => send('issue/update', { issueId: issue.id, patch: { outro } })).catch(editor.fail); }} />
          </div>
        )}
      </main>
      {issue && issue.deleted === undefined && settings && <PreviewPane key={issue.id} issue={issue} settings={settings} />}
      <p class="visually-hidden" aria-live="polite">{announcement}</p>
    </div>
  );
}

/** The open issue was removed (here or elsewhere): said where the issue was, with its undo. */
function RemovedIssue({ editor, issue }: { editor: ReturnType<typeof useEditor>; issue: Issue }) {
  async function restore() {
    const restored = await editor.change(() => send('issue/restore', { issueId: issue.id }), `Restored issue #${issue.number}.`);
    if (restored) await editor.reloadList();
  }
  return (
    <div class="empty removed-issue" role="status">
      <h1>Issue #{issue.number} was removed</h1>
      <p>“{issue.title}” and its {liveItems(issue).length} items can be restored for 30 days, here or from “Recently removed”.</p>
      <button type="button" class="primary" onClick={() => { restore().catch(editor.fail); }}>Undo: restore issue #{issue.number}</button>
    </div>
  );
}
