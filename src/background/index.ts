// The service worker may be restarted at any time: listeners are registered at the top level.
import browser from 'webextension-polyfill';

browser.runtime.onInstalled.addListener(() => {
  void browser.action.setBadgeBackgroundColor({ color: '#3b5bdb' });
});
