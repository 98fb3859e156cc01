/**
 * Errors from `storage.sync` that mean "too much, try later": Chrome names the quota it hit
 * (`QUOTA_BYTES`, `QUOTA_BYTES_PER_ITEM`, `MAX_ITEMS`, `MAX_WRITE_OPERATIONS_PER_MINUTE`,
 * `MAX_WRITE_OPERATIONS_PER_HOUR`); Firefox reports every one as `QuotaExceededError`.
 */
export function isQuotaError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /quota|MAX_WRITE_OPERATIONS|MAX_ITEMS/i.test(text);
}

/** 1 min, 2, 4, … up to an hour: the per-minute limit clears in a minute, the hourly one in an hour. */
export function backoffDelayMs(attempt: number, baseMs = 60_000, maxMs = 3_600_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
