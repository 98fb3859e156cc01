/**
 * A newsletter's house style: a preset layout, and optionally the editor's own template for some
 * formats, which then replaces the preset's for that format only (the preset stays the fallback).
 *
 * The schema validates a house style wherever it crosses a boundary (settings, a backup, the sync
 * area, a CLI file); it is part of the settings (Settings.houseStyle).
 */
import * as v from 'valibot';
import type { ExportFormat } from './format-writers.ts';

export const PRESET_NAMES = ['heading', 'quote', 'bullets', 'digest'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** One Liquid template per export format. */
export type PresetTemplates = Readonly<Record<ExportFormat, string>>;

export interface HouseStyle {
  preset: PresetName;
  /** The editor's templates, per format; a format without one uses the preset's. */
  templates: Partial<Record<ExportFormat, string>>;
}

export const DEFAULT_HOUSE_STYLE: HouseStyle = { preset: 'heading', templates: {} };

/** Far above any real layout (the presets are 1–2 KB), so a template of any use fits, and a runaway paste does not. */
export const MAX_TEMPLATE_CHARACTERS = 20_000;

const template = (format: string) => v.optional(v.pipe(
  v.string(`expected the ${format} template as text`),
  v.maxLength(MAX_TEMPLATE_CHARACTERS, (issue) => `the ${format} template is ${String(issue.received)} characters long; at most ${MAX_TEMPLATE_CHARACTERS} are allowed`),
  v.description(`The editor's Liquid template for the ${format} export; absent means the preset's.`),
));

/** Refuses arrays too: valibot's object schemas take `[]` for an object. */
export const houseStyleSchema = v.pipe(v.custom<Record<string, unknown>>(
  (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
  'expected a house style (a preset and templates)',
), v.strictObject({
  preset: v.pipe(
    v.picklist(PRESET_NAMES, (issue) => `expected one of the presets ${PRESET_NAMES.join(', ')}, got ${JSON.stringify(issue.input)}`),
    v.description('The preset layout: heading, quote, bullets or digest.'),
  ),
  templates: v.optional(v.strictObject({ md: template('Markdown'), html: template('HTML'), text: template('plain text') }), {}),
}));

/** Only the formats that have a template of the editor's own. */
function withoutAbsent(templates: Partial<Record<ExportFormat, string | undefined>>): HouseStyle['templates'] {
  const result: HouseStyle['templates'] = {};
  for (const [format, source] of Object.entries(templates)) if (source !== undefined) result[format as ExportFormat] = source;
  return result;
}

export type HouseStyleParse = { ok: true; style: HouseStyle } | { ok: false; error: string };

/** Validates a house style from outside; the error is one line in plain words. */
export function parseHouseStyle(input: unknown): HouseStyleParse {
  const result = v.safeParse(houseStyleSchema, input);
  if (!result.success) return { ok: false, error: result.issues[0]?.message ?? 'not a house style' };
  return { ok: true, style: { preset: result.output.preset, templates: withoutAbsent(result.output.templates) } };
}
