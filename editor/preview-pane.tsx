/**
 * The finished issue exactly as the HTML export renders it, in a sandboxed frame: `sandbox=""`
 * gives the document an opaque origin and no scripts, forms or navigation of this page, so nothing
 * a captured page put in a title or summary can run here (it is escaped anyway; this is the second
 * wall). Re-rendered after a short pause in typing rather than on every keystroke.
 *
 * Every export reads the issue from storage at the click and renders that: what is stored at that moment,
 * whatever this tab last showed (an item the popup filed a moment ago is in the file).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Issue } from '../src/core/model.ts';
import { renderIssueAsHtml } from '../src/core/render-html.ts';
import { errorText } from '../src/ui/error-text.ts';
import { send } from '../src/ui/send.ts';
import { useNotice } from '../src/ui/use-notice.ts';
import { copyForEmail, copyMarkdown, downloadIssue, type ExportFormat } from './export-issue.ts';
import { logRejection } from '../src/core/rejections.ts';

const TYPING_PAUSE_MS = 250;

const DOWNLOADS: Array<[ExportFormat, string, string]> = [
  ['md', 'Markdown', 'Download Markdown (.md)'],
  ['html', 'HTML', 'Download HTML (.html)'],
  ['txt', 'Text', 'Download plain text (.txt)'],
  ['json', 'Issue file', 'Download the issue file (.json), for import or the command line'],
];

export function PreviewPane({ issue }: { issue: Issue }) {
  const [html, setHtml] = useState(() => renderIssueAsHtml(issue));
  // Shown, not only announced: a failed copy (no focus, a refused permission) must be seen; then it leaves.
  const [status, setStatus] = useNotice<string>();

  useEffect(() => {
    const timer = setTimeout(() => setHtml(renderIssueAsHtml(issue)), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [issue]);

  const stored = () => send('issue/get', { issueId: issue.id });

  async function copy(what: string, write: (issue: Promise<Issue>) => Promise<void>) {
    try {
      await write(stored());
      setStatus(`Copied ${what} of issue #${issue.number}.`);
    } catch (caught) {
      setStatus(`Could not copy: ${errorText(caught)}`);
    }
  }

  async function download(format: ExportFormat) {
    try {
      setStatus(`Downloaded ${downloadIssue(await stored(), format)}.`);
    } catch (caught) {
      setStatus(`Could not download: ${errorText(caught)}`);
    }
  }

  return (
    <section class="preview-pane" aria-labelledby="preview-heading">
      <header class="preview-bar">
        <h2 id="preview-heading">Preview</h2>
        <div class="toolbar">
          <button type="button" class="primary" onClick={() => { copy('the email (HTML and text)', copyForEmail).catch(logRejection('copy the email')); }}>Copy for email</button>
          <button type="button" onClick={() => { copy('the Markdown', copyMarkdown).catch(logRejection('copy the Markdown')); }}>Copy Markdown</button>
        </div>
        <div class="toolbar" role="group" aria-label="Download">
          <span class="toolbar-label" aria-hidden="true">Download</span>
          {DOWNLOADS.map(([format, label, title]) => (
            <button type="button" key={format} aria-label={title} title={title} onClick={() => { download(format).catch(logRejection(`download the ${format} export`)); }}>{label}</button>
          ))}
        </div>
        <p class="preview-status" role="status">{status ?? ''}</p>
      </header>
      <iframe class="preview-frame" title={`Preview of issue #${issue.number} as email HTML`} sandbox="" srcDoc={html} />
    </section>
  );
}
