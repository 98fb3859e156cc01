// The service worker may be restarted at any time: every listener is registered at the top level,
// synchronously, and hands off to a module that does the work.
import browser, { type Runtime } from 'webextension-polyfill';
import { refreshBadge } from './badge.ts';
import { handleMenuClick, menuSections, refreshMenus, scheduleMenuRefresh } from './menus.ts';
import { routeMessage } from './router.ts';
import { handleStorageChanged, handleSyncAlarm, startSync } from '../sync/index.ts';
import { issuesChanged, onIssuesChanged } from './changes.ts';
import { database } from './database.ts';
import { handleToolbarClick } from './popup/toolbar-click.ts';

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => routeMessage(message, sender, browser.runtime.id));

// Chrome only: its manifest names no popup, so a click on the button comes here (popup/toolbar-click.ts).
browser.action.onClicked.addListener((tab) => {
  handleToolbarClick(tab).catch((error: unknown) => console.error('Roundup could not open its popup:', error));
});

browser.runtime.onInstalled.addListener(() => {
  void refreshMenus();
  void refreshBadge();
});
browser.runtime.onStartup.addListener(() => {
  void refreshMenus();
  void refreshBadge();
});
// The menus offer the current draft's sections: rebuilt when they change (refreshMenus skips when they did not).
onIssuesChanged(scheduleMenuRefresh);

// Sync: these two wake a stopped worker (another device's change, a back-off or repair alarm); the mirror
// reconciles everything at every start, so it is started here, on every wake-up.
browser.storage.onChanged.addListener(handleStorageChanged);
browser.alarms.onAlarm.addListener((alarm) => handleSyncAlarm(alarm.name));
startSync({ database, issuesChanged, onIssuesChanged });

browser.contextMenus.onClicked.addListener((info, tab) => {
  handleMenuClick(info, tab).then((result) => {
    if (result?.ok === false) console.error('Roundup could not add from the menu:', result.problem);
  }, (error: unknown) => {
    console.error('Roundup could not add from the menu:', error);
    void browser.action.setBadgeText({ text: '!' });
  });
});

// End-to-end tests drive the menu handlers through the extension's own code (menus can't be clicked headless).
Object.assign(globalThis, { roundup: { handleMenuClick, refreshBadge, refreshMenus, menuSections } });
