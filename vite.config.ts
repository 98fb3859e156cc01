import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

// The manifest at the root points straight at the sources; crxjs rewrites the paths for dist/.
// JSX is compiled for Preact through tsconfig's `jsxImportSource`, so no React-compat layer is needed.
export default defineConfig({
  plugins: [crx({ manifest })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
});
