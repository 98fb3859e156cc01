/**
 * The HTML export of an issue holding every hostile case, opened in real Chromium: nothing may run,
 * nothing may load, nothing active may exist. The same for the Markdown export as rendered by a
 * consumer that lets raw HTML through, since that is what many Markdown-to-email tools do.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import MarkdownIt from 'markdown-it';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Issue, Item, Section } from '../../src/core/model.ts';
import { renderIssueAsHtml } from '../../src/core/render-html.ts';
import { renderIssueAsMarkdown } from '../../src/core/render-markdown.ts';
import { makeIssue, makeItem, makeSection } from '../../src/core/test-factories.ts';
import { HOSTILE_CASES, SENTINELS } from '../fixtures/hostile-cases.ts';
import type { HostileField } from '../fixtures/hostile-cases.ts';
import { CHROMIUM, QUIET_FLAGS } from './harness.ts';

function inputsFor(field: HostileField): string[] {
  return HOSTILE_CASES.filter((hostile) => hostile.field === field).map((hostile) => hostile.input);
}

/** One issue with every hostile case in its field: one section per hostile name, one item per hostile title, summary and URL. */
function issueWithEveryHostileCase(): Issue {
  const sections: Section[] = [makeSection({ id: 'section-0', name: SENTINELS.sectionName, position: 'a0' })];
  inputsFor('sectionName').forEach((name, index) => sections.push(makeSection({ id: `section-${index + 1}`, name, position: `a${index + 1}` })));
  const items: Item[] = [];
  const addItem = (overrides: Partial<Item>): void => {
    items.push(makeItem({ id: `item-${items.length}`, sectionId: 'section-0', position: `a${items.length}`, note: SENTINELS.note, ...overrides }));
  };
  inputsFor('itemTitle').forEach((title) => addItem({ title }));
  inputsFor('summary').forEach((summary) => addItem({ summary }));
  inputsFor('url').forEach((url) => addItem({ url }));
  sections.slice(1).forEach((section) => addItem({ sectionId: section.id, position: 'a0' }));
  return makeIssue({
    title: inputsFor('issueTitle').join(' '),
    tagline: inputsFor('tagline').join(' '),
    intro: inputsFor('intro').join('\n\n'),
    outro: inputsFor('outro').join('\n\n'),
    sections,
    items,
  });
}

// Installed before any of the page's own code could run: every way a payload reports back lands here.
const TRAP = `
  window.__pwned = [];
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
    window[name] = (...args) => { window.__pwned.push(name + ':' + args.join(',')); };
  }
  window.addEventListener('error', (event) => { window.__pwned.push('error:' + (event.message || event.target?.tagName)); }, true);
`;

interface PageReport {
  pwned: string[];
  scripts: number;
  handlers: string[];
  active: string[];
  unsafeLinks: string[];
  links: number;
  text: string;
}

let browser: Browser;
let server: Server;
let origin: string;
let served = '';
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(request.url === '/' ? served : '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', ...QUIET_FLAGS] });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function openAndInspect(html: string): Promise<PageReport & { dialogs: string[]; pageErrors: string[]; otherRequests: string[] }> {
  served = html;
  requests.length = 0;
  const page: Page = await browser.newPage();
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const browserRequests: string[] = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss().catch((error: unknown) => dialogs.push(`could not dismiss: ${String(error)}`)); });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('request', (request) => browserRequests.push(request.url()));
  await page.addInitScript(TRAP);
  await page.goto(`${origin}/`, { waitUntil: 'load' });
  const report = await page.evaluate((): PageReport => {
    const all = [...document.querySelectorAll('*')];
    const links = [...document.querySelectorAll('a')];
    return {
      pwned: (window as unknown as { __pwned: string[] }).__pwned,
      scripts: document.scripts.length,
      handlers: all.flatMap((element) => element.getAttributeNames().filter((name) => /^on/i.test(name))),
      active: [...document.querySelectorAll('img, iframe, object, embed, form, body style, link, svg, math, base, video, audio, input, button, textarea, select, meta[http-equiv]')].map((element) => element.tagName),
      unsafeLinks: links.filter((link) => !link.hasAttribute('href') || !['http:', 'https:', 'mailto:'].includes(link.protocol)).map((link) => link.outerHTML),
      links: links.length,
      text: document.body.innerText,
    };
  });
  await page.close();
  // Chromium asks for /favicon.ico on its own; anything else was asked for by the document.
  const otherRequests = [...requests.filter((url) => url !== '/' && url !== '/favicon.ico'), ...browserRequests.filter((url) => url !== `${origin}/`)];
  return { ...report, dialogs, pageErrors, otherRequests };
}

describe('hostile content in a real browser', () => {
  const issue = issueWithEveryHostileCase();

  it.each([
    { name: 'the HTML export', html: () => renderIssueAsHtml(issue) },
    { name: 'the Markdown export rendered with raw HTML allowed', html: () => {
      const consumer = new MarkdownIt({ html: true });
      consumer.validateLink = () => true;
      return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>md</title></head><body>${consumer.render(renderIssueAsMarkdown(issue))}</body></html>`;
    } },
  ])('$name runs nothing, loads nothing and links only to http, https and mailto', async ({ html }) => {
    const report = await openAndInspect(html());
    expect(report.pwned).toEqual([]);
    expect(report.dialogs).toEqual([]);
    expect(report.pageErrors).toEqual([]);
    expect(report.otherRequests).toEqual([]);
    expect(report.scripts).toBe(0);
    expect(report.handlers).toEqual([]);
    expect(report.active).toEqual([]);
    expect(report.unsafeLinks).toEqual([]);
    // The payloads are there, as text a reader can see, and so are the safe links.
    expect(report.text).toContain('<script>alert(1)</script>');
    expect(report.text).toContain('"><img src=x onerror=alert(1)>');
    expect(report.text).toContain('[link](javascript:alert(1))');
    expect(report.text).not.toContain('secret-7f3a');
    expect(report.links).toBeGreaterThan(10);
  });
});
