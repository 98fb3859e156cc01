/**
 * The suggested shortcut must reach Roundup: a key the browser binds itself never does (Chromium 156 took
 * Alt+Shift+R for reading mode, and Roundup's old default went dead).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as {
  commands: Record<string, { suggested_key?: Record<string, string> }>;
};

// Chromium: chrome/browser/ui/views/accelerator_table.cc (Alt+Shift+A popup focus, B bookmarks, I feedback,
// T toolbar) and reading mode's Alt+Shift+R; Alt+Shift+digits select tabs on Linux in some builds.
const CHROMIUM_ALT_SHIFT = ['A', 'B', 'I', 'R', 'T'];
// Firefox (Windows, Linux): Alt with or without Shift opens its menu bar's menus by their access keys:
// File, Edit, View, History (S), Bookmarks, Tools, Help. Alt+Shift+D is the address bar on some layouts.
const FIREFOX_ALT_SHIFT = ['F', 'E', 'V', 'S', 'B', 'T', 'H', 'D'];

describe('the suggested shortcut', () => {
  it('is Alt+Shift+U, free in both browsers', () => {
    const key = manifest.commands['_execute_action']?.suggested_key?.['default'];
    expect(key).toBe('Alt+Shift+U');
    const letter = /^Alt\+Shift\+([A-Z])$/.exec(key ?? '')?.[1];
    expect(CHROMIUM_ALT_SHIFT).not.toContain(letter);
    expect(FIREFOX_ALT_SHIFT).not.toContain(letter);
  });
});
