/**
 * Position keys order sections and items (fractional indexing, rocicorp/fractional-indexing):
 * inserting between two neighbours writes one new key and never renumbers the others, so two
 * devices that reorder at the same time still merge into one order. Keys compare as plain strings.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * A key sorting after `before` and before `after` (null: the start or the end of the list).
 * Throws a RangeError when `before` is not strictly less than `after`: equal keys (two replicas
 * that inserted at the same spot) leave no room between them, so the caller re-spaces that run.
 */
export function positionBetween(before: string | null, after: string | null): string {
  if (before !== null && after !== null && before >= after) {
    throw new RangeError(`no position between ${JSON.stringify(before)} and ${JSON.stringify(after)}`);
  }
  return generateKeyBetween(before, after);
}

/** `count` ascending keys for a fresh list, e.g. the default sections of a new issue. */
export function positionsForCount(count: number): string[] {
  return generateNKeysBetween(null, null, count);
}

/** `count` ascending keys between two neighbours, for moving or pasting several items at once. */
export function positionsBetween(before: string | null, after: string | null, count: number): string[] {
  if (before !== null && after !== null && before >= after) {
    throw new RangeError(`no positions between ${JSON.stringify(before)} and ${JSON.stringify(after)}`);
  }
  return generateNKeysBetween(before, after, count);
}

/** Whether `key` is one this module can insert next to (files and sync data are checked with it). */
export function isPositionKey(key: string): boolean {
  // The library checks the integer head and the trailing digit but not the alphabet of the fraction.
  if (!/^[0-9A-Za-z]+$/.test(key)) return false;
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}
