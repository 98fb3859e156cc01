/**
 * Whether a house style can be used: each of the editor's own templates is rendered, through the same
 * path as an export (render-issue.ts, output guard included), with a sample issue that fills every name a
 * template may use, and with the issue at hand when there is one. A style that passes is safe to store
 * as the active one; one that does not is refused wherever it comes from (the editor's Save, a backup
 * file, another device), with the reason in plain words and the line and column of the mistake.
 */
import type { ExportFormat } from './format-writers.ts';
import { EXPORT_FORMATS } from './format-writers.ts';
import type { HouseStyle } from './house-style.ts';
import type { Issue } from './model.ts';
import { OutputRefused } from './output-guard.ts';
import { renderIssueIn } from './render-issue.ts';
import { TemplateError } from './template-engine.ts';

export const FORMAT_NAMES: Readonly<Record<ExportFormat, string>> = { md: 'Markdown', html: 'HTML', text: 'plain text' };

/** Every field filled, so a template that names a field wrongly fails here and not on the day of an issue. */
export const SAMPLE_ISSUE: Issue = {
  id: 'sample', number: 1, title: 'Sample: Issue #1', tagline: 'A tagline', intro: 'An *intro*.', outro: 'An outro.',
  status: 'draft', createdAt: '2021-06-18T08:00:00.000Z', publishedAt: null, clocks: {},
  sections: [{ id: 's1', name: 'Industry', position: 'a0', clocks: {} }, { id: 's2', name: 'Papers', position: 'a1', clocks: {} }],
  items: [
    {
      id: 'i1', sectionId: 's1', position: 'a0', url: 'https://example.com/article', canonicalUrl: null, title: 'An `article`',
      summary: 'What it *says*. And more.', note: '', site: 'example.com', authors: ['Ada Lovelace', 'Alan Turing'],
      publishedAt: '2021-06-17', image: null, kind: 'article', capturedAt: '2021-06-18T09:00:00.000Z', clocks: {},
    },
    {
      id: 'i2', sectionId: 's2', position: 'a0', url: 'https://arxiv.org/abs/2106.00001', canonicalUrl: null, title: 'A paper',
      summary: '', note: '', site: 'arXiv', authors: [], publishedAt: null, image: null, kind: 'paper',
      capturedAt: '2021-06-18T09:00:00.000Z', clocks: {},
    },
  ],
};

export interface TemplateProblem {
  format: ExportFormat;
  /** Plain words, e.g. `line 2, column 4: unknown name "itme"`. */
  message: string;
  line: number | null;
  column: number | null;
}

/** Renders one format of the style with `issue`; null when it works. */
export function checkTemplate(style: HouseStyle, format: ExportFormat, issue: Issue = SAMPLE_ISSUE): TemplateProblem | null {
  try {
    renderIssueIn(format, issue, { style });
    return null;
  } catch (error) {
    if (error instanceof TemplateError) return { format, message: error.message, line: error.line, column: error.column };
    if (error instanceof OutputRefused) return { format, message: error.message, line: null, column: null };
    throw error;
  }
}

/** The first of the editor's templates that does not work with the sample issue (and `issue`, when given). */
export function findHouseStyleProblem(style: HouseStyle, issue?: Issue): TemplateProblem | null {
  for (const format of EXPORT_FORMATS) {
    if (style.templates[format] === undefined) continue;
    const problem = checkTemplate(style, format) ?? (issue ? checkTemplate(style, format, issue) : null);
    if (problem) return problem;
  }
  return null;
}

/** "the Markdown template does not work (line 2, column 4: unknown name "itme")". */
export function describeTemplateProblem(problem: TemplateProblem): string {
  return `the ${FORMAT_NAMES[problem.format]} template does not work (${problem.message})`;
}
