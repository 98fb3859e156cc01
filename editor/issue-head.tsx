/** The top of an issue: its title, tagline and intro, and its life: publish, start the next, duplicate. */
import { useState } from 'preact/hooks';
import { formatIssueDate, formatIssueTitle } from '../src/core/issue-title.ts';
import type { Issue, Settings } from '../src/core/model.ts';
import { SavedField } from '../src/ui/saved-field.tsx';
import { send } from '../src/ui/send.ts';
import { SyncStatus } from '../src/ui/sync-status.tsx';
import { MarkdownField } from './markdown-field.tsx';
import type { EditorState } from './use-editor.ts';

interface Props {
  editor: EditorState;
  issue: Issue;
  settings: Settings;
}

export function IssueHead({ editor, issue, settings }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [justPublished, setJustPublished] = useState(false);
  const save = (patch: { title?: string; tagline?: string; intro?: string; outro?: string; number?: number }) => {
    editor.change(() => send('issue/update', { issueId: issue.id, patch })).catch(editor.fail);
  };
  const titleFor = (number: number) => formatIssueTitle(settings.titlePattern,
    { name: settings.newsletterName, number, date: issue.publishedAt ?? issue.createdAt }, settings.dateFormat);
  const fromPattern = titleFor(issue.number);
  // An issue read from an archive may be published with no date known.
  const published = issue.status === 'published';
  const sameNumber = editor.issues?.find((other) => other.id !== issue.id && other.number === issue.number);

  /** A new number; a title made from the pattern follows it (`Issue #206`), a title of the editor's own does not. */
  function renumber(text: string) {
    const number = Number(text.trim());
    save(issue.title === fromPattern ? { number, title: titleFor(number) } : { number });
  }

  async function reopen() {
    const done = await editor.change(() => send('issue/unpublish', { issueId: issue.id }), `Issue #${issue.number} is a draft again.`);
    if (done) {
      setJustPublished(false);
      await editor.reloadList();
    }
  }

  async function remove() {
    const done = await editor.change(() => send('issue/delete', { issueId: issue.id }), `Removed issue #${issue.number}.`);
    if (done) await editor.reloadList();
  }

  async function publish() {
    setConfirming(false);
    const done = await editor.change(() => send('issue/publish', { issueId: issue.id }), `Issue #${issue.number} is published.`);
    if (done) {
      setJustPublished(true);
      await editor.reloadList();
    }
  }

  async function startIssue(action: () => Promise<Issue>) {
    try {
      const created = await action();
      await editor.reloadList();
      editor.open(created.id);
    } catch (caught) {
      editor.fail(caught);
    }
  }

  return (
    <header class="issue-head">
      <div class="issue-status-row">
        <h1 class="issue-heading">Issue #{issue.number}</h1>
        <span class={`status-chip ${issue.status}`}>
          {published ? (issue.publishedAt ? `Published ${formatIssueDate(issue.publishedAt, 'medium')}` : 'Published, date unknown') : 'Draft'}
        </span>
        <div class="toolbar">
          <SyncStatus issueId={issue.id} />
          {!published && <button type="button" class="primary" aria-expanded={confirming} onClick={() => setConfirming(true)}>Publish…</button>}
          {published && <button type="button" onClick={() => { reopen().catch(editor.fail); }}>Reopen as draft</button>}
          <button type="button" onClick={() => { startIssue(() => send('issue/duplicate', { issueId: issue.id })).catch(editor.fail); }}>Duplicate as new draft</button>
          <button type="button" class="quiet" onClick={() => { remove().catch(editor.fail); }}>Delete issue</button>
        </div>
      </div>
      {confirming && !published && (
        <div class="notice confirm" role="group" aria-label="Confirm publishing">
          <p>Mark issue #{issue.number} as published today? It moves to the archive, and can still be corrected.</p>
          <div class="row">
            <button type="button" class="primary" onClick={() => { publish().catch(editor.fail); }}>Publish issue #{issue.number}</button>
            <button type="button" onClick={() => setConfirming(false)}>Cancel</button>
          </div>
        </div>
      )}
      {justPublished && published && (
        <p class="notice" role="status">
          Issue #{issue.number} is published and moved to the archive; you can still correct it.{' '}
          <button type="button" class="link" onClick={() => { startIssue(() => send('issue/create', {})).catch(editor.fail); }}>Start the next draft</button>
        </p>
      )}
      <div class="title-field">
        <div class="number-and-title">
          <SavedField id="issue-number" label="Number" value={String(issue.number)} saveOn="change" class="number-input"
            validate={(text) => (/^\s*[1-9]\d{0,14}\s*$/.test(text) ? null : 'Enter a whole number, 1 or more')}
            hint={sameNumber ? `Issue #${issue.number} exists too (${sameNumber.status}).` : undefined}
            onSave={renumber} />
          <SavedField id="issue-title" label="Title" value={issue.title} onSave={(title) => save({ title })} class="title-input" />
        </div>
        {issue.title !== fromPattern && (
          <button type="button" class="link" onClick={() => save({ title: fromPattern })}>Use the pattern: “{fromPattern}”</button>
        )}
      </div>
      <SavedField id="issue-tagline" label="Tagline" value={issue.tagline} onSave={(tagline) => save({ tagline })} />
      <MarkdownField id="issue-intro" label="Intro" value={issue.intro} onSave={(intro) => save({ intro })} />
    </header>
  );
}
