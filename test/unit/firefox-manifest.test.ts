/** The Firefox manifest keeps every feature of manifest.json and trades only the browser-specific keys. */
import { describe, expect, it } from 'vitest';
import chromeManifest from '../../manifest.json' with { type: 'json' };
import { FIREFOX_MIN_VERSION, GECKO_ID, toFirefoxManifest } from '../../scripts/manifest-firefox.ts';
import { POPUP_PAGE } from '../../src/popup-page.ts';

const firefox = toFirefoxManifest(chromeManifest);

describe('toFirefoxManifest', () => {
  it('loads the background as a module script, since Firefox has no extension service workers', () => {
    expect(firefox.background).toEqual({ scripts: [chromeManifest.background.service_worker], type: 'module' });
  });

  it('names the add-on, its minimum Firefox and that it collects no data', () => {
    expect(firefox.browser_specific_settings).toEqual({
      gecko: { id: GECKO_ID, strict_min_version: FIREFOX_MIN_VERSION, data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    });
  });

  // Chrome opens the popup from the background after a click; Firefox shows it itself (src/popup-page.ts).
  it('names the popup as the toolbar button\'s default, which the Chrome manifest does not', () => {
    expect(chromeManifest.action).not.toHaveProperty('default_popup');
    expect(firefox.action).toEqual({ ...chromeManifest.action, default_popup: POPUP_PAGE });
  });

  it('drops the Chrome-only key and keeps everything else as it is', () => {
    const { minimum_chrome_version: _dropped, background: _background, action: _action, ...shared } = chromeManifest;
    const { background: _firefoxBackground, browser_specific_settings: _settings, action: _firefoxAction, ...rest } = firefox;
    expect(rest).toEqual(shared);
  });

  it('refuses a manifest without a background worker rather than building an add-on that does nothing', () => {
    const { background: _background, ...withoutBackground } = chromeManifest;
    expect(() => toFirefoxManifest(withoutBackground)).toThrow(/service_worker/);
  });
});
