/**
 * Inline styles for the editor's Markdown in the HTML export (intro, outro, summaries), for mail
 * clients that drop `<style>` (Gmail in many cases, Outlook's Word engine mostly). Intro headings
 * stay smaller than the issue's own headings. The templates carry the styles of their own elements.
 */
import type { TagStyles } from './inline-markdown.ts';

export const FONT_STACK = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const MONO_STACK = "SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace";

export const MARKDOWN_STYLES: TagStyles = {
  p: 'margin:0 0 16px;',
  a: 'color:#1a56db;text-decoration:underline;',
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

/** A title keeps its code spans styled; emphasis inherits the heading's look. */
export const TITLE_STYLES: TagStyles = { code: MARKDOWN_STYLES.code };
