/**
 * Reads the page in a tab by injecting dist/capture.js on demand (activeTab + scripting: no content
 * script runs on pages the editor never captures). Pages that refuse injection still give an item built
 * from the tab's URL and title (tab-fallback.ts).
 */
import browser from './extension-api.ts';
import * as v from 'valibot';
import { captureSchema, type Capture } from '../core/capture-types.ts';
import { captureFromTabOnly, whyNotReadable } from './tab-fallback.ts';

export interface TabCapture {
  capture: Capture;
  /** Why the page could not be read, in plain words; null when it was. */
  problem: string | null;
}

/** The page in the tab, its summary whole (itemFieldsFromCapture cuts it to the editor's length). */
export async function captureTab(tabId: number, url: string, title: string): Promise<TabCapture> {
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, files: ['capture.js'] });
    // The page's DOM is hostile: the script's result is validated like any other input.
    const parsed = v.safeParse(captureSchema, frame?.result);
    if (!parsed.success) throw new Error('the page returned no usable capture');
    return { capture: parsed.output, problem: null };
  } catch (error) {
    return { capture: captureFromTabOnly(url, title), problem: whyNotReadable(url, error) };
  }
}
