import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Names that only exist in a browser or extension context. src/core/ must run anywhere (Node CLI,
// tests, service worker), so it may touch none of them (README.md, Architecture).
const browserGlobals = ['chrome', 'browser', 'window', 'document', 'indexedDB', 'navigator', 'localStorage',
  'sessionStorage', 'location', 'fetch', 'DOMParser', 'HTMLElement', 'Node', 'Element', 'self', 'globalThis'];

// Colocated tests may reach across a border to set up what they test; the borders hold for product code.
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];

// Rules every zone keeps. The background reaches the browser through src/background/extension-api.ts
// only (the polyfill's types may be imported anywhere: they carry no code), as the pages do through
// src/ui/extension-api.ts.
const everywhere = {
  paths: [{ name: 'webextension-polyfill', allowTypeImports: true,
    message: 'Only src/background/extension-api.ts imports webextension-polyfill: import `browser` from there (pages: src/ui/extension-api.ts).' }],
  patterns: [],
};

/**
 * One layer's border: what its files may not import. `patterns` are gitignore-style globs matched against
 * the import's specifier (`../background/x.ts`); `message` says where the import belongs instead.
 * test/unit/lint-zones.test.ts runs a wrong and a right import in every zone.
 */
function zone({ files, ignores = [], paths = [], patterns = [], message, extra = {} }) {
  return {
    files,
    ignores: [...TESTS, ...ignores],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [...everywhere.paths, ...paths.map((name) => ({ name, message }))],
        patterns: [...everywhere.patterns, ...patterns.map((group) => ({ group: [group].flat(), message }))],
      }],
      ...extra,
    },
  };
}

