/**
 * What to do with a promise no caller awaits (an event handler's, a listener's): lint (no-floating-promises)
 * asks for one of these, or a page's own way of showing the failure in words. Handlers that already turn
 * their failures into words for the editor still end here, so a failure they did not foresee is logged
 * with what was being done, instead of vanishing as an unhandled rejection.
 */

/** A rejection handler that logs the failure with what Roundup was doing ("refresh the menus"). */
export function logRejection(doing: string): (error: unknown) => void {
  return (error: unknown) => console.error(`Roundup could not ${doing}:`, error);
}

/**
 * Drops the promise's failure on purpose. `why` says, for the reader, why nothing is lost: the failure is
 * reported elsewhere, or the work is a best effort whose failure changes nothing the editor sees.
 */
export function ignoreRejection(promise: Promise<unknown>, why: string): void {
  promise.catch(() => why);
}

/**
 * The tail of a queue after `run`: resolves once `run` settles, fulfilled or not, so the next run starts after a
 * failed one. The failure is dropped here as by {@link ignoreRejection}; `why` says who gets it instead.
 */
export function afterSettling(run: Promise<unknown>, why: string): Promise<void> {
  return new Promise((next) => ignoreRejection(run.finally(next), why));
}
