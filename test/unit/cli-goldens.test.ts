/** The command line prints the reviewed golden exports of issue 206 byte for byte, in the default style and with --style. */
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
    ['md', 'issue-206.quote.md', '--style', 'quote'],
    ['html', 'issue-206.quote.html', '--style', 'quote'],
    ['text', 'issue-206.bullets.txt', '--style', 'bullets'],
    ['text', 'issue-206.digest.txt', '--style', 'digest'],
  ])('--format %s prints %s %s %s', (format, golden, ...style) => {
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'export', 'test/fixtures/issue-206.json', '--format', format, ...style], {
      cwd: root, encoding: 'utf8',
    });
    expect(stdout).toBe(readFileSync(`${root}/test/fixtures/${golden}`, 'utf8'));
  }, 120_000);
});
