/**
 * The browser's extension API for the background, as webextension-polyfill gives it: the one module of the
 * background that imports the polyfill (a lint rule in eslint.config.js keeps it so), as src/ui/extension-api.ts
 * is for the pages. The rest of the background imports `browser` and the API's types from here, so a change of
 * how the background reaches the browser is made in one place.
 */
import browser from 'webextension-polyfill';

export type { Browser, Menus, Runtime, Storage, Tabs } from 'webextension-polyfill';
export default browser;
