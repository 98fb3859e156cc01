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
  ])('rejects %s', (_name, text) => {
    expect(isJunkDescription(text, context)).toBe(true);
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
