import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import type * as Preact from 'preact';
import { build, type Plugin, type Rolldown } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import {
  applyLibraryPatch, checkPatchedVersion, findHtmlSinks, findPatchForModule, LIBRARY_PATCHES, patchLibraryHtmlSinks,
} from '../../scripts/patch-library-html-sinks.ts';

const ROOT = resolve(import.meta.dirname, '../..');
// Vite names a module by its real path: node_modules may be a link (a git worktree's is).
const PREACT_FILE = realpathSync(join(ROOT, 'node_modules/preact/dist/preact.mjs'));
const PREACT_SOURCE = readFileSync(PREACT_FILE, 'utf8');
const PREACT_PATCH = LIBRARY_PATCHES.find((patch) => patch.packageName === 'preact') as (typeof LIBRARY_PATCHES)[number];
const scratch = mkdtempSync(join(tmpdir(), 'roundup-patch-test-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the patched libraries\' versions', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

  it.each(LIBRARY_PATCHES.map((patch) => [patch.packageName, patch] as const))('pins %s to the exact version its patch was written for', (name, patch) => {
    expect(manifest.dependencies[name]).toBe(patch.version);
    expect(() => checkPatchedVersion(patch, join(ROOT, 'node_modules', name, patch.file))).not.toThrow();
  });

  it('refuses to patch another version than the one the patch was written for', () => {
    const other = join(scratch, 'node_modules/preact');
    mkdirSync(join(other, 'dist'), { recursive: true });
    writeFileSync(join(other, 'package.json'), JSON.stringify({ name: 'preact', version: '11.3.0' }));
    expect(() => checkPatchedVersion(PREACT_PATCH, join(other, 'dist/preact.mjs')))
      .toThrow('preact 11.3.0 is installed, but scripts/patch-library-html-sinks.ts was written for 11.2.0. Pin preact to 11.2.0');
  });
});

