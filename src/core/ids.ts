/** A random id for an issue, section or item: unique across devices without coordination. */
export function newId(): string {
  return crypto.randomUUID();
}
