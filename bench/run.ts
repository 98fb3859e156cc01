/**
 * `npm run bench [-- NAME...]`: runs the named benchmarks (all by default). Each benchmark module
 * exports `run()`, prints its table with a ratio against the baseline it runs beside, and writes
 * its numbers to bench/results/NAME.json. Add a benchmark by adding a line here.
 */
export const benches: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  capture: () => import('./capture.ts'),
  // Drives the built extension: run `npm run build` first (npm run bench does).
  popup: () => import('./popup.ts'),
  // The popup with 0 and 1,000 items only, no archive.
  'popup-items': async () => ({ run: (await import('./popup.ts')).runItems }),
  sync: () => import('./sync.ts'),
  archive: () => import('./archive.ts'),
  export: () => import('./export.ts'),
};

async function main(names: string[]): Promise<number> {
  const unknown = names.filter((name) => !(name in benches));
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(benches).join(', ')}\n`);
    return 2;
  }
  for (const name of names.length > 0 ? names : Object.keys(benches)) {
    const load = benches[name];
    if (!load) continue;
    const bench = await load();
    await bench.run();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
