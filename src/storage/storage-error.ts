/**
 * The one error type the storage layer throws for storage failures, so the UI can say what
 * happened in plain words and offer the right way out (free space, reload, restore a backup).
 * Errors that are not about storage (a bug in an edit function) pass through unchanged.
 */
export type StorageErrorKind = 'quota' | 'unavailable' | 'corrupt' | 'not-found';

export class StorageError extends Error {
  override readonly name = 'StorageError';

  constructor(readonly kind: StorageErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** DOMException names raised by IndexedDB (and by structured clone when a value cannot be stored). */
const IDB_ERROR_KINDS: Readonly<Record<string, StorageErrorKind>> = {
  QuotaExceededError: 'quota',
  DataError: 'corrupt',
  DataCloneError: 'corrupt',
  ConstraintError: 'corrupt',
  AbortError: 'unavailable',
  InvalidStateError: 'unavailable',
  TransactionInactiveError: 'unavailable',
  NotFoundError: 'unavailable',
  UnknownError: 'unavailable',
  VersionError: 'unavailable',
  ReadOnlyError: 'unavailable',
  SecurityError: 'unavailable',
};

function errorName(error: unknown): string | undefined {
  return error instanceof Error || error instanceof DOMException ? error.name : undefined;
}

function isQuota(error: unknown): boolean {
  // Firefox reports every quota failure as QuotaExceededError; some engines only say it in the message.
  return errorName(error) === 'QuotaExceededError' || (error instanceof Error && /quota/i.test(error.message));
}

export function isStorageFailure(error: unknown): boolean {
  if (error instanceof StorageError) return true;
  const name = errorName(error);
  return isQuota(error) || (name !== undefined && name in IDB_ERROR_KINDS);
}

const EXPLANATIONS: Readonly<Record<StorageErrorKind, string>> = {
  quota: "the browser has no room left for Roundup's data. Free some disk space, or export old issues and delete them",
  unavailable: "the browser's storage is not available right now (a private window, storage turned off, or the browser is closing). Try again, or reload the extension",
  corrupt: 'the data is malformed',
  'not-found': 'it does not exist (it may have been deleted)',
};

export function storageErrorMessage(kind: StorageErrorKind, action: string): string {
  return `Could not ${action}: ${EXPLANATIONS[kind]}.`;
}

/** Maps a failure of an IndexedDB call made while doing `action` ("save issue #206") to a StorageError. */
export function toStorageError(error: unknown, action: string): StorageError {
  if (error instanceof StorageError) return error;
  const name = errorName(error);
  const kind = isQuota(error) ? 'quota' : (name !== undefined ? IDB_ERROR_KINDS[name] : undefined) ?? 'unavailable';
  if (name === 'VersionError') {
    return new StorageError(kind, `Could not ${action}: the data was saved by a newer version of Roundup. Update the extension.`, { cause: error });
  }
  return new StorageError(kind, storageErrorMessage(kind, action), { cause: error });
}
