import { crx } from '@crxjs/vite-plugin';
import { build, defineConfig, type Plugin } from 'vite';
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

// The manifest at the root points straight at the sources; crxjs rewrites the paths for dist/.
// JSX is compiled for Preact through tsconfig's `jsxImportSource`, so no React-compat layer is needed.
export default defineConfig({
  plugins: [crx({ manifest }), injectedCaptureScript(), patchLibraryHtmlSinks()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Pages the manifest does not name: the editor is opened from the popup and the options page, and the
    // popup by the background after a toolbar click (src/popup-page.ts).
    rolldownOptions: { input: { editor: 'editor/index.html', popup: 'popup/index.html' } },
  },
});
