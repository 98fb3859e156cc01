import { describe, expect, it } from 'vitest';
import { toSafeLinkUrl } from './safe-url.ts';

describe('toSafeLinkUrl', () => {
  it.each([
    ['https://example.com/a?b=c#d', 'https://example.com/a?b=c#d'],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://EXAMPLE.COM/Path', 'https://example.com/Path'],
    ['  https://example.com/trimmed  ', 'https://example.com/trimmed'],
    ['https://example.com/a (b) "c" <d>', 'https://example.com/a%20(b)%20%22c%22%20%3Cd%3E'],
    ['https://bücher.example/ä', 'https://xn--bcher-kva.example/%C3%A4'],
    ['mailto:editor@example.com?subject=Hi', 'mailto:editor@example.com?subject=Hi'],
  ])('links %j as %j', (raw, href) => {
    expect(toSafeLinkUrl(raw)).toBe(href);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\u0000javascript:alert(1)',
    '\u001fjavascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/png;base64,AAAA',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com/file',
    'blob:https://example.com/uuid',
    'chrome://settings',
    '/relative/path',
    '//example.com/protocol-relative',
    '#fragment',
    'example.com',
    'not a url',
    'http://[::1',
    '',
  ])('refuses %j', (raw) => {
    expect(toSafeLinkUrl(raw)).toBeNull();
  });
});
