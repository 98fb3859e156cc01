import { describe, expect, it } from 'vitest';
import type { ExportFormat } from './format-writers.ts';
import { renderIssueIn } from './render-issue.ts';
import { compileTemplate, TemplateError } from './template-engine.ts';
import { makeIssue, makeItem, makeSection } from './test-factories.ts';

const issue = makeIssue({
  title: 'Weekly #7', tagline: 'Short & <sweet>', intro: 'Hello *all*.', outro: 'Bye.', publishedAt: '2026-11-20T09:00:00.000Z',
  sections: [makeSection({ id: 's1', name: 'News & <Views>' }), makeSection({ id: 's2', name: 'Papers', position: 'a1' })],
  items: [
    makeItem({ id: 'i1', sectionId: 's1', title: 'One `code` *em*', summary: 'First sentence, i.e. the lead. Second one.', site: 'A & B <i>', authors: ['Ada', 'Bob', 'Cy'], publishedAt: '2026-11-02' }),
    makeItem({ id: 'i2', sectionId: 's1', position: 'a1', title: 'Two', summary: '', authors: ['_lazy'], url: 'javascript:alert(1)' }),
    makeItem({ id: 'i3', sectionId: 's2', title: 'Three', summary: 'Only *one* sentence with [a link](https://example.com/l)', kind: 'paper' }),
  ],
});

const render = (format: ExportFormat, template: string, dateFormat?: 'iso' | 'long'): string =>
  renderIssueIn(format, issue, { style: { preset: 'heading', templates: { [format]: template } }, ...(dateFormat ? { dateFormat } : {}) });
const renderText = (template: string): string => render('text', template);

