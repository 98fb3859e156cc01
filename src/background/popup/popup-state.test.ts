import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Capture } from '../../core/capture-types.ts';
import { makeIssue } from '../../core/test-factories.ts';
import { captureTab, type TabCapture } from '../capture-tab.ts';
import { lateCaptureFor } from './late-captures.ts';
import { BUSY_PAGE_PROBLEM, CAPTURE_PATIENCE_MS, buildPopupState } from './popup-state.ts';

vi.mock('webextension-polyfill', () => ({ default: {} }));
vi.mock('../capture-tab.ts', () => ({ captureTab: vi.fn() }));
vi.mock('../database.ts', () => ({ database: vi.fn(async () => ({})) }));
vi.mock('../../storage/meta-repo.ts', () => ({ getLastSectionId: vi.fn(async () => undefined) }));
vi.mock('./popup-context.ts', () => ({
  readPopupContext: vi.fn(async () => ({ settings: { summaryLength: 300, keepTrackingParameters: false }, draft: makeIssue(), pending: undefined })),
}));

const tab = { id: 3, url: 'https://example.com/busy?utm_source=hn', title: 'A busy page' };

function pageCapture(overrides: Partial<Capture> = {}): TabCapture {
  return {
    capture: {
      title: 'The page’s own title', summary: 'What the page says: 2*3*4.', summarySource: 'og', url: tab.url, canonicalUrl: null,
      dedupeKey: '', site: 'Example', authors: ['A. Author'], publishedAt: '2021/6', image: null, kind: 'article', language: 'en', ...overrides,
    },
    problem: null,
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('buildPopupState', () => {
  it('gives the form item fields: the link cleaned, page text escaped, a date the model refuses left out', async () => {
    vi.mocked(captureTab).mockResolvedValue(pageCapture());
    const state = await buildPopupState(tab);
    expect(state.fields).toMatchObject({ url: 'https://example.com/busy', title: 'The page’s own title', summary: 'What the page says: 2\\*3\\*4.', publishedAt: null });
    expect(state).toMatchObject({ captureProblem: null, lateCapture: false, captureNotes: [] });
  });

  it('offers the tab’s title and address after a short wait when the page is busy, and keeps the capture coming', async () => {
    let answer: (page: TabCapture) => void = () => undefined;
    vi.mocked(captureTab).mockReturnValue(new Promise((done) => { answer = done; }));
    const building = buildPopupState(tab);
    await vi.advanceTimersByTimeAsync(CAPTURE_PATIENCE_MS);
    const state = await building;
    expect(state).toMatchObject({ captureProblem: BUSY_PAGE_PROBLEM, lateCapture: true });
    expect(state.fields).toMatchObject({ title: 'A busy page', url: 'https://example.com/busy', summary: '' });

    const late = lateCaptureFor(tab.id, tab.url);
    expect(late).toBeDefined();
    answer(pageCapture());
    const finished = await buildPopupState(tab, { late: late! });
    expect(finished).toMatchObject({ lateCapture: false, captureProblem: null, fields: { title: 'The page’s own title', authors: ['A. Author'] } });
  });
});
