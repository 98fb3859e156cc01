import { describe, expect, it } from 'vitest';
import { duplicateIssue } from './duplicate-issue.ts';
import { formatHlc } from './hlc.ts';
import { liveItems, liveSections } from './live-parts.ts';
import { makeIssue, makeItem, makeSection } from './test-factories.ts';

const at = formatHlc({ ms: 5_000, counter: 0, deviceId: 'laptop' });
const source = makeIssue({
  status: 'published', publishedAt: '2021-06-24T15:00:00.000Z', tagline: 'Tag', intro: 'Hi', outro: 'Bye',
  sections: [makeSection({ id: 's1', name: 'Industry' }), makeSection({ id: 's2', name: 'Papers', position: 'a1' }),
    makeSection({ id: 's3', name: 'Gone', position: 'a2', deleted: at })],
  items: [
    makeItem({ id: 'p', sectionId: 's2', title: 'Paper', note: 'private' }),
    makeItem({ id: 'i', sectionId: 's1', title: 'News' }),
    makeItem({ id: 'x', sectionId: 's1', position: 'a1', title: 'Removed', deleted: at }),
  ],
});

describe('duplicateIssue', () => {
  let counter = 0;
  const copy = duplicateIssue(source, { id: 'copy', number: 207, title: 'Issue #207', createdAt: '2026-11-02T10:00:00.000Z', at,
    makeId: () => `new-${++counter}` });

  it('is a new draft with the same texts, live sections and live items, in order', () => {
    expect(copy).toMatchObject({ id: 'copy', number: 207, title: 'Issue #207', status: 'draft', publishedAt: null, tagline: 'Tag', intro: 'Hi', outro: 'Bye' });
    expect(liveSections(copy).map((section) => section.name)).toEqual(['Industry', 'Papers']);
    expect(liveItems(copy).map((item) => [item.title, item.note])).toEqual([['News', ''], ['Paper', 'private']]);
  });

  it('shares no id with the original', () => {
    const ids = [...copy.sections, ...copy.items].map((entity) => entity.id);
    expect(ids.every((id) => id.startsWith('new-'))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(copy.items.every((item) => item.clocks.title === at)).toBe(true);
  });
});
