#!/usr/bin/env node
// `npm test`: every check, each run to its end even when an earlier one failed, then one summary of them
// all, so a single run shows every failure. Exits non-zero when any step failed.
// `node scripts/test-all.mjs lint "vitest unit"` runs only the steps named.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** Each step is an npm script or a Vitest project; `needs` names a step whose output it tests. */
const STEPS = [
  { name: 'typecheck', command: ['npm', 'run', 'typecheck'] },
  { name: 'lint', command: ['npm', 'run', 'lint'] },
  { name: 'build', command: ['npm', 'run', 'build'] },
  { name: 'build:firefox', command: ['npm', 'run', 'build:firefox'] },
  { name: 'build:test', command: ['npm', 'run', 'build:test'] },
  ...['unit', 'mocks', 'stress', 'corpus', 'build', 'cli'].map((project) => ({
    name: `vitest ${project}`, command: ['npx', 'vitest', 'run', '--project', project],
  })),
  { name: 'vitest e2e', command: ['npx', 'vitest', 'run', '--project', 'e2e'], needs: ['build:test', 'build:firefox'] },
];

const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !STEPS.some((step) => step.name === name));
if (unknown.length > 0) {
  console.error(`No such step: ${unknown.join(', ')}. The steps: ${STEPS.map((step) => step.name).join(', ')}.`);
  process.exit(2);
}

const results = [];
for (const step of STEPS.filter((candidate) => chosen.length === 0 || chosen.includes(candidate.name))) {
  // A step that tests another's output is skipped when that step failed here (it would test a stale build).
  const missing = (step.needs ?? []).filter((need) => results.find((result) => result.name === need)?.status === 'FAILED');
  if (missing.length > 0) {
    results.push({ name: step.name, status: 'skipped', note: `needs ${missing.join(' and ')}` });
    continue;
  }
  console.log(`\n▶ ${step.name}: ${step.command.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(step.command[0], step.command.slice(1), { cwd: root, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const failed = run.status !== 0;
  const note = run.error ? run.error.message : failed ? `exit ${run.status ?? run.signal}` : '';
  results.push({ name: step.name, status: failed ? 'FAILED' : 'passed', note: note ? `${seconds} s, ${note}` : `${seconds} s` });
}

console.log('\nnpm test summary:');
for (const { name, status, note } of results) console.log(`  ${status.padEnd(7)} ${name.padEnd(15)} ${note}`);
const failures = results.filter((result) => result.status !== 'passed');
console.log(failures.length === 0 ? '\nEvery step passed.' : `\n${failures.length} of ${results.length} steps did not pass.`);
process.exit(failures.length === 0 ? 0 : 1);
