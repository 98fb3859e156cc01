/**
 * The browser's own extension API for Roundup's pages: Chrome's `chrome`, whose calls return promises
 * under Manifest V3, or Firefox's `browser`. The pages use it rather than webextension-polyfill, so the
 * popup neither waits for nor carries the polyfill's 10 KB (bench/popup.ts). The background keeps the
 * polyfill.
 */
import type { Browser } from 'webextension-polyfill';

/** The parts of the API Roundup's pages call: both browsers give these the same promise-based shape. */
export type PageApi = Pick<Browser, 'runtime' | 'tabs' | 'permissions'>;

export function extensionApi(): PageApi {
  const scope = globalThis as { browser?: Partial<PageApi>; chrome?: Partial<PageApi> };
  const found = scope.browser?.runtime ? scope.browser : scope.chrome;
  if (!found?.runtime) throw new Error('Roundup’s pages must run inside the extension.');
  return found as PageApi;
}
