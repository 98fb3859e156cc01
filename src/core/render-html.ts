/**
 * An issue as one self-contained, email-safe HTML document: the body of a Mailchimp or Buttondown
 * email, or what is pasted into a rich editor, in the newsletter's house style. The template writes
 * the content with every style inline (Gmail drops `<style>` in many cases, Outlook lays out with
 * Word); email-shell.ts wraps it in a document that holds up in mail clients. Content uses
 * semantic tags (h1, h2, h3, p, a) so pasting into a rich editor keeps the structure. Links carry no
 * `target`/`rel`: mail clients open links in a new context themselves, and rich editors strip them.
 */
import type { Issue } from './model.ts';
import { renderIssueIn } from './render-issue.ts';
import type { ExportOptions } from './render-issue.ts';

export { escapeHtml } from './html-escape.ts';

/** The issue as a complete HTML email document; deterministic, ends with exactly one newline. */
export function renderIssueAsHtml(issue: Issue, options: ExportOptions = {}): string {
  return renderIssueIn('html', issue, options);
}
