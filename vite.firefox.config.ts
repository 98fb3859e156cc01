import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { toFirefoxManifest } from './scripts/manifest-firefox.ts';
import { patchLibraryHtmlSinks } from './scripts/patch-library-html-sinks.ts';
import { injectedCaptureScript, popupChunks } from './vite.config.ts';

// `npm run build:firefox`: the same sources, pages and injected capture script as the Chrome build
// (vite.config.ts), with the manifest Firefox needs; crxjs's `browser: 'firefox'` emits
// `background.scripts` instead of a service worker.
export default defineConfig({
  plugins: [crx({ manifest: toFirefoxManifest(manifest), browser: 'firefox' }), injectedCaptureScript(), patchLibraryHtmlSinks()],
  build: {
    outDir: 'dist-firefox',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: { input: { editor: 'editor/index.html' }, output: { codeSplitting: popupChunks() } },
    modulePreload: { polyfill: false },
  },
});
