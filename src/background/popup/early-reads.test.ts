import { describe, expect, it, vi } from 'vitest';
import { captureFromTabOnly } from '../tab-fallback.ts';
import { captureTab, type TabCapture } from '../capture-tab.ts';
import { EARLY_READS_FRESH_MS, startReads, takeReads } from './early-reads.ts';
import { readPopupContext, type PopupContext } from './popup-context.ts';
import { makeIssue } from '../../core/test-factories.ts';
import { inTransaction } from '../../storage/transaction.ts';
import { openTestDb } from '../../storage/open-test-db.ts';

vi.mock('webextension-polyfill', () => ({ default: {} }));
vi.mock('../capture-tab.ts', () => ({ captureTab: vi.fn() }));
vi.mock('./popup-context.ts', () => ({ readPopupContext: vi.fn(async () => undefined) }));

const tab = { id: 4, url: 'https://example.com/a', title: 'A page' };
const read: TabCapture = { capture: { ...captureFromTabOnly(tab.url, 'The page read'), summary: 'What it says.' }, problem: null };
const refused: TabCapture = { capture: captureFromTabOnly(tab.url, tab.title), problem: 'Cannot access contents of the page' };

describe('the capture started at the click', () => {
  it('is the page for the popup that opens on that tab, once', async () => {
    vi.mocked(captureTab).mockResolvedValue(read);
    startReads(tab, 1_000);
    const taken = takeReads(1_200);
    expect(taken?.tab).toEqual(tab);
    expect(await taken?.capture).toEqual(read);
    expect(takeReads(1_300)).toBeUndefined(); // a reopened popup reads the page afresh
  });

  it('is for the tab clicked last, and not used once the popup took too long to ask', async () => {
    vi.mocked(captureTab).mockResolvedValue(read);
    startReads({ ...tab, id: 9 }, 900);
    startReads(tab, 1_000);
    expect(takeReads(1_200)?.tab).toEqual(tab);
    startReads(tab, 1_000);
    expect(takeReads(1_000 + EARLY_READS_FRESH_MS + 1)).toBeUndefined();
  });

  it('reads the page once more when the first injection was refused, and leaves a page that keeps refusing to the popup', async () => {
    vi.mocked(captureTab).mockReset().mockResolvedValueOnce(refused).mockResolvedValueOnce(read);
    startReads(tab, 1_000);
    expect(await takeReads(1_100)?.capture).toEqual(read);
    vi.mocked(captureTab).mockReset().mockResolvedValue(refused);
    startReads(tab, 1_000);
    expect(await takeReads(1_100)?.capture).toBeUndefined();
    expect(captureTab).toHaveBeenCalledTimes(2);
  });

  it('offers storage as read at the click only while nothing was written since', async () => {
    const context: PopupContext = { settings: { summaryLength: 300, keepTrackingParameters: false }, draft: makeIssue(), pending: undefined };
    vi.mocked(captureTab).mockResolvedValue(read);
    vi.mocked(readPopupContext).mockResolvedValue(context);
    startReads(tab, 1_000);
    expect(await takeReads(1_100)?.context).toBe(context);

    const db = await openTestDb();
    startReads(tab, 1_000);
    await inTransaction(db, ['meta'], 'readwrite', 'save a value', async (tx) => void await tx.store.put('section-2', 'lastSection:example.com'));
    const taken = takeReads(1_100);
    expect(taken?.context).toBeUndefined(); // popup/open reads storage afresh
    expect(await taken?.capture).toEqual(read);
    db.close();
  });
});
