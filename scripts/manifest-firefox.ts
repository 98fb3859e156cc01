/**
 * The Firefox manifest, derived from the Chrome one at the root so the two never drift apart: the same
 * pages, permissions and commands, with the keys Firefox needs and without the Chrome-only ones.
 */
import type { ManifestV3Export } from '@crxjs/vite-plugin';

type Manifest = Extract<ManifestV3Export, { manifest_version: number }>;
/** crxjs's manifest type predates `gecko_android`. */
export type FirefoxManifest = Manifest & {
  browser_specific_settings: NonNullable<Manifest['browser_specific_settings']> & { gecko_android: { strict_min_version: string } };
};

/** Addons.mozilla.org needs a stable id; `.invalid` is reserved (RFC 2606), so it can never belong to anyone. */
export const GECKO_ID = 'roundup@roundup.invalid';

/**
 * 140 is the first ESR that reads `data_collection_permissions`, which addons.mozilla.org requires (web-ext
 * lint warns about the key below it). Everything else Roundup uses is older: MV3, `scripting` with files
 * and func, `action`, `_execute_action`, optional `tabs`, module background scripts.
 */
export const FIREFOX_MIN_VERSION = '140.0';
/** Firefox for Android reads `data_collection_permissions` from 142 on. */
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

export function toFirefoxManifest(chrome: Manifest): FirefoxManifest {
  const { minimum_chrome_version: _chromeOnly, background, ...shared } = chrome;
  const worker = background && 'service_worker' in background ? background.service_worker : undefined;
  if (!worker) throw new Error('manifest.json has no background.service_worker to turn into a Firefox background script');
  return {
    ...shared,
    // Firefox runs MV3 backgrounds as event pages, not service workers; a module script keeps the imports.
    background: { scripts: [worker], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        // Nothing leaves the browser: no analytics, no server of ours.
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    },
  };
}
