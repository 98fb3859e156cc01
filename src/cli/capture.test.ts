import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from './capture.ts';

const PAGE = `<html lang="en"><head><title>Hello | Site</title><meta property="og:site_name" content="Site">
  <meta property="og:description" content="A page written for the command line test, long enough to be a summary."></head><body></body></html>`;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'roundup-capture-'));
  writeFileSync(path.join(dir, 'page.html'), PAGE);
  writeFileSync(path.join(dir, 'page.html.gz'), gzipSync(PAGE));
  // A page saved in its own legacy charset (as trafilatura/nnz-online.de-Quantensprung is).
  const latin1 = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Grüße aus Nordhausen</title></head></html>';
  writeFileSync(path.join(dir, 'latin1.html'), Buffer.from(latin1, 'latin1'));
});

async function invoke(argv: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdin: Readable.from([stdin]),
    stdout: { write: (text: string) => { stdout += text; } },
    stderr: { write: (text: string) => { stderr += text; } },
  });
  return { code, stdout, stderr };
}

describe('roundup capture', () => {
  it('prints one JSON line for a file, with the URL given', async () => {
    const { code, stdout, stderr } = await invoke([path.join(dir, 'page.html'), '--url', 'https://example.com/hello?utm_source=x']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout)).toMatchObject({
      title: 'Hello', site: 'Site', summarySource: 'og', url: 'https://example.com/hello?utm_source=x', dedupeKey: 'https://example.com/hello',
    });
  });

  it('reads a gzipped page and defaults the URL to the file', async () => {
    const { code, stdout } = await invoke([path.join(dir, 'page.html.gz')]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ title: 'Hello', url: expect.stringMatching(/^file:\/\/.*page\.html\.gz$/) });
  });

  it('reads a page in the charset it declares', async () => {
    const { code, stdout } = await invoke([path.join(dir, 'latin1.html'), '--url', 'https://example.com/gruesse']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ title: 'Grüße aus Nordhausen' });
  });

  it.each([
    ['a missing file', [path.join('no', 'such', 'file.html')]],
    ['no file', []],
    ['an unknown option', ['x.html', '--nope']],
    ['a bad summary length', ['x.html', '--summary-length', 'ten']],
  ])('fails on %s: exit 1, one line on stderr, nothing on stdout', async (_name, argv) => {
    const { code, stdout, stderr } = await invoke(argv);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('captures a batch, one line out per line in, past bad lines', async () => {
    const input = [
      JSON.stringify({ file: path.join(dir, 'page.html'), url: 'https://example.com/a' }),
      'not json',
      JSON.stringify({ file: path.join(dir, 'missing.html') }),
      '',
      JSON.stringify({ file: path.join(dir, 'page.html.gz'), url: 'https://example.com/b' }),
    ].join('\n');
    const { code, stdout } = await invoke(['--batch'], input);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ file: path.join(dir, 'page.html'), title: 'Hello', url: 'https://example.com/a', ms: expect.any(Number) });
    expect(lines[1]).toMatchObject({ file: null, error: expect.any(String) });
    expect(lines[2]).toMatchObject({ file: path.join(dir, 'missing.html'), error: expect.stringMatching(/ENOENT/) });
    expect(lines[3]).toMatchObject({ url: 'https://example.com/b', title: 'Hello' });
  });
});
