import { describe, expect, it } from 'vitest';
import { DEFAULT_HOUSE_STYLE, MAX_TEMPLATE_CHARACTERS, parseHouseStyle, PRESET_NAMES } from './house-style.ts';
import { PRESETS, templateFor } from './house-style-presets.ts';
import { EXPORT_FORMATS } from './format-writers.ts';
import { compileTemplate } from './template-engine.ts';

describe('house styles', () => {
  it('default to the heading preset', () => {
    expect(DEFAULT_HOUSE_STYLE).toEqual({ preset: 'heading', templates: {} });
  });

  it('have a template for every format in every preset, and each parses', () => {
    for (const preset of PRESET_NAMES) for (const format of EXPORT_FORMATS) expect(() => compileTemplate(PRESETS[preset][format], format)).not.toThrow();
  });

  it('use the editor\'s template for a format where there is one, the preset\'s elsewhere', () => {
    const style = { preset: 'quote' as const, templates: { text: 'mine' } };
    expect(templateFor(style, 'text')).toEqual({ source: 'mine', custom: true });
    expect(templateFor(style, 'md')).toEqual({ source: PRESETS.quote.md, custom: false });
  });

  it.each([
    [{ preset: 'quote' }, { ok: true, style: { preset: 'quote', templates: {} } }],
    [{ preset: 'bullets', templates: { md: '* {{ x }}' } }, { ok: true, style: { preset: 'bullets', templates: { md: '* {{ x }}' } } }],
    [{ preset: 'fancy' }, { ok: false, error: 'expected one of the presets heading, quote, bullets, digest, got "fancy"' }],
    [{ preset: 'quote', templates: { pdf: 'x' } }, { ok: false }],
    [{ preset: 'quote', templates: { html: 42 } }, { ok: false, error: 'expected the HTML template as text' }],
    [{ preset: 'quote', templates: { text: 'x'.repeat(MAX_TEMPLATE_CHARACTERS + 1) } }, { ok: false, error: `the plain text template is ${MAX_TEMPLATE_CHARACTERS + 1} characters long; at most ${MAX_TEMPLATE_CHARACTERS} are allowed` }],
    ['heading', { ok: false }],
  ])('validate %j from outside', (input, expected) => {
    expect(parseHouseStyle(input)).toMatchObject(expected);
  });
});
