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
 * clipboard in one write, so the paste target picks.
 */
export async function copyForEmail(issue: Issue): Promise<void> {
  await navigator.clipboard.write([new ClipboardItem({
    'text/html': new Blob([renderIssueAsHtml(issue, { forPasting: true })], { type: 'text/html' }),
    'text/plain': new Blob([renderIssueAsText(issue)], { type: 'text/plain' }),
  })]);
}

export async function copyMarkdown(issue: Issue): Promise<void> {
  await navigator.clipboard.writeText(renderIssueAsMarkdown(issue));
}