describe('applyLibraryPatch', () => {
  it('patches each library file Vite bundles, leaving no HTML-parsing sink', () => {
    for (const patch of LIBRARY_PATCHES) {
      const source = readFileSync(join(ROOT, 'node_modules', patch.packageName, patch.file), 'utf8');
      expect(findHtmlSinks(source).length, patch.packageName).toBeGreaterThan(0);
      expect(findHtmlSinks(applyLibraryPatch(patch, source)), patch.packageName).toEqual([]);
    }
  });

  it('gives a Preact that renders as before and refuses raw HTML', async () => {
    const file = join(scratch, 'preact-patched.mjs');
    // Without its source map comment: the map stays beside the original.
    writeFileSync(file, applyLibraryPatch(PREACT_PATCH, PREACT_SOURCE).replace(/^\/\/# sourceMappingURL=.*$/m, ''));
    const preact = await import(/* @vite-ignore */ pathToFileURL(file).href) as typeof Preact;
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const container = document.createElement('div') as unknown as Element;
    preact.render(preact.h('p', { title: 'kept' }, 'text ', preact.h('em', null, 'em')), container);
    expect(container.innerHTML).toBe('<p title="kept">text <em>em</em></p>');
    expect(() => preact.render(preact.h('div', { dangerouslySetInnerHTML: { __html: '<img src=x onerror=alert(1)>' } }), container))
      .toThrow('Roundup does not render raw HTML');
  });

  it.each([
    ['missing', (source: string, find: string) => source.replace(find, '/* rewritten upstream */'), /contains no copies of the text/],
    ['twice', (source: string, find: string) => `${source}\n${find}`, /contains 2 copies of the text/],
  ])('fails when a replaced text is %s, naming the library and the patch', (_case, edit, message) => {
    const find = PREACT_PATCH.replacements[0]?.find ?? '';
    expect(() => applyLibraryPatch(PREACT_PATCH, edit(PREACT_SOURCE, find))).toThrow(message);
    expect(() => applyLibraryPatch(PREACT_PATCH, edit(PREACT_SOURCE, find))).toThrow(/preact\/dist\/preact\.mjs .*update the patch/);
  });

  it('fails when the library has a sink the patch does not remove', () => {
    expect(() => applyLibraryPatch(PREACT_PATCH, `${PREACT_SOURCE}\nfunction later(e,h){e.outerHTML=h}`))
      .toThrow(/still parses HTML into the page after scripts\/patch-library-html-sinks\.ts patched it: .*e\.outerHTML=h/);
  });
});

describe('findHtmlSinks', () => {
  it.each([
    ['e.innerHTML=f.__html', 1], ['el.innerHTML = x', 1], ['el.outerHTML+=x', 1], ['a.innerHTML||=b', 1], ['a.innerHTML??=b', 1],
    ['e.insertAdjacentHTML("beforeend",x)', 1], ['r.createContextualFragment(x)', 1], ['e.setHTMLUnsafe(x)', 1], ['document.write(x)', 1], ['document.writeln (x)', 1],
    ['x==e.innerHTML', 0], ['e.innerHTML==x', 0], ['e.innerHTML===x', 0], ['log(e.innerHTML)', 0], ['e.textContent=""', 0], ['innerHTMLx=1', 0], ['new DOMParser().parseFromString(x,"text/html")', 0], ['stream.write(x)', 0],
  ])('finds %j %i times', (code, count) => {
    expect(findHtmlSinks(code)).toHaveLength(count);
  });
});

describe('findPatchForModule', () => {
  it.each([
    ['/work/node_modules/preact/dist/preact.mjs', 'preact'],
    ['C:\\work\\node_modules\\preact\\dist\\preact.mjs?v=1', 'preact'],
    ['/work/node_modules/@mozilla/readability/Readability.js', '@mozilla/readability'],
    ['/work/node_modules/preact/hooks/dist/hooks.mjs', undefined],
    ['/work/node_modules/@mozilla/readability/Readability-readerable.js', undefined],
    ['/work/src/preact.mjs', undefined],
  ])('%s → %s', (id, packageName) => {
    expect(findPatchForModule(id)?.packageName).toBe(packageName);
  });
});

/** Builds `entry` (module code, resolved from the repository) with the plugin and any others given first. */
async function buildWithPlugin(entry: string, plugins: Plugin[] = []): Promise<string> {
  const entryPlugin: Plugin = {
    name: 'test-entry',
    resolveId: (id) => (id === 'virtual:entry' ? '\0entry.js' : null),
    load: (id) => (id === '\0entry.js' ? entry : null),
  };
  const output = await build({
    root: ROOT, configFile: false, logLevel: 'silent',
    plugins: [entryPlugin, ...plugins, patchLibraryHtmlSinks()],
    build: { write: false, minify: true, rolldownOptions: { input: 'virtual:entry', preserveEntrySignatures: 'strict' } },
  }) as Rolldown.RolldownOutput;
  return output.output.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('\n');
}

describe('patchLibraryHtmlSinks, in a Vite build', () => {
  it('bundles Preact and Readability without HTML-parsing sinks', async () => {
    const code = await buildWithPlugin("export { h, render } from 'preact'; export { useState } from 'preact/hooks'; export { Readability } from '@mozilla/readability';");
    expect(code).toContain('Roundup does not render raw HTML');
    expect(code).toContain('DOMParser');
    expect(findHtmlSinks(code)).toEqual([]);
  }, 60_000);

  it('fails the build when an upgraded library no longer has the text a patch replaces', async () => {
    const upgraded: Plugin = {
      name: 'test-upgraded-preact',
      enforce: 'pre',
      load: (id) => (id.replace(/\?.*$/, '') === PREACT_FILE ? PREACT_SOURCE.replace(PREACT_PATCH.replacements[0]?.find ?? '', 'h?0:') : null),
    };
    await expect(buildWithPlugin("export { render } from 'preact';", [upgraded])).rejects.toThrow(/preact\/dist\/preact\.mjs contains no copies/);
  }, 60_000);

  it('fails the build when the package is bundled from another file than the patched one', async () => {
    const moved = join(scratch, 'node_modules/preact/dist');
    mkdirSync(moved, { recursive: true });
    writeFileSync(join(moved, 'preact.module.js'), 'export function render(v, e) { e.innerHTML = v; }\n');
    await expect(buildWithPlugin(`export { render } from ${JSON.stringify(join(moved, 'preact.module.js'))};`))
      .rejects.toThrow(/preact is bundled \(.*preact\.module\.js\) but not from dist\/preact\.mjs/);
  }, 60_000);
});
