/**
 * The finished issue exactly as the HTML export renders it, in the house style of the settings, in a
 * sandboxed frame: `sandbox=""` gives the document an opaque origin and no scripts, forms or navigation
 * of this page, so nothing a captured page put in a title or summary can run here (it is escaped anyway;
 * this is the second wall). Re-rendered after a short pause in typing rather than on every keystroke.
 * While the house style is being edited, the preview shows the draft, in the format being edited.
 *
 * Every export reads the issue and the settings from storage at the click and renders that: what is stored
 * at that moment, whatever this tab last showed (an item the popup filed a moment ago is in the file).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ExportFormat as RenderFormat } from '../src/core/format-writers.ts';
import { measureGmailClipping } from '../src/core/gmail-clipping.ts';
import type { HouseStyle } from '../src/core/house-style.ts';
import type { Issue, Settings } from '../src/core/model.ts';
import { renderIssueIn } from '../src/core/render-issue.ts';
import { errorText } from '../src/ui/error-text.ts';
import { send } from '../src/ui/send.ts';
import { useNotice } from '../src/ui/use-notice.ts';
import { copyForEmail, copyMarkdown, downloadIssue, exportOptions, type ExportFormat, type StoredExport } from './export-issue.ts';
import { HouseStylePanel } from './house-style-panel.tsx';
import { logRejection } from '../src/core/rejections.ts';

const TYPING_PAUSE_MS = 250;

const DOWNLOADS: Array<[ExportFormat, string, string]> = [
  ['md', 'Markdown', 'Download Markdown (.md)'],
  ['html', 'HTML', 'Download HTML (.html)'],
  ['txt', 'Text', 'Download plain text (.txt)'],
  ['json', 'Issue file', 'Download the issue file (.json), for import or the command line'],
];

interface Shown {
  format: RenderFormat;
  output: string | null;
  error: string | null;
  /** The email HTML's size against Gmail's clipping size, for the style shown. */
  clipped: { bytes: number; limit: number } | null;
}

function renderShown(issue: Issue, settings: Settings, style: HouseStyle, format: RenderFormat): Shown {
  const options = exportOptions({ ...settings, houseStyle: style });
  let clipped: Shown['clipped'] = null;
  try {
    const html = renderIssueIn('html', issue, options);
    const measured = measureGmailClipping(html);
    if (measured.clipped) clipped = { bytes: measured.bytes, limit: measured.limit };
    return { format, output: format === 'html' ? html : renderIssueIn(format, issue, options), error: null, clipped };
  } catch (caught) {
    return { format, output: null, error: errorText(caught), clipped };
  }
}

export function PreviewPane({ issue, settings }: { issue: Issue; settings: Settings }) {
  const [styleOpen, setStyleOpen] = useState(false);
  const [draft, setDraft] = useState<{ style: HouseStyle; format: RenderFormat } | null>(null);
  const style = draft?.style ?? settings.houseStyle;
  const format = draft?.format ?? 'html';
  const [shown, setShown] = useState<Shown>(() => renderShown(issue, settings, style, format));
  // Shown, not only announced: a failed copy (no focus, a refused permission) must be seen; then it leaves.
  const [status, setStatus] = useNotice<string>();
  const onDraft = useCallback((next: { style: HouseStyle; format: RenderFormat } | null) => setDraft(next), []);

  useEffect(() => {
    const timer = setTimeout(() => setShown(renderShown(issue, settings, style, format)), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [issue, settings, style, format]);

  const stored = async (): Promise<StoredExport> => {
    const [read, storedSettings] = await Promise.all([send('issue/get', { issueId: issue.id }), send('settings/get', {})]);
    return { issue: read, settings: storedSettings };
  };

  async function copy(what: string, write: (stored: Promise<StoredExport>) => Promise<void>) {
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

  const what = draft ? 'the house style being edited' : 'the saved house style';
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
        <button type="button" aria-expanded={styleOpen} aria-controls="house-style-panel" onClick={() => setStyleOpen(!styleOpen)}>
          House style…
        </button>
        <p class="preview-status" role="status">{status ?? ''}</p>
        {shown.clipped && (
          <p class="clip-warning" role="status">
            The email HTML in {what} is {kilobytes(shown.clipped.bytes)}; Gmail clips a message past about {kilobytes(shown.clipped.limit)} and
            hides the rest behind “View entire message”. Shorten the issue or use a leaner template.
          </p>
        )}
      </header>
      {styleOpen && (
        <div id="house-style-panel" class="house-style-area">
          <HouseStylePanel issue={issue} settings={settings} onDraft={onDraft} onClose={() => setStyleOpen(false)} />
        </div>
      )}
      {shown.error !== null ? (
        <p class="preview-error error" role="status">The preview cannot be shown: {shown.error}</p>
      ) : shown.format === 'html' ? (
        <iframe class="preview-frame" title={`Preview of issue #${issue.number} as email HTML${draft ? ' in the house style being edited' : ''}`}
          sandbox="" srcDoc={shown.output ?? ''} />
      ) : (
        <pre class="preview-source" tabIndex={0} aria-label={`Preview of issue #${issue.number} as ${shown.format === 'md' ? 'Markdown' : 'plain text'} in the house style being edited`}>
          {shown.output}
        </pre>
      )}
    </section>
  );
}

function kilobytes(bytes: number): string {
  return `${Math.round(bytes / 100) / 10} KB`;
}
