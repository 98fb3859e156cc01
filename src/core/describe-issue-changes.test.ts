import { describe, expect, it } from 'vitest';
import { describeIssueChanges } from './describe-issue-changes.ts';
import type { Issue } from './model.ts';
import { makeIssue, makeItem, makeSection } from './test-factories.ts';

const T1 = '0000000rs:0000:laptop';
const base = makeIssue({
  sections: [makeSection(), makeSection({ id: 'section-2', name: 'Papers', position: 'a1' })],
  items: [makeItem({ id: 'a' }), makeItem({ id: 'b', position: 'a1' }), makeItem({ id: 'gone', deleted: T1 })],
});

describe('describeIssueChanges', () => {
  it.each<[string, (issue: Issue) => Issue, string[]]>([
    ['nothing', (issue) => issue, []],
    ['the title and the tagline', (issue) => ({ ...issue, title: 'New', tagline: 'Now with a tagline' }), ['title changed', 'tagline changed']],
    ['an added item', (issue) => ({ ...issue, items: [...issue.items, makeItem({ id: 'c' })] }), ['1 item added']],
    ['two removed items', (issue) => ({ ...issue, items: issue.items.map((item) => ({ ...item, deleted: T1 })) }), ['2 items removed']],
    ['a restored item', (issue) => ({ ...issue, items: issue.items.map(({ deleted: _d, ...item }) => item) }), ['1 item restored']],
    ['an edited and moved item', (issue) => ({ ...issue, items: issue.items.map((item) => (item.id === 'a' ? { ...item, summary: 'New', sectionId: 'section-2' } : item)) }),
      ['1 item edited', '1 item moved']],
    ['a renamed section', (issue) => ({ ...issue, sections: issue.sections.map((s) => (s.id === 'section-2' ? { ...s, name: 'Research' } : s)) }), ['1 section renamed']],
    ['a removed issue', (issue) => ({ ...issue, deleted: T1 }), ['issue removed']],
  ])('describes %s', (_name, change, expected) => {
    expect(describeIssueChanges(base, change(base))).toEqual(expected);
  });

  it('does not count a clock-only difference as an edit', () => {
    const reclocked = { ...base, items: base.items.map((item) => ({ ...item, clocks: { summary: T1 } })) };
    expect(describeIssueChanges(base, reclocked)).toEqual([]);
  });
});
