import { describe, expect, it } from 'vitest';
import { findLeadParagraph } from './lead-paragraph.ts';
import { parseHtmlDocument } from './node-document.ts';
import { html } from './test-page.ts';

const leadOf = (body: string) => findLeadParagraph(parseHtmlDocument(html('', body)).getElementsByTagName('p'));
const PROSE = 'The committee published its findings on Tuesday, and the report runs to three hundred pages.';

describe('findLeadParagraph', () => {
  it('takes the first prose paragraph of the container holding the most prose', () => {
    const body = `<div class="promo"><p>Subscribe to our newsletter today, and never miss another story again.</p></div>
      <div><p>${PROSE}</p><p>It recommends changes, to the budget, the staff, and the rules.</p><p>Critics, as usual, disagreed.</p></div>`;
    expect(leadOf(body)).toBe(PROSE);
  });

  it.each([
    ['a cookie banner', `<div id="cookie-consent"><p>We use cookies to give you the best experience on our website, okay?</p></div><main><p>${PROSE}</p></main>`],
    ['a hidden paragraph', `<p hidden>Hidden text that a reader never sees on the page at all, not once.</p><p>${PROSE}</p>`],
    ['a link list', `<p><a href="/a">A long link text that goes on</a> <a href="/b">and another long link text</a></p><p>${PROSE}</p>`],
    ['a byline', `<article><p>By Jane Doe and John Roe, staff writers, in Washington</p><p>${PROSE}</p></article>`],
    ['a bare URL', `<article><p>https://www.example.com/articles/2024/01/01/some-long-slug-for-the-story</p><p>${PROSE}</p></article>`],
    ['an aside', `<aside><p>Related: a story about something else entirely, from last year.</p></aside><p>${PROSE}</p>`],
  ])('skips %s', (_name, body) => {
    expect(leadOf(body)).toBe(PROSE);
  });

  it('takes the paragraph the page marks as its lead, above the body text', () => {
    const standfirst = 'A short summary of the report, set above the article in larger type by the editors.';
    const body = `<article><p class="article__standfirst">${standfirst}</p>
      <div class="body"><p>${PROSE}</p><p>It recommends changes, to the budget, the staff, and the rules.</p><p>Critics, as usual, disagreed.</p></div></article>`;
    expect(leadOf(body)).toBe(standfirst);
    expect(leadOf(body.replace('article__standfirst', 'lead'))).toBe(standfirst);
  });

  it('does not take an excerpt of another story further down for the lead', () => {
    const body = `<article><div class="body"><p>${PROSE}</p><p>It recommends changes, to the budget, the staff, and the rules.</p></div></article>
      <div class="more"><p class="post-excerpt">Another story entirely, summarised in its card below the article, with commas.</p></div>`;
    expect(leadOf(body)).toBe(PROSE);
  });

  it('passes over an epigraph for the article\'s own first paragraph', () => {
    const body = `<main><blockquote><p>"No man ever steps in the same river twice, for it is not the same river and he is not the same man."</p></blockquote>
      <p>${PROSE}</p><p>It recommends changes, to the budget, the staff, and the rules.</p></main>`;
    expect(leadOf(body)).toBe(PROSE);
  });

  it('leaves out hidden text inside the paragraph', () => {
    expect(leadOf(`<p><span aria-hidden="true">**WRONG**</span>${PROSE}</p>`)).toBe(PROSE);
  });

  it('finds nothing on a page without prose paragraphs', () => {
    expect(leadOf('<p>Short.</p><div>Text in a div, not in a paragraph at all, however long it may be.</div>')).toBeNull();
  });
});
