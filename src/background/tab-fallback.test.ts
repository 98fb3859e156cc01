import { describe, expect, it } from 'vitest';
import { captureFromTabOnly, whyNotReadable } from './tab-fallback.ts';

describe('captureFromTabOnly', () => {
  it('builds an item from the tab alone', () => {
    expect(captureFromTabOnly('https://www.example.org/report.pdf?utm_source=x', ' Annual report ')).toMatchObject({
      title: 'Annual report', summary: '', summarySource: 'none', site: 'example.org', kind: 'paper',
      dedupeKey: 'https://example.org/report.pdf',
    });
  });

  it('falls back to the URL when the tab has no title', () => {
    expect(captureFromTabOnly('chrome://settings/', '').title).toBe('chrome://settings/');
  });
});

describe('whyNotReadable', () => {
  it.each([
    ['chrome://settings/', 'Cannot access a chrome:// URL', /browser page.*address and title/],
    ['', 'Cannot access a chrome:// URL', /hides its address/],
    ['https://chromewebstore.google.com/detail/x', 'The extensions gallery cannot be scripted.', /extension store/],
    ['file:///home/ada/notes.html', 'Cannot access contents of url', /Allow access to file URLs/],
    ['https://example.org/report.pdf', 'Frame with ID 0 is showing error page', /PDF/],
    ['https://example.org/', 'Frame with ID 0 is showing error page', /could not read this page \(Frame with ID 0/],
  ])('explains %s', (url, error, expected) => {
    expect(whyNotReadable(url, new Error(error))).toMatch(expected);
  });
});
