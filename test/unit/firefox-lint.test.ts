/**
 * `web-ext lint` (Mozilla's addons-linter, what addons.mozilla.org runs on upload) on a fresh Firefox
 * build: no errors, no warnings, no notices. The libraries' own HTML-parsing sinks are patched
 * out at build time (scripts/patch-library-html-sinks.ts); both builds are also searched for any such
 * sink directly, the Chrome one included, which the linter does not see.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findHtmlSinks } from '../../scripts/patch-library-html-sinks.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'node_modules/.bin');

interface Finding {
  code: string;
  file?: string;
  line?: number;
  column?: number;
  message: string;
}
interface LintReport {
  summary: { errors: number; notices: number; warnings: number };
  errors: Finding[];
  notices: Finding[];
  warnings: Finding[];
}

let dist: string;
let chromeDist: string;
let report: LintReport;

function javaScriptFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => /\.m?js$/.test(file)).sort();
}

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'roundup-firefox-lint-'));
  chromeDist = mkdtempSync(join(tmpdir(), 'roundup-chrome-build-'));
  await promisify(execFile)(join(BIN, 'vite'), ['build', '--config', 'vite.firefox.config.ts', '--outDir', dist, '--logLevel', 'warn'], { cwd: ROOT });
  await promisify(execFile)(join(BIN, 'vite'), ['build', '--outDir', chromeDist, '--logLevel', 'warn'], { cwd: ROOT });
  // web-ext exits non-zero when there are errors; the JSON report on stdout is what the test reads either way.
  const { stdout } = await promisify(execFile)(join(BIN, 'web-ext'), ['lint', '--source-dir', dist, '--output', 'json', '--no-config-discovery'], { cwd: ROOT })
    .catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  report = JSON.parse(stdout) as LintReport;
}, 180_000);

afterAll(() => {
  for (const folder of [dist, chromeDist]) if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('the Firefox build, linted, and both builds, searched', () => {
  it('reports no errors, no warnings and no notices', () => {
    const brief = ({ code, file, line, column, message }: Finding) => ({ code, file, line, column, message });
    expect({ errors: report.errors.map(brief), warnings: report.warnings.map(brief), notices: report.notices.map(brief) })
      .toEqual({ errors: [], warnings: [], notices: [] });
    expect(report.summary).toEqual({ errors: 0, notices: 0, warnings: 0 });
  });

  it.each([['Firefox', () => dist], ['Chrome', () => chromeDist]])('finds no HTML-parsing sink in any script of the %s build', (_browser, folder) => {
    const files = javaScriptFiles(folder());
    expect(files).toContain('capture.js');
    const sinks = files.flatMap((file) => findHtmlSinks(readFileSync(join(folder(), file), 'utf8')).map((around) => `${file}: ${around}`));
    expect(sinks).toEqual([]);
  });

  it('ships the same pages and injected script as the Chrome build', () => {
    for (const file of ['popup/index.html', 'options/index.html', 'editor/index.html', 'capture.js', 'icons/128.png']) {
      expect(existsSync(join(dist, file)), file).toBe(true);
    }
  });
});
