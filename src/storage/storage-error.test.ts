import { describe, expect, it } from 'vitest';
import { isStorageFailure, StorageError, toStorageError, type StorageErrorKind } from './storage-error.ts';

describe('toStorageError', () => {
  it.each<[string, Error, StorageErrorKind]>([
    ['QuotaExceededError', new DOMException('The quota has been exceeded.', 'QuotaExceededError'), 'quota'],
    ['an AbortError that mentions the quota (some engines)', new DOMException('Quota exceeded', 'AbortError'), 'quota'],
    ['DataCloneError', new DOMException('could not be cloned', 'DataCloneError'), 'corrupt'],
    ['DataError', new DOMException('bad key', 'DataError'), 'corrupt'],
    ['InvalidStateError', new DOMException('closing', 'InvalidStateError'), 'unavailable'],
    ['UnknownError', new DOMException('disk', 'UnknownError'), 'unavailable'],
    ['VersionError', new DOMException('lower', 'VersionError'), 'unavailable'],
  ])('maps %s', (_name, error, kind) => {
    const mapped = toStorageError(error, 'save issue #206');
    expect(mapped).toBeInstanceOf(StorageError);
    expect(mapped.kind).toBe(kind);
    expect(mapped.cause).toBe(error);
    expect(mapped.message).toMatch(/^Could not save issue #206: /);
  });

  it('says what to do when the disk is full, in plain words', () => {
    expect(toStorageError(new DOMException('', 'QuotaExceededError'), 'save issue #206').message)
      .toBe("Could not save issue #206: the browser has no room left for Roundup's data. Free some disk space, or export old issues and delete them.");
  });

  it('explains a database written by a newer version', () => {
    expect(toStorageError(new DOMException('', 'VersionError'), 'open the database').message).toMatch(/newer version of Roundup/);
  });

  it('passes a StorageError through unchanged', () => {
    const error = new StorageError('not-found', 'gone');
    expect(toStorageError(error, 'x')).toBe(error);
  });
});

describe('isStorageFailure', () => {
  it.each<[string, unknown, boolean]>([
    ['a DOMException from IndexedDB', new DOMException('', 'TransactionInactiveError'), true],
    ['a StorageError', new StorageError('corrupt', 'bad'), true],
    ['a bug in an edit function', new Error('No item with id x'), false],
    ['a TypeError', new TypeError('x is undefined'), false],
    ['a thrown string', 'oops', false],
  ])('tells %s', (_name, error, expected) => {
    expect(isStorageFailure(error)).toBe(expected);
  });
});
