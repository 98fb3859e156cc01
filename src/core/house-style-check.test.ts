import { describe, expect, it } from 'vitest';
import { describeTemplateProblem, findHouseStyleProblem } from './house-style-check.ts';
import { PRESET_NAMES } from './house-style.ts';
import { PRESETS } from './house-style-presets.ts';
import { makeIssue, makeItem } from './test-factories.ts';

describe('checking a house style before it is used', () => {
  it.each(PRESET_NAMES)('passes the %s preset, and the same templates given as the editor\'s own', (preset) => {
    expect(findHouseStyleProblem({ preset, templates: {} })).toBeNull();
    expect(findHouseStyleProblem({ preset: 'heading', templates: { ...PRESETS[preset] } })).toBeNull();
  });

  it.each<[string, Record<string, string>, string]>([
    ['a name that does not exist', { md: '{{ issue.title }}\n{% for s in sections %}{{ s.nmae }}{% endfor %}' }, 'the Markdown template does not work (line 2, column 27: unknown name "s.nmae")'],
    ['a tag that is not closed', { text: '{% if issue.title %}\nx' }, 'the plain text template does not work (line 1, column 1: tag {% if issue.title %} not closed)'],
    ['a filter that does not exist', { html: '<p>{{ issue.title | shout }}</p>' }, 'the HTML template does not work (line 1, column 4: unknown filter "shout")'],
    ['a link to a script', { html: '<a href="javascript:alert(1)">x</a>' }, 'the HTML template does not work (the template writes <a href="javascript:alert(1)">, and only http, https and mailto links are allowed)'],
    ['a file read', { md: '{% include "/etc/passwd" %}' }, 'the Markdown template does not work (line 1, column 1: {% include %} is not available in a house style (templates cannot read files or addresses))'],
  ])('refuses %s, naming the format and where', (_name, templates, expected) => {
    const problem = findHouseStyleProblem({ preset: 'heading', templates });
    expect(problem && describeTemplateProblem(problem)).toBe(expected);
  });

  it('also renders with the issue at hand, when it is given', () => {
    const style = { preset: 'heading' as const, templates: { text: '{% for s in sections %}{% for i in s.items %}{{ i.title | raw }}{% endfor %}{% endfor %}' } };
    expect(findHouseStyleProblem(style)?.message).toMatch(/raw is only for issue\.intro/);
    const empty = { preset: 'heading' as const, templates: { text: '{{ issue.title }}' } };
    expect(findHouseStyleProblem(empty, makeIssue({ items: [makeItem()] }))).toBeNull();
  });
});
