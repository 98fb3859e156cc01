/**
 * The issue's exports from the editor page, rendered by the same core functions as the command line
 * (`roundup export FILE --format md|html|text`), so the bytes are the same.
 */
import type { Issue } from '../src/core/model.ts';
import { serializeIssueFile } from '../src/core/portable.ts';
import { renderIssueAsHtml } from '../src/core/render-html.ts';
import { renderIssueAsMarkdown } from '../src/core/render-markdown.ts';
import { renderIssueAsText } from '../src/core/render-text.ts';
import { downloadText } from '../src/ui/download.ts';

export type ExportFormat = 'md' | 'html' | 'txt' | 'json';

const FORMATS: Record<ExportFormat, { render: (issue: Issue) => string; type: string }> = {
  md: { render: renderIssueAsMarkdown, type: 'text/markdown;charset=utf-8' },
  html: { render: renderIssueAsHtml, type: 'text/html;charset=utf-8' },
  txt: { render: renderIssueAsText, type: 'text/plain;charset=utf-8' },
  // The portable issue file: re-importable, and what the CLI reads.
  json: { render: serializeIssueFile, type: 'application/json' },
};

/** Downloads `issue-206.md` and the like; returns the file name. */
export function downloadIssue(issue: Issue, format: ExportFormat): string {
  const fileName = `issue-${issue.number}.${format}`;
  const { render, type } = FORMATS[format];
  downloadText(fileName, render(issue), type);
  return fileName;
}

/**
 * Rich editors and mail tools paste the HTML; plain-text fields get the text layout. Both go on the
 * clipboard in one write, so the paste target picks. The issue may still be on its way from storage:
 * the clipboard takes promised contents, so the write starts within the click's user activation.
 */
export async function copyForEmail(issue: Promise<Issue>): Promise<void> {
  const blob = (render: (issue: Issue) => string, type: string) => issue.then((read) => new Blob([render(read)], { type }));
  await navigator.clipboard.write([new ClipboardItem({
    'text/html': blob((read) => renderIssueAsHtml(read, { forPasting: true }), 'text/html'),
    'text/plain': blob(renderIssueAsText, 'text/plain'),
  })]);
}

export async function copyMarkdown(issue: Promise<Issue>): Promise<void> {
  await navigator.clipboard.write([new ClipboardItem({
    'text/plain': issue.then((read) => new Blob([renderIssueAsMarkdown(read)], { type: 'text/plain' })),
  })]);
}
