import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// Suites that read the shared corpus and archives (../shared), run Vite builds or spawn the CLI: each is
// its own project, so `npm run test:unit` stays a fast inner loop of pure, in-process tests.
const CORPUS = ['test/unit/capture-corpus.test.ts', 'test/unit/readability-patch.test.ts',
  'test/unit/archive-haskellweekly.test.ts', 'test/unit/preset-quote-archive.test.ts'];
const BUILD = ['test/unit/firefox-lint.test.ts', 'test/unit/patch-library-html-sinks.test.ts',
  'test/unit/shipped-build.test.ts', 'test/unit/lint-zones.test.ts'];
const CLI = ['test/unit/cli-export.test.ts', 'test/unit/cli-goldens.test.ts', 'test/unit/cli-import.test.ts'];
// In-process but heavy: every hostile case through every export, the sync quota's search, merges of many
// random devices. They run beside the unit tests in `npm test`, not in the inner loop.
const STRESS = ['test/unit/hostile-inputs.test.ts', 'src/sync/capacity.test.ts', 'test/unit/merge-convergence.test.ts'];

const UNIT = ['src/**/*.test.ts', 'test/unit/**/*.test.ts'];
// The unit project shares one module registry per worker (`isolate: false`: each file would otherwise
// import linkedom, markdown-it and the rest again, most of the project's time). A file that replaces a
// module (`vi.mock`) would leak its fake into the next file, so those files run isolated, as `mocks`.
const MOCKS = ['src', 'test/unit'].flatMap((folder) => readdirSync(folder, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts'))
  .map((file) => `${folder}/${file.replaceAll('\\', '/')}`)
  .filter((file) => /\bvi\.(?:mock|doMock)\(/.test(readFileSync(file, 'utf8'))));

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: UNIT,
          exclude: [...CORPUS, ...BUILD, ...CLI, ...STRESS, ...MOCKS],
          environment: 'node',
          isolate: false,
          // A timeout catches a hang, it measures nothing: property tests (merge.test.ts, markdown-view.test.ts)
          // take a few seconds on a loaded machine, beyond Vitest's 5 s default.
          testTimeout: 30_000,
        },
      },
      { test: { name: 'mocks', include: MOCKS, environment: 'node', testTimeout: 30_000 } },
      { test: { name: 'stress', include: STRESS, environment: 'node', testTimeout: 120_000 } },
      // Slow suites get a timeout that holds on a loaded machine; none of them measures time.
      { test: { name: 'corpus', include: CORPUS, environment: 'node', testTimeout: 120_000, hookTimeout: 120_000 } },
      { test: { name: 'build', include: BUILD, environment: 'node', testTimeout: 180_000, hookTimeout: 300_000 } },
      { test: { name: 'cli', include: CLI, environment: 'node', testTimeout: 120_000, hookTimeout: 120_000 } },
      {
        // End-to-end tests drive the test build of the extension (dist-test/, `npm run build:test`) in
        // Debian's Chromium; one browser at a time.
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
