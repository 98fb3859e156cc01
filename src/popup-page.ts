/**
 * The popup's page. Chrome's manifest names no `default_popup`: a toolbar click reaches the background,
 * which starts reading the page and then opens this page (src/background/popup/toolbar-click.ts). Firefox's
 * manifest names it as its default popup (scripts/manifest-firefox.ts).
 */
export const POPUP_PAGE = 'popup/index.html';
