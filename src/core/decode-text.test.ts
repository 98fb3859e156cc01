import { describe, expect, it } from 'vitest';
import { declaredCharset, decodeText } from './decode-text.ts';

const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
const page = (head: string, body: string) => `<html><head>${head}<title>${body}</title></head><body></body></html>`;

describe('decodeText', () => {
  it('reads UTF-8 with or without a byte-order mark', () => {
    const utf8 = new TextEncoder().encode(page('<meta charset="utf-8">', 'Grüße'));
    expect(decodeText(utf8)).toContain('Grüße');
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toMatch(/^<html>.*Grüße/);
  });

  it('reads a UTF-16 page by its byte-order mark', () => {
    const text = page('', 'Grüße');
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let index = 0; index < text.length; index += 1) bytes[2 + index * 2] = text.charCodeAt(index);
    expect(decodeText(bytes)).toContain('Grüße');
  });

  // trafilatura/nnz-online.de-Quantensprung: <meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
  it('reads a page in the charset its <meta http-equiv> declares', () => {
    const bytes = latin1(page('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', 'Nordhäuser Straße'));
    expect(decodeText(bytes)).toContain('Nordhäuser Straße');
  });

  // trafilatura/archive.org.he.xinhuanet.com.25340717: gb2312, declared after an archive's toolbar.
  it('reads a page in the charset its <meta charset> declares, even far down the head', () => {
    const gbk = Uint8Array.from([0xbb, 0xb0, 0xbe, 0xe7]); // 话剧 in GB2312
    const head = latin1(`<html><head><script>${' '.repeat(5000)}</script><meta charset="gb2312"><title>`);
    const bytes = Uint8Array.from([...head, ...gbk, ...latin1('</title></head></html>')]);
    expect(decodeText(bytes)).toContain('话剧');
  });

  // readability/qq declares gb2312 but the saved file is UTF-8: the declaration is stale.
  it('keeps well-formed UTF-8 that a stale declaration calls something else', () => {
    const bytes = new TextEncoder().encode(page('<meta charset="gb2312">', '腾讯网'));
    expect(decodeText(bytes)).toContain('腾讯网');
  });

  it('falls back to windows-1252 for undeclared bytes that are not UTF-8', () => {
    expect(decodeText(latin1(page('', 'Café €')).map((byte) => (byte === 0x20ac ? 0x80 : byte)))).toContain('Café');
    expect(decodeText(Uint8Array.from([...latin1('<p>'), 0x80, ...latin1('</p>')]))).toBe('<p>€</p>');
  });

  it('names the declared charset', () => {
    expect(declaredCharset(latin1('<meta charset=ISO-8859-1>'))).toBe('iso-8859-1');
    expect(declaredCharset(latin1('<meta http-equiv="content-type" content="text/html;charset=windows-1251">'))).toBe('windows-1251');
    expect(declaredCharset(latin1('<?xml version="1.0" encoding="Windows-1252"?><rss>'))).toBe('windows-1252');
    expect(declaredCharset(latin1('<p>no declaration</p>'))).toBeNull();
  });
});
