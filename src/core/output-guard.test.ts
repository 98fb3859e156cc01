import { describe, expect, it } from 'vitest';
import type { ExportFormat } from './format-writers.ts';
import { checkHtmlOutput, OutputRefused } from './output-guard.ts';
import { renderIssueIn } from './render-issue.ts';
import { makeIssue, makeItem } from './test-factories.ts';

// A page that puts a script address where a template author expects a name.
const issue = makeIssue({ items: [makeItem({ site: 'javascript:alert(1)', authors: ['<img src=x onerror=alert(1)>'], url: 'https://example.com/a' })] });
const withTemplate = (format: ExportFormat, template: string) => () => renderIssueIn(format, issue, { style: { preset: 'heading', templates: { [format]: template } } });
const item = '{% for item in sections[0].items %}';

describe('a template cannot produce a javascript: link or active HTML', () => {
  it.each([
    ['a page field as a link target', `${item}<a href="{{ item.site }}">x</a>{% endfor %}`],
    ['an unquoted one', `${item}<a href={{ item.site }}>x</a>{% endfor %}`],
    ['one captured first', `{% capture target %}${item}{{ item.site }}{% endfor %}{% endcapture %}<a href="{{ target }}">x</a>`],
    ['its own javascript: link', '<a href="javascript:alert(1)">x</a>'],
    ['one spelled with entities', '<a href="java&#x09;script&colon;alert(1)">x</a>'],
    ['one in upper case, spaced', '<a href="  JAVASCRIPT:alert(1)">x</a>'],
    ['a data: image', '<img src="data:image/svg+xml,<svg onload=alert(1)>">'],
    ['an event handler', '<p onmouseover="alert(1)">x</p>'],
    ['an event handler after a quoted attribute', '<p title="a"onclick="alert(1)">x</p>'],
    ['a script element', '<script>alert(1)</script>'],
    ['a style element', '<style>body{background:url(https://tracker.example/p)}</style>'],
    ['a style attribute that loads', '<p style="background:url(https://tracker.example/p)">x</p>'],
    ['an iframe', '<iframe src="https://example.com/"></iframe>'],
    ['an svg', '<svg><a xlink:href="javascript:alert(1)">x</a></svg>'],
    ['a form', '<form action="https://example.com/"><button>x</button></form>'],
    ['an Outlook conditional comment', '<!--[if mso]><a href="javascript:alert(1)">x</a><![endif]-->'],
    ['a tag left open', '<a href="https://example.com/"'],
  ])('HTML: %s', (_name, template) => {
    expect(withTemplate('html', template)).toThrow(OutputRefused);
  });

  it.each([
    ['a page field as a link target', `${item}[x]({{ item.site }}){% endfor %}`],
    ['its own javascript: link', '[x](javascript:alert(1))'],
    ['a reference definition', '[x][r]\n\n[r]: javascript:alert(1)'],
    ['an autolink', '<javascript:alert(1)>'],
    ['raw HTML with a handler', '<p onclick="alert(1)">x</p>'],
    ['an inline script', 'a <script>alert(1)</script> b'],
    ['an image from data:', '![x](data:image/png;base64,AAAA)'],
  ])('Markdown: %s', (_name, template) => {
    expect(withTemplate('md', template)).toThrow(OutputRefused);
  });

  it('keeps a page field that would be raw HTML escaped, wherever the template puts it', () => {
    expect(withTemplate('html', `${item}<p title="{{ item.authors | join_authors }}">{{ item.authors | join_authors }}</p>{% endfor %}`)())
      .toContain('<p title="&lt;img src=x onerror=alert(1)&gt;">&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(withTemplate('md', `${item}{{ item.authors | join_authors }}{% endfor %}`)()).toBe('\\<img src=x onerror=alert(1)>\n');
  });

  it('lets through what an editor\'s template may hold', () => {
    const html = [
      '<div style="padding:8px;border:1px solid #ddd"><a href="https://example.com/sponsor">Sponsor</a> · <a href="mailto:ed@example.com">Write</a> · <a href="#top">Top</a></div>',
      '<!-- a note to myself --><table role="presentation" width="100%"><tr><td align="center"><img src="https://example.com/logo.png" alt="Logo" width="120"></td></tr></table>',
      '<p>5 &lt; 6 and a < b</p><br/><hr>',
    ].join('\n');
    expect(() => checkHtmlOutput(html)).not.toThrow();
    expect(withTemplate('md', '[Sponsor](https://example.com/s) <br> <a href="https://example.com/">x</a>\n\n<div>block</div>')()).toContain('[Sponsor]');
  });

  it('says what it found, in plain words', () => {
    expect(withTemplate('html', `${item}<a href="{{ item.site }}">x</a>{% endfor %}`)).toThrow('the template writes <a href="javascript:alert(1)">, and only http, https and mailto links are allowed');
    expect(withTemplate('html', '<script>x</script>')).toThrow('the template writes a <script> element, which an email may not contain');
  });
});
