import { describe, expect, it } from 'vitest';
import { isJunkDescription } from './junk-description.ts';

const context = { title: 'Attention Is All You Need', site: 'Example News', host: 'example.com' };

describe('isJunkDescription', () => {
  it.each([
    ["arXiv's abstract-page line", 'Abstract page for arXiv paper 1706.03762: Attention Is All You Need'],
    ['the title again', 'Attention is all you need'],
    ['the site name', 'Example News'],
    ['the host', 'example.com'],
    ['a call to action', 'Read more »'],
    ['a cookie banner', 'This website uses cookies to improve your experience. Accept all cookies to continue.'],
    ['a template placeholder', '{{ page.description }}'],
    ["GitHub's empty-description boilerplate", 'Contribute to owner/repo development by creating an account on GitHub.'],
    ['a too short string', 'News and more.'],
    ['javascript nag', 'Please enable JavaScript to view this site properly, thank you.'],
    // Issue #16, from the shared corpus:
    ['a credit line (trafilatura/heartlandnewsfeed.com-Christian)', 'Written by HLNF Staff Report'],
    ['a byline with its dateline (trafilatura/blog.mondediplo.net.turpitude)', 'Par Didier Roy (Planète Asie, Les blogs du Diplo, 21 juin 2018)'],
    ['a literal tag', '<p>'],
    ['a literal escape', '\\n'],
    ["the site's motto (trafilatura/nachtkritik.de-Dragqueens)", 'nachtkritik.de - das unabhängige Theaterportal'],
    ["YouTube's chapter list", 'Chapters These chapters are auto-generated 0:00 Intro 1:12 The build 4:40 Results'],
  ])('rejects %s', (_name, text) => {
    const host = /nachtkritik/.test(text) ? 'nachtkritik.de' : context.host;
    expect(isJunkDescription(text, { ...context, host })).toBe(true);
  });

  it.each([
    ['a sentence that starts with "By"', 'By 2030, half of all new cars sold in Europe will be electric, the report says.'],
    ['a description that starts with the site name', 'Example News readers sent us more than 3,000 questions about the election; here are the answers.'],
  ])('keeps %s', (_name, text) => {
    expect(isJunkDescription(text, context)).toBe(false);
  });

  it('accepts a short repository description', () => {
    expect(isJunkDescription('A fast bundler.', { ...context, isRepo: true })).toBe(false);
    expect(isJunkDescription('A fast bundler.', context)).toBe(true);
  });

  it.each([
    ['a real summary', 'A new network architecture based solely on attention mechanisms, dispensing with recurrence.'],
    ['an article about cookies', 'Google says it will stop tracking users with third-party cookies, a win for privacy.'],
    ['a short CJK summary', '宇航员在太空中喝酒会怎么样？后果很严重'],
  ])('keeps %s', (_name, text) => {
    expect(isJunkDescription(text, context)).toBe(false);
  });
});
