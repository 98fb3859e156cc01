/** The command line prints the reviewed golden exports of issue 206 byte for byte. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('roundup export of test/fixtures/issue-206.json', () => {
  it.each([
    ['md', 'issue-206.md'],
    ['html', 'issue-206.html'],
    ['text', 'issue-206.txt'],
  ])('--format %s prints %s', (format, golden) => {
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'export', 'test/fixtures/issue-206.json', '--format', format], {
      cwd: root, encoding: 'utf8',
    });
    expect(stdout).toBe(readFileSync(`${root}/test/fixtures/${golden}`, 'utf8'));
  }, 120_000);
});
