/**
 * The issue's exports from the editor page, rendered by the same core functions as the command line
 * (`roundup export FILE --format md|html|text`), in the house style of the settings, so the bytes are
 * the same as `roundup export BACKUP.json --issue N` gives for a backup made at that moment.
 */
import type { ExportFormat as RenderFormat } from '../src/core/format-writers.ts';
import type { Issue, Settings } from '../src/core/model.ts';
import { serializeIssueFile } from '../src/core/portable.ts';
import { renderIssueIn, type ExportOptions } from '../src/core/render-issue.ts';
import { downloadText } from '../src/ui/download.ts';

export type ExportFormat = 'md' | 'html' | 'txt' | 'json';

/** What an export is rendered from: the issue and the settings as stored at the click. */
export interface StoredExport {
  issue: Issue;
  settings: Pick<Settings, 'houseStyle' | 'dateFormat'>;
}

export function exportOptions(settings: StoredExport['settings'], extra: Partial<ExportOptions> = {}): ExportOptions {
  return { style: settings.houseStyle, dateFormat: settings.dateFormat, ...extra };
}

const rendered = (format: RenderFormat) => ({ issue, settings }: StoredExport) => renderIssueIn(format, issue, exportOptions(settings));

const FORMATS: Record<ExportFormat, { render: (stored: StoredExport) => string; type: string }> = {
  md: { render: rendered('md'), type: 'text/markdown;charset=utf-8' },
  html: { render: rendered('html'), type: 'text/html;charset=utf-8' },
  txt: { render: rendered('text'), type: 'text/plain;charset=utf-8' },
  // The portable issue file: re-importable, and what the CLI reads.
  json: { render: ({ issue }) => serializeIssueFile(issue), type: 'application/json' },
};

/** Downloads `issue-206.md` and the like; returns the file name. */
export function downloadIssue(stored: StoredExport, format: ExportFormat): string {
  const fileName = `issue-${stored.issue.number}.${format}`;
  const { render, type } = FORMATS[format];
  downloadText(fileName, render(stored), type);
  return fileName;
}

/**
 * Rich editors and mail tools paste the HTML; plain-text fields get the text layout. Both go on the
 * clipboard in one write, so the paste target picks. The issue may still be on its way from storage:
 * the clipboard takes promised contents, so the write starts within the click's user activation.
 */
export async function copyForEmail(stored: Promise<StoredExport>): Promise<void> {
  const blob = (render: (read: StoredExport) => string, type: string) => stored.then((read) => new Blob([render(read)], { type }));
  await navigator.clipboard.write([new ClipboardItem({
    'text/html': blob(({ issue, settings }) => renderIssueIn('html', issue, exportOptions(settings, { forPasting: true })), 'text/html'),
    'text/plain': blob(FORMATS.txt.render, 'text/plain'),
  })]);
}

export async function copyMarkdown(stored: Promise<StoredExport>): Promise<void> {
  await navigator.clipboard.write([new ClipboardItem({
    'text/plain': stored.then((read) => new Blob([FORMATS.md.render(read)], { type: 'text/plain' })),
  })]);
}