function errorOf(action: () => unknown): TemplateError {
  try {
    action();
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('what a template sees', () => {
  it('numbers sections and items, joins authors and formats dates by the settings', () => {
    const template = '{% for section in sections %}{{ section.number }} {{ section.name }}\n{% for item in section.items %}{{ item.number }}. {{ item.title }} ({{ item.kind }}) {{ item.authors | join_authors }} {{ item.date | format_date }}\n{% endfor %}{% endfor %}';
    expect(renderText(template)).toBe('1 News & <Views>\n1. One code em (article) Ada, Bob and Cy November 2, 2026\n2. Two (article) _lazy \n2 Papers\n1. Three (paper)\n');
    expect(render('text', '{{ issue.date | format_date }} {{ sections[0].items[0].date | format_date: "medium" }}', 'iso')).toBe('2026-11-20 Nov 2, 2026\n');
    expect(renderText('{{ sections[0].items[0].authors | join_authors: " / ", " & " }}')).toBe('Ada / Bob & Cy\n');
  });

  it('gives the first sentence of a summary, keeping its Markdown closed', () => {
    const template = '{% for section in sections %}{% for item in section.items %}[{{ item.summary | first_sentence }}]{% endfor %}{% endfor %}';
    expect(renderText(template)).toBe('[First sentence, i.e. the lead.][][Only one sentence with a link (https://example.com/l)]\n');
    expect(render('md', template)).toBe('[First sentence, i.e. the lead.][][Only *one* sentence with [a link](https://example.com/l)]\n');
    expect(render('html', template)).toContain('[Only <em>one</em> sentence with <a href="https://example.com/l" style="color:#1a56db;text-decoration:underline;">a link</a>]');
  });

  it('treats empty text as false and leaves out links that must not be links', () => {
    expect(renderText('{% for item in sections[0].items %}{% if item.summary %}S{% else %}-{% endif %}{% if item.url %}U{% else %}-{% endif %}{% endfor %}')).toBe('SU--\n');
  });

  it('never shows the note, and shows nothing through a value\'s properties', () => {
    expect(errorOf(() => renderText('{{ sections[0].items[0].note }}')).reason).toBe('unknown name "sections.0.items.0.note"');
    expect(errorOf(() => renderText('{{ issue.intro.source }}')).reason).toContain('unknown name');
    expect(errorOf(() => renderText('{{ issue.title.constructor }}')).reason).toContain('unknown name');
  });
});

describe('escaping by format', () => {
  const template = '{{ issue.tagline }}|{{ sections[0].name }}|{{ sections[0].items[0].site }}|{{ sections[0].items[0].title }}';
  it.each([
    ['html', 'Short &amp; &lt;sweet&gt;|News &amp; &lt;Views&gt;|A &amp; B &lt;i&gt;|One <code style='],
    ['md', 'Short & \\<sweet>|News & \\<Views>|A & B \\<i>|One `code` *em*'],
    ['text', 'Short & <sweet>|News & <Views>|A & B <i>|One code em'],
  ] as const)('%s escapes plain fields and prints the rendered Markdown as it is', (format, start) => {
    const output = render(format, template);
    expect(format === 'html' ? output : output.trimEnd()).toContain(start);
  });

  it('escapes a filter\'s result, even of rendered Markdown: safe by default', () => {
    expect(render('html', '{{ sections[0].items[0].title | upcase }}')).toContain('ONE &lt;CODE STYLE=');
  });

  it('keeps what a template captured as it wrote it, instead of escaping it twice', () => {
    expect(render('md', '{% capture link %}[{{ sections[0].items[0].site }}]({{ sections[0].items[0].url }}){% endcapture %}{{ link }}'))
      .toBe('[A & B \\<i>](https://example.com/article)\n');
  });
});

describe('raw output', () => {
  it('prints the editor\'s own intro and outro as typed, and only those', () => {
    expect(render('html', '{{ issue.intro | raw }}')).toContain('Hello *all*.');
    expect(render('html', '{{ issue.intro }}')).toContain('Hello <em>all</em>.');
    for (const field of ['issue.tagline', 'sections[0].name', 'sections[0].items[0].site', 'sections[0].items[0].title', 'sections[0].items[0].summary', 'sections[0].items[0].url']) {
      const error = errorOf(() => render('html', `line one\n  {{ ${field} | raw }}`));
      expect(error.reason).toContain('raw is only for issue.intro and issue.outro');
      expect([error.line, error.column]).toEqual([2, 3]);
    }
  });
});

describe('template errors name the line and column', () => {
  it.each([
    ['{{ issue.titel }}', 1, 4, 'unknown name "issue.titel"'],
    ['a\nb {{ issue.title | shout }}', 2, 3, 'unknown filter "shout"'],
    ['{% for item in sections %}\n{{ item.name }}', 1, 1, 'tag {% for item in sections %} not closed'],
    ['ok\n\n   {{ issue.title', 3, 4, 'output "{{ issue.title" not closed'],
    ['{% frobnicate %}', 1, 1, 'unknown tag {% frobnicate %}'],
    ['{% include "secrets.txt" %}', 1, 1, '{% include %} is not available in a house style'],
    ['{% render "x" %}', 1, 1, '{% render %} is not available'],
    ['{% layout "x" %}', 1, 1, '{% layout %} is not available'],
    ['{{ issue.date | format_date: "weekday" }}', 1, 1, 'format_date takes iso, short, medium, long or full'],
  ])('%j', (template, line, column, reason) => {
    const error = errorOf(() => renderText(template));
    expect({ line: error.line, column: error.column }).toEqual({ line, column });
    expect(error.reason).toContain(reason);
    expect(error.message).toBe(`line ${line}, column ${column}: ${error.reason}`);
  });

  it('stops a template that would never end', () => {
    expect(errorOf(() => renderText('{% for i in (1..1000000000) %}x{% endfor %}')).reason).toMatch(/limit exceeded/);
  });

  it('refuses a template too long to be a layout', () => {
    expect(errorOf(() => compileTemplate('x'.repeat(100_001), 'text')).reason).toContain('at most 100000');
  });
});
