/**
 * The shipped builds carry no test hook: the background's `globalThis.roundupTestHooks`
 * (src/background/index.ts) is only in the test build (`npm run build:test`, Vite's mode `test`), which
 * the end-to-end tests load. The Chrome and Firefox builds are made fresh here, as `npm run build` and
 * `npm run build:firefox` make them, and the test build beside them shows the search finds the hook.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const VITE = join(ROOT, 'node_modules/.bin/vite');
const HOOK = 'roundupTestHooks';

const builds: Record<'chrome' | 'firefox' | 'test', string> = { chrome: '', firefox: '', test: '' };

/** The scripts of a build that name the hook. */
function scriptsNamingHook(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.m?js$/.test(file) && readFileSync(join(folder, file), 'utf8').includes(HOOK));
}

beforeAll(async () => {
  const args = { chrome: [], firefox: ['--config', 'vite.firefox.config.ts'], test: ['--mode', 'test'] };
  for (const name of ['chrome', 'firefox', 'test'] as const) {
    builds[name] = mkdtempSync(join(tmpdir(), `roundup-${name}-build-`));
    await promisify(execFile)(VITE, ['build', ...args[name], '--outDir', builds[name], '--logLevel', 'warn'], { cwd: ROOT });
  }
}, 300_000);

afterAll(() => {
  for (const folder of Object.values(builds)) if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('the shipped builds', () => {
  it.each(['chrome', 'firefox'] as const)('the %s build names no test hook', (name) => {
    expect(scriptsNamingHook(builds[name])).toEqual([]);
  });

  it('the test build keeps the hook, in the background script only', () => {
    const found = scriptsNamingHook(builds.test);
    expect(found).toHaveLength(1);
    expect(readFileSync(join(builds.test, found[0]!), 'utf8')).toContain('handleMenuClick');
  });
});
