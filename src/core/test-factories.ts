/**
 * Small factories for tests: valid model objects with readable defaults, overridden per test.
 * Ids and dates are fixed (not random, not "now") so tests and golden files are deterministic.
 */
import type { Issue, Item, Section } from './model.ts';

export function makeItem(overrides: Partial<Item> = {}): Item {
  return {
    id: 'item-1',
    sectionId: 'section-1',
    position: 'a0',
    url: 'https://example.com/article',
    canonicalUrl: null,
    title: 'An article',
    summary: 'What the article says.',
    note: '',
    site: 'example.com',
    authors: [],
    publishedAt: null,
    image: null,
    kind: 'article',
    capturedAt: '2021-06-20T09:00:00.000Z',
    clocks: {},
    ...overrides,
  };
}

export function makeSection(overrides: Partial<Section> = {}): Section {
  return { id: 'section-1', name: 'Industry', position: 'a0', clocks: {}, ...overrides };
}

/** An issue with one section holding one item, unless `sections`/`items` are given. */
export function makeIssue(overrides: Partial<Issue> = {}): Issue {
  return {
    id: 'issue-1',
    number: 1,
    title: 'My Newsletter: Issue #1',
    tagline: '',
    intro: '',
    outro: '',
    status: 'draft',
    createdAt: '2021-06-18T08:00:00.000Z',
    publishedAt: null,
    sections: [makeSection()],
    items: [makeItem()],
    clocks: {},
    ...overrides,
  };
}
