import { beforeEach, describe, expect, it, vi } from 'vitest';
import { noteWrite } from '../storage/write-epoch.ts';
import { captureTab } from './capture-tab.ts';
import { EARLY_POPUP_FRESH_MS, startEarlyPopup, takeEarlyPopup } from './early-popup.ts';
import { readPopupContext } from './popup-context.ts';

// The reads themselves run in the browser; what is tested here is which popup gets them, and when not.
vi.mock('./capture-tab.ts', () => ({ captureTab: vi.fn() }));
vi.mock('./popup-context.ts', () => ({ readPopupContext: vi.fn() }));

const tab = { id: 7, url: 'https://example.org/post', title: 'A post' };

beforeEach(() => {
  vi.mocked(captureTab).mockReset().mockImplementation((tabId, url) => Promise.resolve({ capture: { url, tabId }, problem: null } as never));
  vi.mocked(readPopupContext).mockReset().mockImplementation((tabId, url) => Promise.resolve({ tabId, url } as never));
});

describe('early popup reads', () => {
  it('gives the popup the clicked tab, and the capture and storage read at the click, once', async () => {
    startEarlyPopup(tab);
    expect(captureTab).toHaveBeenCalledWith(7, tab.url, 'A post', expect.any(Number));
    const taken = takeEarlyPopup();
    expect(taken?.tab).toEqual(tab);
    expect(await taken?.capture).toEqual({ capture: { url: tab.url, tabId: 7 }, problem: null });
    expect(await taken?.context).toEqual({ tabId: 7, url: tab.url });
    expect(takeEarlyPopup()).toBeUndefined();
  });

  it('gives nothing to a popup that asks too late: the click it was read for opened no popup', () => {
    startEarlyPopup(tab);
    expect(takeEarlyPopup(Date.now() + EARLY_POPUP_FRESH_MS + 1)).toBeUndefined();
    expect(takeEarlyPopup()).toBeUndefined(); // and it is gone
  });

  it('keeps only the latest click', async () => {
    startEarlyPopup(tab);
    startEarlyPopup({ ...tab, id: 9 });
    const taken = takeEarlyPopup();
    expect(taken?.tab.id).toBe(9);
    expect(await taken?.context).toEqual({ tabId: 9, url: tab.url });
  });

  it('reads the page once more when the first injection is refused, and gives no refused capture', async () => {
    const refused = { capture: {}, problem: 'Roundup could not read this page' } as never;
    vi.mocked(captureTab).mockResolvedValueOnce(refused);
    startEarlyPopup(tab);
    expect(await takeEarlyPopup()?.capture).toMatchObject({ problem: null });
    expect(captureTab).toHaveBeenCalledTimes(2);

    vi.mocked(captureTab).mockReset().mockResolvedValue(refused);
    startEarlyPopup(tab);
    expect(await takeEarlyPopup()?.capture).toBeUndefined(); // popup/open reads it itself
  });

  it('drops the storage read when anything was written after it', async () => {
    startEarlyPopup(tab);
    noteWrite()(); // e.g. the last keystroke of the popup that just closed, saved after the click
    const taken = takeEarlyPopup();
    expect(await taken?.capture).toMatchObject({ problem: null });
    expect(taken?.context).toBeUndefined();
  });

  it('does not read storage at all while a write is still running', () => {
    const finished = noteWrite();
    startEarlyPopup(tab);
    finished();
    expect(readPopupContext).not.toHaveBeenCalled();
    expect(takeEarlyPopup()?.context).toBeUndefined();
  });
});
