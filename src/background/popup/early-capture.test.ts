import { describe, expect, it, vi } from 'vitest';
import { captureFromTabOnly } from '../tab-fallback.ts';
import { captureTab, type TabCapture } from '../capture-tab.ts';
import { EARLY_CAPTURE_FRESH_MS, startCapture, takeCapture } from './early-capture.ts';

vi.mock('webextension-polyfill', () => ({ default: {} }));
vi.mock('../capture-tab.ts', () => ({ captureTab: vi.fn() }));

const tab = { id: 4, url: 'https://example.com/a', title: 'A page' };
const read: TabCapture = { capture: { ...captureFromTabOnly(tab.url, 'The page read'), summary: 'What it says.' }, problem: null };
const refused: TabCapture = { capture: captureFromTabOnly(tab.url, tab.title), problem: 'Cannot access contents of the page' };

describe('the capture started at the click', () => {
  it('is the page for the popup that opens on that tab, once', async () => {
    vi.mocked(captureTab).mockResolvedValue(read);
    startCapture(tab, 1_000);
    expect(await takeCapture(tab, 1_200)).toEqual(read);
    expect(takeCapture(tab, 1_300)).toBeUndefined(); // a reopened popup reads the page afresh
  });

  it('is not used for another page of the tab, nor once the popup took too long to ask', () => {
    vi.mocked(captureTab).mockResolvedValue(read);
    startCapture(tab, 1_000);
    expect(takeCapture({ ...tab, url: 'https://example.com/b' }, 1_200)).toBeUndefined();
    startCapture(tab, 1_000);
    expect(takeCapture(tab, 1_000 + EARLY_CAPTURE_FRESH_MS + 1)).toBeUndefined();
  });

  it('reads the page once more when the first injection was refused, and leaves a page that keeps refusing to the popup', async () => {
    vi.mocked(captureTab).mockReset().mockResolvedValueOnce(refused).mockResolvedValueOnce(read);
    startCapture(tab, 1_000);
    expect(await takeCapture(tab, 1_100)).toEqual(read);
    vi.mocked(captureTab).mockReset().mockResolvedValue(refused);
    startCapture(tab, 1_000);
    expect(await takeCapture(tab, 1_100)).toBeUndefined();
    expect(captureTab).toHaveBeenCalledTimes(2);
  });
});
