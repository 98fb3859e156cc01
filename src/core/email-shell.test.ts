import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { wrapEmailShell } from './email-shell.ts';
import { GMAIL_CLIP_BYTES, measureGmailClipping } from './gmail-clipping.ts';
import { renderIssueAsHtml } from './render-html.ts';
import { makeIssue, makeItem } from './test-factories.ts';

const html = wrapEmailShell({ title: 'Weekly <7>', preheader: 'This week: <b>news</b> & more', content: '<p style="margin:0;">Hi</p>' });
const { document } = parseHTML(html);

describe('the email document', () => {
  it('hides the tagline as the preheader, first in the body, the standard way, with filler after it', () => {
    const preheader = document.body.firstElementChild;
    expect(preheader?.tagName).toBe('DIV');
    expect(preheader?.textContent?.startsWith('This week: <b>news</b> & more')).toBe(true);
    const style = preheader?.getAttribute('style') ?? '';
    for (const rule of ['display:none', 'max-height:0px', 'opacity:0', 'overflow:hidden', 'mso-hide:all']) expect(style).toContain(rule);
    expect(preheader?.textContent).toContain('\u2007\ufeff\u034f');
    expect(wrapEmailShell({ title: 't', preheader: '', content: '' })).not.toContain('display:none');
  });

  it('holds a fixed 600px table for Outlook inside mso conditionals around the fluid card', () => {
    expect(html).toContain('<!--[if mso]><table role="presentation" align="center" width="600" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->');
    expect(html).toContain('<!--[if mso]></td></tr></table><![endif]-->');
    expect(html.indexOf('<!--[if mso]><table')).toBeLessThan(html.indexOf('class="rd-card"'));
    expect(document.querySelector('.rd-card')?.getAttribute('style')).toContain('max-width:600px');
    expect(html).toContain('<o:PixelsPerInch>96</o:PixelsPerInch>');
  });

  it('declares light and dark colour schemes and gives dark colours that override the inline ones', () => {
    expect(document.querySelector('meta[name="color-scheme"]')?.getAttribute('content')).toBe('light dark');
    expect(document.querySelector('meta[name="supported-color-schemes"]')?.getAttribute('content')).toBe('light dark');
    const css = document.querySelector('head style')?.textContent ?? '';
    expect(css).toContain(':root { color-scheme: light dark; supported-color-schemes: light dark; }');
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\) \{\n\.rd-page, \.rd-body \{ background-color:#111827 !important; \}/);
    expect(css).toContain('[data-ogsc] .rd-content a { color:#93c5fd !important; }');
    expect(css).toContain('[data-ogsb] .rd-card { background-color:#1f2937 !important; }');
    expect(css).not.toMatch(/url\(|@import/);
  });

  it('wraps long words and links in the content cell, which every title and link inherits', () => {
    const style = document.querySelector('.rd-content')?.getAttribute('style') ?? '';
    expect(style).toContain('overflow-wrap:break-word;word-wrap:break-word;word-break:break-word;');
  });

  it('escapes the title and the preheader', () => {
    expect(html).toContain('<title>Weekly &lt;7&gt;</title>');
    expect(html).toContain('aria-label="Weekly &lt;7&gt;"');
    expect(html).toContain('This week: &lt;b&gt;news&lt;/b&gt; &amp; more');
  });
});

describe('Gmail clipping', () => {
  it('counts UTF-8 bytes against about 102 KB', () => {
    expect(measureGmailClipping('ä'.repeat(10))).toEqual({ bytes: 20, limit: GMAIL_CLIP_BYTES, clipped: false });
    expect(measureGmailClipping('x'.repeat(GMAIL_CLIP_BYTES)).clipped).toBe(false);
    expect(measureGmailClipping('x'.repeat(GMAIL_CLIP_BYTES + 1)).clipped).toBe(true);
  });

  it('passes for a seed-sized issue and is clipped for one of 250 paper abstracts', () => {
    const abstract = 'We study the problem at length and report results that hold across settings. '.repeat(6);
    const items = (count: number) => Array.from({ length: count }, (_, index) => makeItem({ id: `i${index}`, position: `a${String(index).padStart(3, '0')}`, summary: abstract }));
    expect(measureGmailClipping(renderIssueAsHtml(makeIssue({ items: items(20) }))).clipped).toBe(false);
    expect(measureGmailClipping(renderIssueAsHtml(makeIssue({ items: items(250) }))).clipped).toBe(true);
  });
});

describe('the document for pasting', () => {
  it('has no style sheet and no preheader, so a paste keeps the inline styles as written', () => {
    const pasted = wrapEmailShell({ title: 't', preheader: 'Preview', content: '<p style="margin:0;">Hi</p>', forPasting: true });
    expect(pasted).not.toContain('<style>');
    expect(pasted).not.toContain('Preview');
    expect(pasted).toContain('<p style="margin:0;">Hi</p>');
  });
});
