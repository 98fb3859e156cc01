import { describe, expect, it } from 'vitest';
import { readFileInChunks } from './read-file-in-chunks.ts';

describe('readFileInChunks', () => {
  it.each<[string, string, number]>([
    ['ASCII across several chunks', 'abcdefghij', 4],
    ['a two-byte character split between chunks', 'abcé€x', 4],
    ['a four-byte character split between chunks', 'ab😀cd', 3],
    ['one chunk', '{"format":"roundup-issue"}', 1024],
  ])('gives back the text: %s', async (_name, text, chunkBytes) => {
    const chunks = await readFileInChunks(new Blob([text]), chunkBytes);
    expect(chunks.join('')).toBe(text);
    expect(chunks.every((chunk) => chunk.length <= chunkBytes)).toBe(true);
  });

  it('drops a byte-order mark and gives nothing for an empty file', async () => {
    expect((await readFileInChunks(new Blob(['\uFEFF{}']))).join('')).toBe('{}');
    expect(await readFileInChunks(new Blob([]))).toEqual([]);
  });
});
