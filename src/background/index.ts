// The service worker may be restarted at any time: every listener is registered at the top level,
// synchronously, and hands off to a module that does the work.
import browser, { type Runtime } from './extension-api.ts';
import { refreshBadge } from './badge.ts';
import { handleMenuClick, menuSections, refreshMenus, scheduleMenuRefresh } from './menus.ts';
import { routeMessage } from './router.ts';
import { handleStorageChanged, handleSyncAlarm, startSync } from '../sync/index.ts';
import { issuesChanged, onIssuesChanged } from './changes.ts';
import { database } from './database.ts';
import { handleToolbarClick, takeToolbarClicks } from './popup/toolbar-click.ts';
import { logRejection } from '../core/rejections.ts';

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => routeMessage(message, sender, browser.runtime.id));

// Chrome: once this worker runs, a click on the button comes here rather than to the manifest's popup, so
// the page is read while the popup loads; before that, and in Firefox, the browser opens the popup itself
// (popup/toolbar-click.ts).
browser.action.onClicked.addListener((tab) => {
  handleToolbarClick(tab).catch((error: unknown) => console.error('Roundup could not open its popup:', error));
});
takeToolbarClicks().catch(logRejection('take the toolbar button\'s clicks'));

browser.runtime.onInstalled.addListener(() => {
  refreshMenus().catch(logRejection('build the menus'));
  refreshBadge().catch(logRejection('show the badge'));
});
browser.runtime.onStartup.addListener(() => {
  refreshMenus().catch(logRejection('build the menus'));
  refreshBadge().catch(logRejection('show the badge'));
});
// The menus offer the current draft's sections: rebuilt when they change (refreshMenus skips when they did not).
onIssuesChanged(scheduleMenuRefresh);

// Sync: these two wake a stopped worker (another device's change, a back-off or repair alarm); the mirror
// reconciles everything at every start, so it is started here, on every wake-up.
browser.storage.onChanged.addListener(handleStorageChanged);
browser.alarms.onAlarm.addListener((alarm) => handleSyncAlarm(alarm.name));
startSync({ browser, database, issuesChanged, onIssuesChanged });

browser.contextMenus.onClicked.addListener((info, tab) => {
  handleMenuClick(info, tab).then((result) => {
    if (result?.ok === false) console.error('Roundup could not add from the menu:', result.problem);
  }, (error: unknown) => {
    console.error('Roundup could not add from the menu:', error);
    browser.action.setBadgeText({ text: '!' }).catch(logRejection('show the failure on the badge'));
  });
});

// End-to-end tests drive the menu handlers through the extension's own code (menus can't be clicked headless).
// Only the test build (`npm run build:test`, Vite's mode `test`) has this hook: Vite replaces the mode at
// build time, so the shipped build drops the block (test/unit/shipped-build.test.ts).
if (import.meta.env.MODE === 'test') {
  Object.assign(globalThis, { roundupTestHooks: { handleMenuClick, refreshBadge, refreshMenus, menuSections } });
}
