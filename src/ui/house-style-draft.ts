/**
 * The house style as the editor edits it: the chosen preset and the text of each format's template.
 * A template whose text is the preset's own counts as "the preset's" (it is not stored), so editing a
 * template back to the preset's, or choosing another preset, never leaves a stale copy behind.
 */
import { EXPORT_FORMATS, type ExportFormat } from '../core/format-writers.ts';
import { describeTemplateProblem, findHouseStyleProblem, type TemplateProblem, checkTemplate } from '../core/house-style-check.ts';
import type { HouseStyle, PresetName } from '../core/house-style.ts';
import { PRESETS } from '../core/house-style-presets.ts';
import type { Issue } from '../core/model.ts';

export interface StyleDraft {
  preset: PresetName;
  texts: Record<ExportFormat, string>;
}

export function draftOf(style: HouseStyle): StyleDraft {
  const texts = {} as Record<ExportFormat, string>;
  for (const format of EXPORT_FORMATS) texts[format] = style.templates[format] ?? PRESETS[style.preset][format];
  return { preset: style.preset, texts };
}

export function styleOf(draft: StyleDraft): HouseStyle {
  const templates: HouseStyle['templates'] = {};
  for (const format of EXPORT_FORMATS) if (draft.texts[format] !== PRESETS[draft.preset][format]) templates[format] = draft.texts[format];
  return { preset: draft.preset, templates };
}

/** Another preset: the templates that were the old preset's become the new one's; the editor's own stay. */
export function choosePreset(draft: StyleDraft, preset: PresetName): StyleDraft {
  const texts = { ...draft.texts };
  for (const format of EXPORT_FORMATS) if (texts[format] === PRESETS[draft.preset][format]) texts[format] = PRESETS[preset][format];
  return { preset, texts };
}

export function resetToPreset(draft: StyleDraft): StyleDraft {
  return draftOf({ preset: draft.preset, templates: {} });
}

export function isOwnTemplate(draft: StyleDraft, format: ExportFormat): boolean {
  return draft.texts[format] !== PRESETS[draft.preset][format];
}

export function sameStyle(a: HouseStyle, b: HouseStyle): boolean {
  return a.preset === b.preset && EXPORT_FORMATS.every((format) => a.templates[format] === b.templates[format]);
}

/** Each format's mistake with the open issue (or the sample issue), in the words shown next to its field. */
export function draftProblems(draft: StyleDraft, issue: Issue): Partial<Record<ExportFormat, TemplateProblem>> {
  const style = styleOf(draft);
  const problems: Partial<Record<ExportFormat, TemplateProblem>> = {};
  for (const format of EXPORT_FORMATS) {
    if (style.templates[format] === undefined) continue;
    const problem = checkTemplate(style, format, issue) ?? findHouseStyleProblem({ preset: style.preset, templates: { [format]: style.templates[format] } });
    if (problem) problems[format] = problem;
  }
  return problems;
}

/** Why the draft cannot be saved, or null. */
export function whyNotSaved(problems: Partial<Record<ExportFormat, TemplateProblem>>): string | null {
  const first = EXPORT_FORMATS.map((format) => problems[format]).find((problem) => problem !== undefined);
  return first ? `Not saved: ${describeTemplateProblem(first)}. The style in use stays as it was.` : null;
}
