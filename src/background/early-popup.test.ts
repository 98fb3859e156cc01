import { beforeEach, describe, expect, it, vi } from 'vitest';
import { noteWrite } from '../storage/write-epoch.ts';
import { captureTab } from './capture-tab.ts';
import { EARLY_POPUP_FRESH_MS, startEarlyPopup, takeEarlyPopup } from './early-popup.ts';
import { buildPopupState } from './popup-state.ts';

// The reads themselves run in the browser; what is tested here is which popup gets them, and when not.
vi.mock('./capture-tab.ts', () => ({ captureTab: vi.fn() }));
vi.mock('./popup-state.ts', () => ({ buildPopupState: vi.fn() }));

const tab = { id: 7, url: 'https://example.org/post', title: 'A post' };
const refused = { capture: {}, problem: 'Roundup could not read this page' } as never;

beforeEach(() => {
  vi.mocked(captureTab).mockReset().mockImplementation((tabId, url) => Promise.resolve({ capture: { url, tabId }, problem: null } as never));
  vi.mocked(buildPopupState).mockReset().mockImplementation(async (built, started) => {
    const page = await started?.capture;
    return { tab: { id: built.id, url: built.url }, capture: page?.capture, captureProblem: page ? null : 'refused' } as never;
  });
});

describe('early popup answer', () => {
  it('gives the popup the clicked tab and the answer built at the click, once', async () => {
    startEarlyPopup(tab);
    expect(captureTab).toHaveBeenCalledWith(7, tab.url, 'A post', expect.any(Number));
    expect(buildPopupState).toHaveBeenCalledWith(tab, { capture: expect.any(Promise) });
    const taken = takeEarlyPopup();
    expect(taken?.tab).toEqual(tab);
    expect(await taken?.state).toMatchObject({ tab: { id: 7, url: tab.url }, capture: { url: tab.url }, captureProblem: null });
    expect(takeEarlyPopup()).toBeUndefined();
  });

  it('gives nothing to a popup that asks too late: the click it was built for opened no popup', () => {
    startEarlyPopup(tab);
    expect(takeEarlyPopup(Date.now() + EARLY_POPUP_FRESH_MS + 1)).toBeUndefined();
    expect(takeEarlyPopup()).toBeUndefined(); // and it is gone
  });

  it('keeps only the latest click', async () => {
    startEarlyPopup(tab);
    startEarlyPopup({ ...tab, id: 9 });
    const taken = takeEarlyPopup();
    expect(taken?.tab.id).toBe(9);
    expect(await taken?.state).toMatchObject({ tab: { id: 9 } });
  });

  it('reads the page once more when the first injection is refused', async () => {
    vi.mocked(captureTab).mockResolvedValueOnce(refused);
    startEarlyPopup(tab);
    const taken = takeEarlyPopup();
    expect(await taken?.capture).toMatchObject({ problem: null });
    expect(await taken?.state).toMatchObject({ captureProblem: null });
    expect(captureTab).toHaveBeenCalledTimes(2);
  });

  it('gives no answer, nor a capture, for a page refused twice: popup/open reads it again', async () => {
    vi.mocked(captureTab).mockResolvedValue(refused);
    startEarlyPopup(tab);
    const taken = takeEarlyPopup();
    expect(await taken?.capture).toBeUndefined();
    expect(await taken?.state).toBeUndefined();
  });

  it('gives no answer if building it failed, so popup/open builds it and reports the failure', async () => {
    vi.mocked(buildPopupState).mockRejectedValue(new Error('IndexedDB is gone'));
    startEarlyPopup(tab);
    expect(await takeEarlyPopup()?.state).toBeUndefined();
  });

  it('drops the answer when anything was written after its reads began', async () => {
    startEarlyPopup(tab);
    noteWrite()(); // e.g. the last keystroke of the popup that just closed, saved after the click
    const taken = takeEarlyPopup();
    expect(await taken?.capture).toMatchObject({ problem: null });
    expect(taken?.state).toBeUndefined();
  });

  it('does not build the answer at all while a write is still running', () => {
    const finished = noteWrite();
    startEarlyPopup(tab);
    finished();
    expect(buildPopupState).not.toHaveBeenCalled();
    expect(takeEarlyPopup()?.state).toBeUndefined();
  });
});
