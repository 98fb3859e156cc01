import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Names that only exist in a browser or extension context. src/core/ must run anywhere (Node CLI,
// tests, service worker), so it may touch none of them; see STYLE.md principle 1.
const browserGlobals = ['chrome', 'browser', 'window', 'document', 'indexedDB', 'navigator', 'localStorage',
  'sessionStorage', 'location', 'fetch', 'DOMParser', 'HTMLElement', 'Node', 'Element', 'self', 'globalThis'];

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', 'node_modules/', 'bench/results/', 'coverage/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2024 } },
    rules: {
      'no-restricted-globals': ['error', ...browserGlobals.map((name) => ({
        name,
        message: `src/core/ is pure: no browser or DOM API (${name}). Pass what you need in as data.`,
      }))],
      'no-restricted-imports': ['error', {
        paths: ['preact', 'idb', 'webextension-polyfill', 'node:fs', 'fs', 'node:path', 'path', 'node:process']
          .map((name) => ({ name, message: 'src/core/ is pure: no UI, storage, browser or Node I/O imports.' })),
        patterns: [
          { group: ['preact/*', 'idb/*', '**/storage/**', '**/background/**', '**/capture/**', '**/ui/**', '**/popup/**', '**/options/**'],
            message: 'src/core/ may import only from src/core/ and pure libraries.' },
        ],
      }],
    },
  },
  {
    // The archive reader runs in an extension page and in the Node CLI alike: a DOM is handed in,
    // nothing else from the browser or the extension is used.
    files: ['src/archive/**/*.ts'],
    ignores: ['src/archive/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...['chrome', 'browser', 'indexedDB', 'localStorage', 'window', 'document', 'DOMParser'].map((name) => ({
        name,
        message: `src/archive/ runs in Node and in extension pages: take the parsed document as an argument (${name}).`,
      }))],
      'no-restricted-imports': ['error', {
        paths: ['preact', 'idb', 'webextension-polyfill'].map((name) => ({ name, message: 'src/archive/ is UI- and storage-free.' })),
        patterns: [{ group: ['**/storage/**', '**/background/**', '**/ui/**', '**/popup/**', '**/options/**', '**/cli/**'],
          message: 'src/archive/ may import only from src/core/, src/archive/ and pure libraries.' }],
      }],
    },
  },
  {
    // Sync's engine (the mirror, its ports, the status it reports) works only through its ports: IndexedDB
    // lives in src/sync/idb/, the browser in src/sync/browser/, and neither may be reached from here.
    files: ['src/sync/*.ts'],
    ignores: ['src/sync/*.test.ts', 'src/sync/index.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['idb', 'webextension-polyfill', 'preact'].map((name) => ({ name, message: 'src/sync/ works through its ports (ports.ts).' })),
        patterns: [{ group: ['**/storage/**', '**/background/**', '**/ui/**', './idb/**', './browser/**'],
          message: 'src/sync/ works through its ports (ports.ts); adapters live in idb/ and browser/.' }],
      }],
    },
  },
  {
    // The background reaches sync only through its door; pages only through its status types.
    files: ['src/background/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/sync/**', '!**/sync/index.ts', '!**/sync/status-view.ts'],
          message: 'The background uses sync through src/sync/index.ts only.' }],
      }],
    },
  },
  {
    files: ['popup/**/*.{ts,tsx}', 'editor/**/*.{ts,tsx}', 'options/**/*.{ts,tsx}', 'src/ui/**/*.{ts,tsx}', 'src/messages.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/sync/**', '!**/sync/status-view.ts'],
          message: 'Pages see sync only through its status types (src/sync/status-view.ts), through messages.' }],
      }],
    },
  },
);
