import { crx } from '@crxjs/vite-plugin';
import { resolve } from 'node:path';
import { build, defineConfig, type Plugin, type Rolldown } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { patchLibraryHtmlSinks } from './scripts/patch-library-html-sinks.ts';

/**
 * Builds src/capture/inject.ts as dist/capture.js: one self-contained classic script whose completion value
 * is the capture, for `scripting.executeScript({ files })`. crxjs's `?script` import would instead emit an
 * async loader that returns nothing and lists its chunks in `web_accessible_resources` for every site.
 */
export function injectedCaptureScript(): Plugin {
  return {
    name: 'roundup:injected-capture-script',
    apply: 'build',
    async writeBundle(options) {
      await build({
        configFile: false,
        logLevel: 'warn',
        plugins: [patchLibraryHtmlSinks()],
        build: {
          outDir: options.dir,
          emptyOutDir: false,
          target: 'es2022',
          lib: { entry: 'src/capture/inject.ts', formats: ['iife'], name: 'roundupCapture', fileName: () => 'capture.js' },
          rolldownOptions: { output: { footer: 'roundupCapture.captureThisPage();' } },
        },
      });
    },
  };
}

/** Every module `entry` loads, statically or dynamically. */
function reachable(entry: string, getModuleInfo: (id: string) => Rolldown.ModuleInfo | null): Set<string> {
  const found = new Set<string>();
  for (const pending = [entry]; pending.length > 0;) {
    const next = pending.pop()!;
    if (found.has(next)) continue;
    found.add(next);
    const info = getModuleInfo(next);
    if (info) pending.push(...info.importedIds, ...info.dynamicallyImportedIds);
  }
  return found;
}

/**
 * Puts the modules of the popup into two chunks: its views (with Preact), and what it shares with the
 * background (the core's helpers). Each file an extension page loads costs it a millisecond or two: the
 * popup was ready 1.3× as late with its eight script files as with these three (42.0 against 32.5 ms, in
 * the same run of bench/popup.ts's measure). Left out: the
 * popup's entry (its top-level code must run only in the popup, and the editor and options pages import
 * Preact and the messages from the views' chunk) and the style sheets it imports itself (the popup's
 * own, which would follow the chunk into those pages; the shared base.css goes with the views). Kept apart: what the background loads too, so the service worker never loads the views.
 */
export function popupChunks(): NonNullable<Rolldown.OutputOptions['codeSplitting']> {
  const entry = resolve(import.meta.dirname, 'popup/main.tsx');
  const background = resolve(import.meta.dirname, 'src/background/index.ts');
  let chunks: Map<string, 'popup' | 'popup-shared'> | undefined;
  const chunkOf = (id: string, context: Rolldown.ChunkingContext) => {
    if (chunks === undefined) {
      const worker = reachable(background, (module) => context.getModuleInfo(module));
      const entryStyles = new Set(context.getModuleInfo(entry)?.importedIds.filter((module) => module.endsWith('.css')));
      chunks = new Map([...reachable(entry, (module) => context.getModuleInfo(module))]
        .filter((module) => module !== entry && !entryStyles.has(module))
        .map((module) => [module, worker.has(module) ? 'popup-shared' : 'popup']));
    }
    return chunks.get(id);
  };
  return {
    groups: [
      // First, so the views' chunk, which takes its modules' imports along, leaves these to it.
      { name: (id, context) => (chunkOf(id, context) === 'popup-shared' ? 'popup-shared' : null), priority: 2 },
      { name: (id, context) => (chunkOf(id, context) === 'popup' ? 'popup' : null), priority: 1 },
    ],
  };
}

// The manifest at the root points straight at the sources; crxjs rewrites the paths for dist/.
// JSX is compiled for Preact through tsconfig's `jsxImportSource`, so no React-compat layer is needed.
export default defineConfig({
  plugins: [crx({ manifest }), injectedCaptureScript(), patchLibraryHtmlSinks()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The one page the manifest does not name: the editor page, opened from the popup and the options page.
    rolldownOptions: { input: { editor: 'editor/index.html' }, output: { codeSplitting: popupChunks() } },
    // Chrome 127 and Firefox 140 preload modules themselves: the polyfill would be one more file per page.
    modulePreload: { polyfill: false },
  },
});
