/** The Firefox manifest keeps every feature of manifest.json and trades only the browser-specific keys. */
import { describe, expect, it } from 'vitest';
import chromeManifest from '../../manifest.json' with { type: 'json' };
import { FIREFOX_MIN_VERSION, GECKO_ID, toFirefoxManifest } from '../../scripts/manifest-firefox.ts';

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

  // Both browsers open the popup themselves on a click: it is the toolbar button's default in both.
  it('names the same popup as the toolbar button\'s default', () => {
    expect(chromeManifest.action.default_popup).toBe('popup/index.html');
    expect(firefox.action).toEqual(chromeManifest.action);
  });

  it('drops the Chrome-only key and keeps everything else as it is', () => {
    const { minimum_chrome_version: _dropped, background: _background, ...shared } = chromeManifest;
    const { background: _firefoxBackground, browser_specific_settings: _settings, ...rest } = firefox;
    expect(rest).toEqual(shared);
  });

  it('refuses a manifest without a background worker rather than building an add-on that does nothing', () => {
    const { background: _background, ...withoutBackground } = chromeManifest;
    expect(() => toFirefoxManifest(withoutBackground)).toThrow(/service_worker/);
  });
});
