/** The preset layouts by name, and which template a house style uses for a format. */
import type { ExportFormat } from './format-writers.ts';
import type { HouseStyle, PresetName, PresetTemplates } from './house-style.ts';
import { BULLETS } from './preset-bullets.ts';
import { DIGEST } from './preset-digest.ts';
import { HEADING } from './preset-heading.ts';
import { QUOTE } from './preset-quote.ts';

export const PRESETS: Readonly<Record<PresetName, PresetTemplates>> = { heading: HEADING, quote: QUOTE, bullets: BULLETS, digest: DIGEST };

export interface ChosenTemplate {
  source: string;
  /** The editor's own template (checked after rendering), rather than a preset's. */
  custom: boolean;
}

export function templateFor(style: HouseStyle, format: ExportFormat): ChosenTemplate {
  const own = style.templates[format];
  return own === undefined ? { source: PRESETS[style.preset][format], custom: false } : { source: own, custom: true };
}
