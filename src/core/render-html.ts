/**
 * An issue as one self-contained, email-safe HTML document: the body of a Mailchimp or Buttondown
 * email, or what is pasted into a rich editor.
 *
 * Mail clients decide the rules: Gmail drops `<style>` in many cases and Outlook lays out with
 * Word, so layout is a centered 600px `role="presentation"` table and every style is inline. No
 * script, no external CSS, no images. Content uses semantic tags (h1, h2, h3, p, a) so pasting into
 * a rich editor keeps the structure. Links carry no `target`/`rel`: mail clients open links in a
 * new context themselves, and rich editors strip those attributes anyway.
 *
 * Escaping, done once here: every plain field (issue title, section names, tagline, hrefs) goes
 * through `escapeHtml`, and every attribute value is double-quoted. The model's Markdown (intro, outro,
 * item titles and summaries) is rendered by markdown-it (inline-markdown.ts), which escapes its text and attribute
 * values itself and, as configured there, emits no raw HTML and only safe links.
 */
import type { Issue } from './model.ts';
import { inlineMarkdownToHtml, markdownToHtml } from './inline-markdown.ts';
import type { TagStyles } from './inline-markdown.ts';
import { viewIssue } from './issue-view.ts';
import type { IssueView, ItemView } from './issue-view.ts';

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] ?? char);
}

const FONT_STACK = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const MONO_STACK = "SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace";
const LINK = 'color:#1a56db;text-decoration:underline;';
// A linked title is recognisable by its place and color; an underline under two bold lines is noise.
const TITLE_LINK = 'color:#1a56db;text-decoration:none;';

const STYLE = {
  body: 'margin:0;padding:0;background-color:#f3f4f6;',
  page: 'width:100%;background-color:#f3f4f6;',
  gutter: 'padding:24px 12px;',
  card: 'width:100%;max-width:600px;background-color:#ffffff;border-radius:8px;',
  // A long unbroken word (a URL in a title) wraps instead of widening the email past a phone's screen.
  content: `padding:32px 32px 16px;font-family:${FONT_STACK};font-size:16px;line-height:1.6;color:#1f2937;overflow-wrap:anywhere;word-break:break-word;`,
  title: 'margin:0 0 8px;font-size:28px;line-height:1.25;font-weight:700;color:#111827;',
  tagline: 'margin:0 0 24px;font-size:17px;font-style:italic;color:#4b5563;',
  section: 'margin:36px 0 8px;padding:0 0 6px;border-bottom:2px solid #e5e7eb;font-size:22px;line-height:1.3;font-weight:700;color:#111827;',
  item: 'margin:22px 0 6px;font-size:18px;line-height:1.4;font-weight:600;color:#111827;',
  summary: 'margin:0 0 16px;',
} as const;

/** Styles for the editor's Markdown; intro headings stay smaller than the issue's own headings. */
const MARKDOWN_STYLES: TagStyles = {
  p: 'margin:0 0 16px;',
  a: LINK,
  ul: 'margin:0 0 16px;padding:0 0 0 24px;',
  ol: 'margin:0 0 16px;padding:0 0 0 24px;',
  li: 'margin:0 0 4px;',
  h1: 'margin:24px 0 8px;font-size:20px;line-height:1.3;',
  h2: 'margin:24px 0 8px;font-size:19px;line-height:1.3;',
  h3: 'margin:20px 0 8px;font-size:18px;line-height:1.3;',
  h4: 'margin:16px 0 8px;font-size:16px;',
  h5: 'margin:16px 0 8px;font-size:16px;',
  h6: 'margin:16px 0 8px;font-size:16px;',
  blockquote: 'margin:0 0 16px;padding:0 0 0 12px;border-left:3px solid #d1d5db;color:#4b5563;',
  code: `font-family:${MONO_STACK};font-size:14px;background-color:#f3f4f6;padding:1px 4px;border-radius:3px;`,
  pre: `display:block;white-space:pre-wrap;font-family:${MONO_STACK};font-size:14px;background-color:#f3f4f6;padding:12px;`,
  hr: 'border:0;border-top:1px solid #e5e7eb;margin:24px 0;',
};

function renderItem(item: ItemView): string {
  // The title is inline Markdown too (page text was escaped at capture), minus links: it is one.
  const title = inlineMarkdownToHtml(item.title, MARKDOWN_STYLES, { links: false });
  const heading = item.href === null ? title : `<a href="${escapeHtml(item.href)}" style="${TITLE_LINK}">${title}</a>`;
  const summary = item.summary === '' ? '' : `\n<p style="${STYLE.summary}">${inlineMarkdownToHtml(item.summary, MARKDOWN_STYLES)}</p>`;
  return `<h3 style="${STYLE.item}">${heading}</h3>${summary}`;
}

function renderContent(view: IssueView): string[] {
  const blocks: string[] = [];
  if (view.title !== '') blocks.push(`<h1 style="${STYLE.title}">${escapeHtml(view.title)}</h1>`);
  if (view.tagline !== '') blocks.push(`<p style="${STYLE.tagline}">${escapeHtml(view.tagline)}</p>`);
  blocks.push(markdownToHtml(view.intro, MARKDOWN_STYLES));
  for (const section of view.sections) {
    blocks.push(`<h2 style="${STYLE.section}">${escapeHtml(section.name)}</h2>`, ...section.items.map(renderItem));
  }
  blocks.push(markdownToHtml(view.outro, MARKDOWN_STYLES));
  return blocks.map((block) => block.trim()).filter((block) => block !== '');
}

/** The issue as a complete HTML email document; deterministic, ends with exactly one newline. */
export function renderIssueAsHtml(issue: Issue): string {
  const view = viewIssue(issue);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(view.title)}</title>
</head>
<body style="${STYLE.body}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${STYLE.page}">
<tr>
<td align="center" style="${STYLE.gutter}">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="${STYLE.card}">
<tr>
<td style="${STYLE.content}">
${renderContent(view).join('\n')}
</td>
</tr>
</table>
</td>
</tr>
</table>
</body>
</html>
`;
}
