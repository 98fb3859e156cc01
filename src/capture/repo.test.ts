import { describe, expect, it } from 'vitest';
import { cleanRepoDescription, readRepoPage } from './repo.ts';

describe('readRepoPage', () => {
  it.each([
    ['https://github.com/microlinkhq/mql', 'github.com', 'microlinkhq/mql'],
    ['https://www.github.com/owner/name/', 'github.com', 'owner/name'],
    ['https://github.com/owner/name.git', 'github.com', 'owner/name'],
    ['https://codeberg.org/forgejo/forgejo', 'codeberg.org', 'forgejo/forgejo'],
    ['https://gitlab.com/group/subgroup/project', 'gitlab.com', 'group/subgroup/project'],
  ])('%s is a repository', (url, host, path) => {
    expect(readRepoPage(new URL(url))).toEqual({ host, path });
  });

  it.each([
    'https://github.com/owner',
    'https://github.com/owner/name/issues/56',
    'https://github.com/topics/javascript',
    'https://github.com/features/actions',
    'https://gitlab.com/group/project/-/issues/1',
    'https://gitlab.com/explore/projects',
    'https://example.com/owner/name',
  ])('%s is not a repository home page', (url) => {
    expect(readRepoPage(new URL(url))).toBeNull();
  });
});

describe('cleanRepoDescription', () => {
  it.each([
    ['GitHub description with the repo suffix', 'Microlink Query Language. - microlinkhq/mql: Microlink Query Language.', 'Microlink Query Language.'],
    ['the "Contribute to" suffix', 'A fast bundler. Contribute to owner/name development by creating an account on GitHub.', 'A fast bundler.'],
    ['the twitter:title form', 'GitHub - owner/name: A fast bundler.', 'A fast bundler.'],
    ['boilerplate only', 'Contribute to owner/name development by creating an account on GitHub.', ''],
    ['double-encoded entities', 'Node.js, browsers &amp;amp; Deno', 'Node.js, browsers & Deno'],
  ])('%s', (_name, input, expected) => {
    expect(cleanRepoDescription(input)).toBe(expected);
  });
});
