import { describe, expect, it } from 'vitest';
import { PRESETS } from '../core/house-style-presets.ts';
import { makeIssue } from '../core/test-factories.ts';
import { choosePreset, draftOf, draftProblems, isOwnTemplate, resetToPreset, sameStyle, styleOf, whyNotSaved } from './house-style-draft.ts';

describe('the house style as the editor edits it', () => {
  it('shows every format\'s template, the preset\'s where the editor has none', () => {
    const draft = draftOf({ preset: 'quote', templates: { md: 'mine' } });
    expect(draft.texts).toEqual({ md: 'mine', html: PRESETS.quote.html, text: PRESETS.quote.text });
    expect(styleOf(draft)).toEqual({ preset: 'quote', templates: { md: 'mine' } });
    expect(isOwnTemplate(draft, 'md')).toBe(true);
    expect(isOwnTemplate(draft, 'html')).toBe(false);
  });

  it('stores no template that is the preset\'s own text', () => {
    const draft = draftOf({ preset: 'bullets', templates: {} });
    expect(styleOf({ ...draft, texts: { ...draft.texts, text: PRESETS.bullets.text } })).toEqual({ preset: 'bullets', templates: {} });
  });

  it('follows a new preset where the template was the old preset\'s, and keeps the editor\'s own', () => {
    const draft = choosePreset(draftOf({ preset: 'heading', templates: { text: 'mine' } }), 'digest');
    expect(draft.texts).toEqual({ md: PRESETS.digest.md, html: PRESETS.digest.html, text: 'mine' });
    expect(resetToPreset(draft).texts).toEqual(PRESETS.digest);
  });

  it('compares styles by what they export', () => {
    expect(sameStyle({ preset: 'quote', templates: { md: 'a' } }, { preset: 'quote', templates: { md: 'a', html: undefined } })).toBe(true);
    expect(sameStyle({ preset: 'quote', templates: {} }, { preset: 'heading', templates: {} })).toBe(false);
  });

  it('names the line and column of a mistake, per format, and says why it is not saved', () => {
    const draft = { ...draftOf({ preset: 'heading', templates: {} }), texts: { ...PRESETS.heading, md: '# {{ issue.title }}\n{{ issue.nmber }}' } };
    const problems = draftProblems(draft, makeIssue());
    expect(Object.keys(problems)).toEqual(['md']);
    expect(problems.md).toMatchObject({ line: 2, column: 4, message: 'line 2, column 4: unknown name "issue.nmber"' });
    expect(whyNotSaved(problems)).toBe('Not saved: the Markdown template does not work (line 2, column 4: unknown name "issue.nmber"). The style in use stays as it was.');
    expect(whyNotSaved({})).toBeNull();
  });
});
