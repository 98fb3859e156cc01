/**
 * The shipped builds carry no test hook: the background's `globalThis.roundupTestHooks`
 * (src/background/index.ts) is only in the test build (`npm run build:test`, Vite's mode `test`), which
 * the end-to-end tests load. The Chrome and Firefox builds are made fresh here, as `npm run build` and
 * `npm run build:firefox` make them, and the test build beside them shows the search finds the hook.
 * Their popup loads three scripts, and their background none of the popup's views (vite.config.ts).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
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

/** The scripts a page or worker script loads, from its own files on: its static imports, followed. */
function scriptsLoaded(folder: string, first: string[]): string[] {
  const found = new Set<string>();
  for (const pending = [...first]; pending.length > 0;) {
    const file = pending.pop()!;
    if (found.has(file)) continue;
    found.add(file);
    const code = readFileSync(join(folder, file), 'utf8');
    for (const [, imported] of code.matchAll(/(?:from|import)\s*["']\.\/([\w./-]+\.js)["']/g)) pending.push(join(dirname(file), imported!));
  }
  return [...found].sort();
}

/** The popup's scripts: those its page names, and what they import. */
function popupScripts(folder: string): string[] {
  const html = readFileSync(join(folder, 'popup/index.html'), 'utf8');
  return scriptsLoaded(folder, [...html.matchAll(/<script[^>]*src="\/([^"]+\.js)"/g)].map((match) => match[1]!));
}

function backgroundScripts(folder: string): string[] {
  const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { background: { service_worker?: string; scripts?: string[] } };
  return scriptsLoaded(folder, manifest.background.scripts ?? [manifest.background.service_worker!]);
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

describe('the popup of the shipped builds', () => {
  it.each(['chrome', 'firefox'] as const)('loads three scripts in the %s build, its views in one of them', (name) => {
    const scripts = popupScripts(builds[name]);
    expect(scripts).toHaveLength(3);
    expect(scripts.filter((file) => readFileSync(join(builds[name], file), 'utf8').includes('Add to issue'))).toHaveLength(1);
  });

  it.each(['chrome', 'firefox'] as const)('keeps its own styles to itself in the %s build', (name) => {
    const styles = (page: string) => [...readFileSync(join(builds[name], page), 'utf8').matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\/([^"]+\.css)"/g)]
      .map((match) => readFileSync(join(builds[name], match[1]!), 'utf8'));
    expect(styles('popup/index.html').some((css) => css.includes('.popup{'))).toBe(true);
    for (const page of ['editor/index.html', 'options/index.html']) expect(styles(page).some((css) => css.includes('.popup{'))).toBe(false);
  });

  it.each(['chrome', 'firefox'] as const)('is not loaded by the background of the %s build', (name) => {
    const background = backgroundScripts(builds[name]);
    const popup = popupScripts(builds[name]);
    expect(background.length).toBeGreaterThan(1); // the loader, and the worker's code it imports
    expect(background.filter((file) => readFileSync(join(builds[name], file), 'utf8').includes('Add to issue'))).toEqual([]);
    expect(background.filter((file) => popup.includes(file)).length).toBeLessThanOrEqual(1);
  });
});
