/**
 * An issue as CommonMark, for Buttondown, Substack, static sites and anyone who pastes Markdown, in
 * the newsletter's house style (default: the `heading` preset, `### [Title](url)` then the summary).
 * How text is escaped for Markdown: markdown-writer.ts; how templates run: template-engine.ts.
 */
import type { Issue } from './model.ts';
import { renderIssueIn } from './render-issue.ts';
import type { ExportOptions } from './render-issue.ts';

/** The issue as CommonMark; deterministic, ends with exactly one newline. Item notes never appear. */
export function renderIssueAsMarkdown(issue: Issue, options: ExportOptions = {}): string {
  return renderIssueIn('md', issue, options);
}
