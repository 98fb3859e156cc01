/**
 * The email HTML on a phone: 375 px wide, a title that is one long unbroken word (a URL pasted as a title)
 * must wrap, not make the email scroll sideways.
 */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeMarkdownInline } from '../../src/core/markdown-escape.ts';
import { renderIssueAsHtml } from '../../src/core/render-html.ts';
import { makeIssue, makeItem } from '../../src/core/test-factories.ts';
import { CHROMIUM, QUIET_FLAGS } from './harness.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...QUIET_FLAGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])] });
});

afterAll(async () => {
  await browser?.close();
});

describe('the email HTML at 375 px', () => {
  it('wraps a title and a summary made of one long unbroken word instead of scrolling sideways', async () => {
    const word = `https://example.com/${'averyveryverylongpathsegment'.repeat(6)}`;
    const issue = makeIssue({ items: [makeItem({ title: escapeMarkdownInline(word), summary: escapeMarkdownInline(`See ${word}`), url: word })] });
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.setContent(renderIssueAsHtml(issue));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.close();
  });
});
