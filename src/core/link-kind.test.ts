import { describe, expect, it } from 'vitest';
import { guessKindFromUrl } from './link-kind.ts';

describe('guessKindFromUrl', () => {
  it.each([
    ['https://arxiv.org/abs/2007.01547v2', 'paper'],
    ['https://openreview.net/forum?id=abc', 'paper'],
    ['https://aclanthology.org/2021.acl-long.1/', 'paper'],
    ['https://www.biorxiv.org/content/10.1101/2021.06.01.446599v1', 'paper'],
    ['https://example.com/files/report.PDF', 'paper'],
    ['https://github.com/pytorch/pytorch', 'repo'],
    ['https://github.com/pytorch/pytorch/issues/1', 'article'],
    ['https://github.com/pytorch', 'article'],
    ['https://www.youtube.com/watch?v=abc', 'video'],
    ['https://youtu.be/abc', 'video'],
    ['https://vimeo.com/123456', 'video'],
    ['https://example.com/blog/post', 'article'],
    ['not a url', 'article'],
  ])('%s is a %s', (url, kind) => {
    expect(guessKindFromUrl(url)).toBe(kind);
  });
});
