/**
 * `roundup capture FILE [--url URL] [--summary-length N]`: the capture of one saved page, as one
 * JSON line. `roundup capture --batch`: JSON lines `{"file", "url"}` on stdin, one JSON line out per
 * line in, `{"file", ...capture, "ms"}` or `{"file", "error"}`; a bad line never stops the batch.
 * FILE may be gzipped (`.html.gz`) and in any charset it declares (BOM, `<meta charset>`, http-equiv). `ms` is the extraction alone, without reading and parsing.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { extractCapture } from '../capture/extract.ts';
import { parseHtmlDocument } from '../capture/node-document.ts';
import type { Capture } from '../core/capture-types.ts';
import { decodeText } from '../core/decode-text.ts';

/** Where the command reads and writes; tests pass their own streams. */
export interface CaptureIo {
  stdin: NodeJS.ReadableStream;
  stdout: { write: (text: string) => unknown };
  stderr: { write: (text: string) => unknown };
}

export async function run(argv: string[], io: CaptureIo = process): Promise<number> {
  const fail = (error: unknown) => {
    io.stderr.write(`roundup capture: ${messageOf(error).replace(/\s+/g, ' ')}\n`);
    return 1;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        batch: { type: 'boolean', default: false },
        'summary-length': { type: 'string' },
      },
    });
  } catch (error) {
    return fail(error);
  }
  const { values, positionals } = parsed;
  const summaryLength = values['summary-length'] === undefined ? undefined : Number(values['summary-length']);
  if (summaryLength !== undefined && !(Number.isInteger(summaryLength) && summaryLength > 0)) {
    return fail(new Error(`--summary-length must be a positive integer, got "${values['summary-length']}"`));
  }
  if (values.batch) {
    if (positionals.length > 0) return fail(new Error('--batch reads its files from stdin; give no FILE'));
    await runBatch(io, summaryLength);
    return 0;
  }
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) return fail(new Error('usage: roundup capture FILE [--url URL] [--summary-length N]'));
  try {
    const { capture } = await captureFile(file, values.url, summaryLength);
    io.stdout.write(`${JSON.stringify(capture)}\n`);
    return 0;
  } catch (error) {
    return fail(error);
  }
}

async function captureFile(file: string, url: string | undefined, summaryLength: number | undefined): Promise<{ capture: Capture; ms: number }> {
  const bytes = await readFile(file);
  // Gzip is recognised by its magic bytes, so a misnamed file still reads; the page's charset by its declaration.
  const html = decodeText(bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes);
  const pageUrl = url ?? pathToFileURL(path.resolve(file)).href;
  const doc = parseHtmlDocument(html, pageUrl);
  const start = performance.now();
  const capture = extractCapture(doc, { url: pageUrl, summaryLength });
  return { capture, ms: Math.round((performance.now() - start) * 1000) / 1000 };
}

async function runBatch(io: CaptureIo, summaryLength: number | undefined): Promise<void> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let file: unknown = null;
    try {
      const request: unknown = JSON.parse(line);
      if (typeof request !== 'object' || request === null) throw new Error('expected a JSON object {"file", "url"}');
      const fields = request as Record<string, unknown>;
      file = fields['file'] ?? null;
      const url = fields['url'];
      if (typeof file !== 'string' || !file) throw new Error('"file" must be a non-empty string');
      if (url !== undefined && url !== null && typeof url !== 'string') throw new Error('"url" must be a string');
      const { capture, ms } = await captureFile(file, url ?? undefined, summaryLength);
      io.stdout.write(`${JSON.stringify({ file, ...capture, ms })}\n`);
    } catch (error) {
      io.stdout.write(`${JSON.stringify({ file, error: messageOf(error) })}\n`);
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
