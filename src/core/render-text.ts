/**
 * An issue as plain text, in the newsletter's house style (default: the `heading` preset: title,
 * tagline and intro, each section set apart by two blank lines, each item as its title, its URL on
 * the next line, a blank line and its summary; the `digest` preset is the layout of
 * shared/seed/deep-learning-weekly-206.txt).
 *
 * Escaping: none is needed, plain text has no markup. What we guard against is layout damage:
 * issue-view.ts has already removed control characters and folded newlines inside titles and
 * summaries, and the editor's Markdown is printed as text by inline-markdown.ts (emphasis markers
 * dropped, links as `text (url)`). Unsafe URLs are left out; the title stays.
 */
import type { Issue } from './model.ts';
import { renderIssueIn } from './render-issue.ts';
import type { ExportOptions } from './render-issue.ts';

/** The issue as plain text; deterministic, ends with exactly one newline. Item notes never appear. */
export function renderIssueAsText(issue: Issue, options: ExportOptions = {}): string {
  return renderIssueIn('text', issue, options);
}
