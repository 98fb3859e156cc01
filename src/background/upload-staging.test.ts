import { describe, expect, it } from 'vitest';
import { stageChunk, takeUpload } from './upload-staging.ts';

describe('upload staging', () => {
  it('joins the chunks in index order, whatever order they came in, and only once', () => {
    stageChunk('u1', 1, 'world');
    stageChunk('u1', 0, 'hello ');
    expect(takeUpload('u1', 2)).toBe('hello world');
    expect(() => takeUpload('u1', 2)).toThrow(/did not arrive whole/);
  });

  it('refuses an upload with a missing chunk', () => {
    stageChunk('u2', 0, 'a');
    stageChunk('u2', 2, 'c');
    expect(() => takeUpload('u2', 3)).toThrow(/did not arrive whole/);
  });

  it('takes an empty file as empty text', () => {
    expect(takeUpload('never-staged', 0)).toBe('');
  });

  it('keeps only the newest uploads', () => {
    for (const id of ['a', 'b', 'c']) stageChunk(id, 0, id);
    expect(() => takeUpload('a', 1)).toThrow();
    expect(takeUpload('b', 1)).toBe('b');
    expect(takeUpload('c', 1)).toBe('c');
  });
});
