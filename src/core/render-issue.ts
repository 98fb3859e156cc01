/**
 * An issue as one export format in a house style: the issue view, written for the format, through
 * the style's template (a preset's, or the editor's), then checked and, for HTML, wrapped as an email.
 * Deterministic; the result ends with exactly one newline; item notes never appear (the view has none).
 * Throws TemplateError when the editor's template does not parse or render, OutputRefused when what
 * it produced is unsafe (output-guard.ts).
 */
import { wrapEmailShell } from './email-shell.ts';
import type { ExportFormat } from './format-writers.ts';
import { FORMAT_WRITERS } from './format-writers.ts';
import { DEFAULT_HOUSE_STYLE } from './house-style.ts';
import type { HouseStyle } from './house-style.ts';
import { templateFor } from './house-style-presets.ts';
import type { DateFormat } from './issue-title.ts';
import { viewIssue } from './issue-view.ts';
import { DEFAULT_SETTINGS } from './model.ts';
import type { Issue } from './model.ts';
import { guardTemplateOutput } from './output-guard.ts';
import { templateData } from './template-data.ts';
import { compileTemplate, renderCompiledTemplate } from './template-engine.ts';

export interface ExportOptions {
  /** Default: the `heading` preset. */
  style?: HouseStyle;
  /** How `format_date` writes dates. Default: the settings' default. */
  dateFormat?: DateFormat;
  /** HTML only: the document for the clipboard rather than for sending (see email-shell.ts). */
  forPasting?: boolean;
}

/** The template's output without the blank lines its tags leave at the start, ending with one newline. */
function tidy(output: string): string {
  return `${output.replace(/^\s*\n/, '').trimEnd()}\n`;
}

export function renderIssueIn(format: ExportFormat, issue: Issue, options: ExportOptions = {}): string {
  const view = viewIssue(issue);
  const chosen = templateFor(options.style ?? DEFAULT_HOUSE_STYLE, format);
  const data = templateData(view, FORMAT_WRITERS[format]);
  const output = tidy(renderCompiledTemplate(compileTemplate(chosen.source, format), data, { dateFormat: options.dateFormat ?? DEFAULT_SETTINGS.dateFormat }));
  if (chosen.custom) guardTemplateOutput(format, output);
  if (format !== 'html') return output;
  return wrapEmailShell({ title: view.title, preheader: view.tagline, content: output.trimEnd(), forPasting: options.forPasting ?? false });
}
