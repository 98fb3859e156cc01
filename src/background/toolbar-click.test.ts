import { beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import { POPUP_PAGE } from '../popup-page.ts';
import { startEarlyPopup } from './early-popup.ts';
import { handleToolbarClick } from './toolbar-click.ts';

vi.mock('webextension-polyfill', () => ({ default: { action: { setPopup: vi.fn(), openPopup: vi.fn() } } }));
vi.mock('./early-popup.ts', () => ({ startEarlyPopup: vi.fn() }));

const calls: string[] = [];
const tab = { id: 7, windowId: 3, url: 'https://example.org/post', title: 'A post' } as Parameters<typeof handleToolbarClick>[0];

beforeEach(() => {
  calls.length = 0;
  vi.mocked(startEarlyPopup).mockReset().mockImplementation(() => { calls.push('read'); });
  vi.mocked(browser.action.setPopup).mockReset().mockImplementation(async ({ popup }) => { calls.push(`set "${popup}"`); });
  vi.mocked(browser.action.openPopup).mockReset().mockImplementation(async () => { calls.push('open'); });
});

describe('a toolbar click', () => {
  it('starts reading the page first, then opens the popup for that tab only and clears it again', async () => {
    await handleToolbarClick(tab);
    expect(startEarlyPopup).toHaveBeenCalledWith({ id: 7, url: tab.url, title: 'A post' });
    expect(calls).toEqual(['read', `set "${POPUP_PAGE}"`, 'open', 'set ""']);
    expect(browser.action.setPopup).toHaveBeenCalledWith({ tabId: 7, popup: POPUP_PAGE });
    expect(browser.action.openPopup).toHaveBeenCalledWith({ windowId: 3 });
  });

  it('leaves the popup set for the tab when it cannot open it, so the next click opens it the browser\'s way', async () => {
    vi.mocked(browser.action.openPopup).mockRejectedValue(new Error('Browser window has no toolbar.'));
    await expect(handleToolbarClick(tab)).rejects.toThrow('no toolbar');
    expect(calls).toEqual(['read', `set "${POPUP_PAGE}"`]);
  });

  it('does nothing for a click without a tab', async () => {
    await handleToolbarClick({ ...tab, id: undefined });
    expect(calls).toEqual([]);
  });
});
