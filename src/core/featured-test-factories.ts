/**
 * Test support for "already featured": issues holding given links, made with the real edit operations
 * (issue-ops.ts), so their clocks are what a device would write. Deterministic: ids from the number.
 */
import { formatHlc } from './hlc.ts';
import { addItem, createIssue, publishIssue } from './issue-ops.ts';
import type { Hlc, Issue } from './model.ts';

export interface TestLink {
  url: string;
  canonicalUrl?: string | null;
  /** "News" (default) or "Papers". */
  section?: 'News' | 'Papers';
}

export interface TestIssueOptions {
  number: number;
  links: readonly TestLink[];
  /** Edits are stamped `atMs`, `atMs + 1`, …; publishing comes last. */
  atMs?: number;
  deviceId?: string;
  /** ISO date-time, or null to leave the issue a draft. */
  publishedAt?: string | null;
}

export const testClock = (ms: number, deviceId = 'test'): Hlc => formatHlc({ ms, counter: 0, deviceId });

export function issueWithLinks({ number, links, atMs = 1_000, deviceId = 'test', publishedAt = '2026-11-05T09:00:00.000Z' }: TestIssueOptions): Issue {
  let ms = atMs;
  const sectionIds = [`${number}-News`, `${number}-Papers`];
  let issue = createIssue({ id: `issue-${number}`, number, title: `Issue #${number}`, sectionNames: ['News', 'Papers'], intro: '', outro: '',
    createdAt: '2026-11-01T00:00:00.000Z', at: testClock(ms++, deviceId), makeId: () => sectionIds.shift() ?? 'x' });
  links.forEach((link, index) => {
    issue = addItem(issue, {
      id: `${number}-item-${index}`, url: link.url, canonicalUrl: link.canonicalUrl ?? null, title: `Link ${index}`, summary: '',
      note: '', site: '', authors: [], publishedAt: null, image: null, kind: 'article', capturedAt: '2026-11-02T10:00:00.000Z',
    }, { sectionId: `${number}-${link.section ?? 'News'}`, at: testClock(ms++, deviceId) });
  });
  return publishedAt === null ? issue : publishIssue(issue, publishedAt, testClock(ms, deviceId));
}