// Layer folders as an import specifier names them from anywhere in the repository.
const BACKGROUND = '**/background/**';
const STORAGE = '**/storage/**';
const CAPTURE = '**/capture/**';
const CLI = '**/cli/**';
const UI = '**/ui/**';
const PAGES = ['**/popup/**', '**/editor/**', '**/options/**'];
// Sync's engine is reached by the background through its door, by the pages only through its status types.
const SYNC_EXCEPT_DOOR = ['**/sync/**', '!**/sync/index.ts', '!**/sync/status-view.ts'];
const SYNC_EXCEPT_STATUS = ['**/sync/**', '!**/sync/status-view.ts'];

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', 'node_modules/', 'bench/results/', 'coverage/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Page text is plain text; no component hands HTML to the DOM (the libraries' own sinks are patched
      // out at build time, scripts/patch-library-html-sinks.ts).
      'no-restricted-syntax': ['error', {
        selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
        message: 'Roundup renders no HTML strings: build the elements (page text is plain text).',
      }],
    },
  },
  {
    // Type-aware: a promise is awaited, returned or handled (logged with context, shown to the editor, or
    // given to `ignoreRejection` with the reason), never dropped, and never passed where a callback's
    // result is ignored. `void promise` counts as dropped.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: false }],
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  // Files in no zone below (scripts, bench, configs): only the polyfill rule.
  zone({ files: ['**/*.{ts,tsx,js,mjs}'], ignores: ['src/background/extension-api.ts'] }),
  zone({
    files: ['src/core/**/*.ts'],
    paths: ['preact', 'idb', 'node:fs', 'fs', 'node:path', 'path', 'node:process'],
    patterns: ['preact/*', 'idb/*', STORAGE, BACKGROUND, CAPTURE, UI, '**/sync/**', '**/archive/**', CLI, ...PAGES, '**/messages.ts'],
    message: 'src/core/ is pure: it may import only from src/core/ and pure libraries (no UI, storage, browser or Node I/O).',
    extra: {
      'no-restricted-globals': ['error', ...browserGlobals.map((name) => ({
        name,
        message: `src/core/ is pure: no browser or DOM API (${name}). Pass what you need in as data.`,
      }))],
    },
  }),
  // The capture runs injected into the page and in the Node CLI: it knows the page's DOM and src/core/.
  zone({
    files: ['src/capture/**/*.ts'],
    paths: ['preact', 'idb'],
    patterns: [STORAGE, BACKGROUND, UI, '**/sync/**', '**/archive/**', CLI, ...PAGES, '**/messages.ts'],
    message: 'src/capture/ may import only from src/capture/, src/core/ and pure libraries.',
  }),
  // The archive reader runs in an extension page and in the Node CLI alike: a DOM is handed in,
  // nothing else from the browser or the extension is used.
  zone({
    files: ['src/archive/**/*.ts'],
    paths: ['preact', 'idb'],
    patterns: [STORAGE, BACKGROUND, UI, '**/sync/**', CAPTURE, CLI, ...PAGES, '**/messages.ts'],
    message: 'src/archive/ may import only from src/core/, src/archive/ and pure libraries.',
    extra: {
      'no-restricted-globals': ['error', ...['chrome', 'browser', 'indexedDB', 'localStorage', 'window', 'document', 'DOMParser'].map((name) => ({
        name,
        message: `src/archive/ runs in Node and in extension pages: take the parsed document as an argument (${name}).`,
      }))],
    },
  }),
  // Sync's engine (the mirror, its ports, the status it reports) works only through its ports: IndexedDB
  // lives in src/sync/idb/, the browser in src/sync/browser/, and neither may be reached from here.
  zone({
    files: ['src/sync/*.ts'],
    ignores: ['src/sync/index.ts'],
    paths: ['idb', 'preact'],
    patterns: [STORAGE, BACKGROUND, UI, CAPTURE, CLI, ...PAGES, '**/messages.ts', './idb/**', './browser/**'],
    message: 'src/sync/ works through its ports (ports.ts); adapters live in idb/ and browser/.',
  }),
  // Sync's adapters and door: IndexedDB (src/storage/) and the browser API the background hands in.
  zone({
    files: ['src/sync/index.ts', 'src/sync/idb/**/*.ts', 'src/sync/browser/**/*.ts'],
    paths: ['preact'],
    patterns: [BACKGROUND, UI, CAPTURE, CLI, ...PAGES],
    message: 'src/sync/ is given the background\u2019s database and browser API (SyncEnvironment); it imports no background, page or UI code.',
  }),
  // IndexedDB's repositories: records of src/core/ in and out, nothing else.
  zone({
    files: ['src/storage/**/*.ts'],
    paths: ['preact'],
    patterns: [BACKGROUND, UI, '**/sync/**', CAPTURE, CLI, ...PAGES, '**/messages.ts'],
    message: 'src/storage/ may import only from src/storage/, src/core/ and idb.',
  }),
  // The messages between pages and background: shapes and validators over src/core/'s types.
  zone({
    files: ['src/messages.ts'],
    paths: ['preact', 'idb'],
    patterns: [BACKGROUND, STORAGE, UI, SYNC_EXCEPT_STATUS, CAPTURE, CLI, ...PAGES],
    message: 'src/messages.ts may import only from src/core/ (and sync\u2019s status types, src/sync/status-view.ts).',
  }),
  // The background: the worker. It reaches sync only through its door and draws no page.
  zone({
    files: ['src/background/**/*.ts'],
    ignores: ['src/background/extension-api.ts'],
    paths: ['preact'],
    // Its own src/background/popup/ (the popup's path in the worker) is not the popup page at the top level.
    patterns: [UI, SYNC_EXCEPT_DOOR, CLI, ['**/popup/**', '!./popup/**', '!../popup/**'], '**/editor/**', '**/options/**'],
    message: 'src/background/ uses sync through src/sync/index.ts only, and no page or UI code.',
  }),
  // The pages and their shared components: src/core/, src/messages.ts, src/ui/ (and the archive reader,
  // which runs in a page); the background is reached through messages, never imported.
  zone({
    files: ['popup/**/*.{ts,tsx}', 'editor/**/*.{ts,tsx}', 'options/**/*.{ts,tsx}', 'src/ui/**/*.{ts,tsx}'],
    paths: ['idb'],
    patterns: [BACKGROUND, STORAGE, SYNC_EXCEPT_STATUS, CAPTURE, CLI, ...PAGES],
    message: 'Pages import only src/core/, src/messages.ts and src/ui/ (sync: its status types), not one another; the background answers through messages.',
  }),
  // Node's command line: src/core/, the archive reader and the capture over linkedom.
  zone({
    files: ['src/cli/**/*.ts'],
    paths: ['preact', 'idb'],
    patterns: [BACKGROUND, STORAGE, UI, '**/sync/**', ...PAGES, '**/messages.ts'],
    message: 'src/cli/ may import only from src/core/, src/archive/, src/capture/ and Node.',
  }),
);
