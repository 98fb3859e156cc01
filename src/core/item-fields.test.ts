/**
 * The item is declared once, as its schema (schema.ts): every field of that schema must be written to the
 * portable file and carried through the sync layout, so a field added to the schema is never dropped.
 */
import { describe, expect, it } from 'vitest';
import type { Issue, Item, Section } from './model.ts';
import { serializeIssueFile } from './portable.ts';
import { itemSchema, sectionSchema } from './schema.ts';
import { packIssue, unpackIssue } from './sync-pack.ts';

const schemaFields = Object.keys(itemSchema.pipe[1].entries).sort();

const item: Item = {
  id: 'i1', sectionId: 's1', position: 'a0', url: 'https://example.com/a', canonicalUrl: 'https://example.com/c',
  title: 'Title', summary: 'Summary.', note: 'Note', site: 'Example', authors: ['Ada'], publishedAt: '2021-06',
  image: 'https://example.com/i.png', kind: 'paper', capturedAt: '2026-11-01T00:00:00Z',
  clocks: { title: '0mjuohs00:0000:device' }, deleted: '0mjuohs00:0001:device',
};
const issue: Issue = {
  id: 'x1', number: 1, title: 'Issue', tagline: '', intro: '', outro: '', status: 'draft', createdAt: '2026-11-01T00:00:00Z',
  publishedAt: null, sections: [{ id: 's1', name: 'Industry', position: 'a0', clocks: {} }], items: [item], clocks: {},
};

describe("the item schema's fields", () => {
  it('are the fields of a complete item (so the checks below see every one)', () => {
    expect(Object.keys(item).sort()).toEqual(schemaFields);
  });

  it('are all written to the portable file', () => {
    const written = (JSON.parse(serializeIssueFile(issue)) as { issue: { items: Record<string, unknown>[] } }).issue.items[0];
    expect(Object.keys(written ?? {}).sort()).toEqual(schemaFields);
    expect(written).toEqual(item);
  });

  it('are all carried through the sync layout', () => {
    const unpacked = unpackIssue(JSON.parse(JSON.stringify(packIssue(issue)))) as { items: Record<string, unknown>[] };
    expect(Object.keys(unpacked.items[0] ?? {}).sort()).toEqual(schemaFields);
    expect(unpacked.items[0]).toEqual(item);
  });
});

describe("the section schema's fields", () => {
  const sectionFields = Object.keys(sectionSchema.pipe[1].entries).sort();
  const section: Section = { id: 's1', name: 'Industry', position: 'a0', clocks: { name: '0mjuohs00:0000:device' }, deleted: '0mjuohs00:0001:device' };
  const withSection: Issue = { ...issue, sections: [section] };

  it('are all written to the portable file and carried through the sync layout', () => {
    expect(Object.keys(section).sort()).toEqual(sectionFields);
    const written = (JSON.parse(serializeIssueFile(withSection)) as { issue: { sections: Record<string, unknown>[] } }).issue.sections[0];
    expect(written).toEqual(section);
    const unpacked = unpackIssue(JSON.parse(JSON.stringify(packIssue(withSection)))) as { sections: Record<string, unknown>[] };
    expect(unpacked.sections[0]).toEqual(section);
  });
});
