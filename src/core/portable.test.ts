import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_HLC_COUNTER, MAX_HLC_MS, formatHlc } from './hlc.ts';
import { PRESET_NAMES } from './house-style.ts';
import { DEFAULT_SETTINGS, ISSUE_STATUSES, ITEM_KINDS } from './model.ts';
import type { Issue, Item, Section, Settings } from './model.ts';
import { parsePortableFile, serializeBackup, serializeIssueFile } from './portable.ts';
import { positionsForCount } from './position.ts';

function makeSection(overrides: Partial<Section> = {}): Section {
  return { id: 'sec-papers', name: 'Papers & Publications', position: 'a0', clocks: {}, ...overrides };
}

function makeItem(overrides: Partial<Item> = {}): Item {
  return {
    id: 'item-1', sectionId: 'sec-papers', position: 'a0', url: 'https://arxiv.org/abs/2401.00001',
    canonicalUrl: null, title: 'A paper', summary: 'It *works*.', note: '', site: 'arXiv', authors: ['Ada Lovelace'],
    publishedAt: '2024-01-02', image: null, kind: 'paper', capturedAt: '2026-11-02T09:30:00.000Z', clocks: {},
    ...overrides,
  };
}

function makeIssue(overrides: Partial<Issue> = {}): Issue {
  return {
    id: 'issue-206', number: 206, title: 'Deep Learning Weekly: Issue #206', tagline: 'Agents, again',
    intro: 'Hello **readers**.', outro: 'See you next week.', status: 'draft', createdAt: '2026-11-01T08:00:00.000Z',
    publishedAt: null, sections: [makeSection()], items: [makeItem()], clocks: {}, ...overrides,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the cases poke at parsed JSON
type LooseJson = any;

/** An issue file as plain JSON, to break in one place per case. */
function issueFileJson(mutate: (file: LooseJson) => void = () => {}): string {
  const file = JSON.parse(serializeIssueFile(makeIssue()));
  mutate(file);
  return JSON.stringify(file);
}

function backupJson(mutate: (file: LooseJson) => void = () => {}): string {
  const file = JSON.parse(serializeBackup(DEFAULT_SETTINGS, [makeIssue(), makeIssue({ id: 'issue-207', number: 207 })], '2026-11-03T00:00:00.000Z'));
  mutate(file);
  return JSON.stringify(file);
}

function expectError(text: string): string {
  const result = parsePortableFile(text);
  if (result.ok) throw new Error('expected the file to be refused');
  expect(result.error).not.toMatch(/\n/);
  return result.error;
}

describe('serializeIssueFile', () => {
  it('writes the envelope, 2-space indentation and a trailing newline', () => {
    const text = serializeIssueFile(makeIssue());
    expect(text.startsWith('{\n  "format": "roundup-issue",\n  "version": 1,\n  "issue": {\n    "id": "issue-206",')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });

  it('writes keys in one order whatever order the objects were built in, and sorts clocks', () => {
    const issue = makeIssue({ clocks: { title: formatHlc({ ms: 2, counter: 0, deviceId: 'a' }), intro: formatHlc({ ms: 1, counter: 0, deviceId: 'a' }) } });
    const reversed = Object.fromEntries(Object.entries(issue).reverse()) as unknown as Issue;
    reversed.items = issue.items.map((item) => Object.fromEntries(Object.entries(item).reverse()) as unknown as Item);
    expect(serializeIssueFile(reversed)).toBe(serializeIssueFile(issue));
    const text = serializeIssueFile(issue);
    expect(text.indexOf('"intro": "000000001')).toBeLessThan(text.indexOf('"title": "000000002'));
    expect(Object.keys(JSON.parse(text).issue.items[0])).toEqual([
      'id', 'sectionId', 'position', 'url', 'canonicalUrl', 'title', 'summary', 'note', 'site', 'authors',
      'publishedAt', 'image', 'kind', 'capturedAt', 'clocks',
    ]);
  });

  it('leaves out properties that are not part of the model, so the file reads back', () => {
    const issue = { ...makeIssue(), cachedHtml: '<p>' } as Issue;
    const text = serializeIssueFile(issue);
    expect(text).not.toContain('cachedHtml');
    expect(parsePortableFile(text).ok).toBe(true);
  });

  it('writes tombstones only when present', () => {
    const deleted = formatHlc({ ms: 9, counter: 1, deviceId: 'dev' });
    const text = serializeIssueFile(makeIssue({ items: [makeItem({ deleted })] }));
    expect(JSON.parse(text).issue.items[0].deleted).toBe(deleted);
    expect(JSON.parse(text).issue).not.toHaveProperty('deleted');
  });
});

describe('parsePortableFile', () => {
  it('reads an issue file back exactly', () => {
    const issue = makeIssue({
      clocks: { title: formatHlc({ ms: 5, counter: 2, deviceId: 'dev' }) },
      deleted: formatHlc({ ms: 6, counter: 0, deviceId: 'dev' }),
      items: [makeItem({ note: 'private', image: 'https://example.com/i.png', canonicalUrl: 'https://example.com/c' })],
    });
    expect(parsePortableFile(serializeIssueFile(issue))).toEqual({ ok: true, file: { kind: 'issue', issue } });
  });

  it('reads a backup back exactly', () => {
    const issues = [makeIssue(), makeIssue({ id: 'issue-207', number: 207, status: 'published', publishedAt: '2026-11-08T07:00:00+01:00' })];
    const settings: Settings = { ...DEFAULT_SETTINGS, newsletterName: 'Deep Learning Weekly', dateFormat: 'iso' };
    const text = serializeBackup(settings, issues, '2026-11-03T00:00:00.000Z');
    expect(parsePortableFile(text)).toEqual({
      ok: true,
      file: { kind: 'backup', backup: { exportedAt: '2026-11-03T00:00:00.000Z', settings, issues } },
    });
  });

  it('fills the documented defaults of optional fields', () => {
    const text = issueFileJson((file) => {
      const item = file.issue.items[0];
      for (const key of ['canonicalUrl', 'note', 'authors', 'publishedAt', 'image', 'kind', 'clocks']) delete item[key];
      delete file.issue.clocks;
      delete file.issue.sections[0].clocks;
    });
    const result = parsePortableFile(text);
    if (!result.ok || result.file.kind !== 'issue') throw new Error(JSON.stringify(result));
    expect(result.file.issue.items[0]).toMatchObject({
      canonicalUrl: null, note: '', authors: [], publishedAt: null, image: null, kind: 'article', clocks: {},
    });
    expect(result.file.issue.clocks).toEqual({});
    expect(result.file.issue.sections[0]!.clocks).toEqual({});
  });

  it('takes the default settings for settings a backup leaves out', () => {
    const result = parsePortableFile(backupJson((file) => { file.settings = { newsletterName: 'X' }; }));
    if (!result.ok || result.file.kind !== 'backup') throw new Error(JSON.stringify(result));
    expect(result.file.backup.settings).toEqual({ ...DEFAULT_SETTINGS, newsletterName: 'X' });
  });

  it.each([
    ['a byte-order mark', `\uFEFF${issueFileJson()}`],
    ['a $schema reference', issueFileJson((file) => { file.$schema = './schema/roundup-issue.v1.schema.json'; })],
    ['any URL scheme stored', issueFileJson((file) => { file.issue.items[0].url = 'javascript:alert(1)'; })],
    ['a publication date-time without zone', issueFileJson((file) => { file.issue.items[0].publishedAt = '2024-01-02T10:00:00'; })],
    ['an offset date-time', issueFileJson((file) => { file.issue.createdAt = '2026-11-01T08:00:00.123456+05:30'; })],
    ['an empty issue', issueFileJson((file) => { file.issue.sections = []; file.issue.items = []; })],
    ['an item under a deleted section', issueFileJson((file) => { file.issue.sections[0].deleted = '000000001:0000:a'; })],
  ])('accepts %s', (_name, text) => {
    expect(parsePortableFile(text)).toMatchObject({ ok: true });
  });

  it.each([
    ['empty text', '  \n', 'the file is empty'],
    ['bad JSON', '{\n  "format": "roundup-issue",\n  "version" 1\n}', 'not valid JSON: Unexpected number at line 3, column 13'],
    ['truncated JSON', issueFileJson().slice(0, 200), 'not valid JSON: unexpected end of input (is the file truncated?)'],
    ['JSON cut after a comma', issueFileJson().slice(0, issueFileJson().indexOf(',"title"') + 1), 'not valid JSON: unexpected end of input (is the file truncated?)'],
    ['text after the JSON', `${issueFileJson()}\n}`, `not valid JSON: Unexpected non-whitespace character after JSON at line 2, column 1`],
    ['a bad token', '{"format": tru\n}', 'not valid JSON: Unexpected token \'\\n\''],
    ['an array', '[]', 'expected a JSON object with "format" and "version", got an array'],
    ['null', 'null', 'expected a JSON object with "format" and "version", got null'],
    ['a string', '"roundup"', 'expected a JSON object with "format" and "version", got "roundup"'],
    ['another format', issueFileJson((file) => { file.format = 'roundup-issues'; }), 'format: expected "roundup-issue" or "roundup-backup", got "roundup-issues"'],
    ['no format', issueFileJson((file) => { delete file.format; }), 'format: expected "roundup-issue" or "roundup-backup", got nothing'],
    ['version 2', issueFileJson((file) => { file.version = 2; }), 'written by a newer Roundup (format version 2); this version reads version 1'],
    ['version 2 with nothing else readable', '{"version": 2, "format": 7, "issue": []}', 'written by a newer Roundup (format version 2); this version reads version 1'],
    ['no version', issueFileJson((file) => { delete file.version; }), 'version: required field is missing (expected 1)'],
    ['version as text', issueFileJson((file) => { file.version = '1'; }), 'version: expected 1, got "1"'],
    ['version 0', issueFileJson((file) => { file.version = 0; }), 'version: expected 1, got 0'],
    ['version 1.5', issueFileJson((file) => { file.version = 1.5; }), 'version: expected 1, got 1.5'],
    ['no issue', issueFileJson((file) => { delete file.issue; }), 'issue: required field is missing'],
    ['an issue that is an array', issueFileJson((file) => { file.issue = []; }), 'issue: expected an object, got an array'],
    ['a missing title', issueFileJson((file) => { delete file.issue.title; }), 'issue.title: required field is missing'],
    ['an unknown field', issueFileJson((file) => { file.issue.titel = 'x'; }), 'issue.titel: unknown field'],
    ['an unknown top-level field', issueFileJson((file) => { file.extra = 1; }), 'extra: unknown field'],
    ['a URL that is not a string', issueFileJson((file) => { file.issue.items[0].url = 42; }), 'issue.items[0].url: expected a string, got 42'],
    ['a relative URL', issueFileJson((file) => { file.issue.items[0].url = 'foo'; }), 'issue.items[0].url: expected an absolute URL, got "foo"'],
    ['a bad image URL', issueFileJson((file) => { file.issue.items[0].image = '/i.png'; }), 'issue.items[0].image: expected an absolute URL, got "/i.png"'],
    ['a too long title', issueFileJson((file) => { file.issue.title = 'x'.repeat(2001); }), 'issue.title: expected at most 2000 characters, got 2001'],
    ['number zero', issueFileJson((file) => { file.issue.number = 0; }), 'issue.number: expected a positive integer, got 0'],
    ['a fractional number', issueFileJson((file) => { file.issue.number = 2.5; }), 'issue.number: expected a positive integer, got 2.5'],
    ['an unknown status', issueFileJson((file) => { file.issue.status = 'sent'; }), 'issue.status: expected "draft" or "published", got "sent"'],
    ['an unknown kind', issueFileJson((file) => { file.issue.items[0].kind = 'podcast'; }), 'issue.items[0].kind: expected one of "article", "paper", "repo", "video", got "podcast"'],
    ['a date without zone', issueFileJson((file) => { file.issue.createdAt = '2026-11-01T08:00:00'; }), 'issue.createdAt: expected an ISO 8601 date-time with a time zone, got "2026-11-01T08:00:00"'],
    ['a free-text publication date', issueFileJson((file) => { file.issue.items[0].publishedAt = 'May 1'; }), 'issue.items[0].publishedAt: expected an ISO 8601 year, month, date or date-time, got "May 1"'],
    ['an empty id', issueFileJson((file) => { file.issue.sections[0].id = ''; }), 'issue.sections[0].id: expected a non-empty id'],
    ['a bad clock', issueFileJson((file) => { file.issue.items[0].clocks = { title: 'now' }; }), 'issue.items[0].clocks.title: expected a hybrid logical clock like "0mjuohs00:0000:device", got "now"'],
    ['a bad position', issueFileJson((file) => { file.issue.items[0].position = 'a00'; }), 'issue.items[0].position: expected a fractional-index position key, got "a00"'],
    ['an author that is not a string', issueFileJson((file) => { file.issue.items[0].authors = ['A', null]; }), 'issue.items[0].authors[1]: expected a string, got null'],
    ['an item in a missing section', issueFileJson((file) => { file.issue.items[0].sectionId = 'sec-gone'; }), 'issue.items[0].sectionId: no section of this issue has the id "sec-gone"'],
    ['duplicate item ids', issueFileJson((file) => { file.issue.items.push({ ...file.issue.items[0], position: 'a1' }); }), 'issue.items[1].id: duplicate id "item-1" (also issue.items[0].id)'],
    ['duplicate section ids', issueFileJson((file) => { file.issue.sections.push({ ...file.issue.sections[0], position: 'a1' }); }), 'issue.sections[1].id: duplicate id "sec-papers" (also issue.sections[0].id)'],
    ['a backup without exportedAt', backupJson((file) => { delete file.exportedAt; }), 'exportedAt: required field is missing'],
    ['a backup with bad settings', backupJson((file) => { file.settings.dateFormat = 'locale'; }), 'settings.dateFormat: expected one of "iso", "short", "medium", "long", "full", got "locale"'],
    ['a backup with a broken issue', backupJson((file) => { file.issues[1].items[0].url = 7; }), 'issues[1].items[0].url: expected a string, got 7'],
    ['a backup with a dangling item', backupJson((file) => { file.issues[1].items[0].sectionId = 'x'; }), 'issues[1].items[0].sectionId: no section of this issue has the id "x"'],
    ['a backup with duplicate issue ids', backupJson((file) => { file.issues[1].id = 'issue-206'; }), 'issues[1].id: duplicate id "issue-206" (also issues[0].id)'],
    ['an odd key', issueFileJson((file) => { file.issue['a b\n'] = 1; }), 'issue["a b\\n"]: unknown field'],
  ])('refuses %s', (_name, text, message) => {
    expect(expectError(text)).toBe(message);
  });

  it('shortens long values in messages', () => {
    const error = expectError(issueFileJson((file) => { file.issue.items[0].url = `no scheme ${'x'.repeat(500)}`; }));
    expect(error).toMatch(/^issue\.items\[0\]\.url: expected an absolute URL, got "no scheme x+…" \(510 characters\)$/);
    expect(error.length).toBeLessThan(140);
  });
});

const hlcArb = fc.record({
  ms: fc.integer({ min: 0, max: MAX_HLC_MS }),
  counter: fc.integer({ min: 0, max: MAX_HLC_COUNTER }),
  deviceId: fc.stringMatching(/^[0-9a-z]{1,8}$/),
}).map(formatHlc);
// Clock keys are field names; valibot's record drops `__proto__`-like keys, which no field is called.
const clocksArb = fc.dictionary(fc.constantFrom('title', 'summary', 'position', 'sectionId', 'name', 'toString'), hlcArb, { maxKeys: 4 });
const tombstoneArb = fc.option(hlcArb, { nil: undefined, freq: 4 });
const instantArb = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })
  .map((date) => date.toISOString());
// Lone surrogates, line breaks and quotes included: the file must carry any text unchanged.
const textArb = fc.string({ unit: 'binary', maxLength: 30 });
const idArb = fc.string({ unit: 'binary', minLength: 1, maxLength: 12 });
const urlArb = fc.oneof(fc.webUrl(), fc.constantFrom('mailto:editor@example.com', 'javascript:alert(1)', 'https://例え.jp/パス?q=1#x'));
const positionArb = fc.constantFrom(...positionsForCount(20), 'Zz', 'a0V', 'a0G8');

function sectionArb(id: string): fc.Arbitrary<Section> {
  return fc.record({ id: fc.constant(id), name: textArb, position: positionArb, clocks: clocksArb, deleted: tombstoneArb });
}

function itemArb(id: string, sectionIds: string[]): fc.Arbitrary<Item> {
  return fc.record({
    id: fc.constant(id), sectionId: fc.constantFrom(...sectionIds), position: positionArb, url: urlArb,
    canonicalUrl: fc.option(urlArb, { nil: null }), title: textArb, summary: textArb, note: textArb, site: textArb,
    authors: fc.array(textArb, { maxLength: 3 }),
    publishedAt: fc.option(fc.oneof(instantArb, instantArb.map((instant) => instant.slice(0, 10))), { nil: null }),
    image: fc.option(urlArb, { nil: null }), kind: fc.constantFrom(...ITEM_KINDS), capturedAt: instantArb,
    clocks: clocksArb, deleted: tombstoneArb,
  });
}

const issueArb: fc.Arbitrary<Issue> = fc.tuple(
  fc.uniqueArray(idArb, { minLength: 1, maxLength: 4 }),
  fc.uniqueArray(idArb, { maxLength: 6 }),
).chain(([sectionIds, itemIds]) => fc.record({
  id: idArb, number: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), title: textArb, tagline: textArb,
  intro: textArb, outro: textArb, status: fc.constantFrom(...ISSUE_STATUSES), createdAt: instantArb,
  publishedAt: fc.option(instantArb, { nil: null }),
  sections: fc.tuple(...sectionIds.map(sectionArb)),
  items: itemIds.length ? fc.tuple(...itemIds.map((id) => itemArb(id, sectionIds))) : fc.constant([]),
  clocks: clocksArb, deleted: tombstoneArb,
}));

const settingsArb: fc.Arbitrary<Settings> = fc.record({
  newsletterName: textArb, titlePattern: textArb, defaultSections: fc.array(textArb, { maxLength: 5 }),
  introTemplate: textArb, outroTemplate: textArb, summaryLength: fc.integer({ min: 1, max: 20_000 }),
  dateFormat: fc.constantFrom('iso', 'short', 'medium', 'long', 'full'), keepTrackingParameters: fc.boolean(),
  houseStyle: fc.record({
    preset: fc.constantFrom(...PRESET_NAMES),
    templates: fc.record({ md: textArb, html: textArb, text: textArb }, { requiredKeys: [] }),
  }),
});

describe('round trip, any valid content', () => {
  it('reads every written issue file back equal, and writes it again byte for byte', () => {
    fc.assert(fc.property(issueArb, (issue) => {
      const text = serializeIssueFile(issue);
      const result = parsePortableFile(text);
      expect(result).toEqual({ ok: true, file: { kind: 'issue', issue } });
      if (result.ok && result.file.kind === 'issue') expect(serializeIssueFile(result.file.issue)).toBe(text);
    }), { numRuns: 300 });
  });

  it('reads every written backup back equal', () => {
    fc.assert(fc.property(
      settingsArb, fc.uniqueArray(issueArb, { selector: (issue) => issue.id, maxLength: 3 }), instantArb,
      (settings, issues, exportedAt) => {
        const result = parsePortableFile(serializeBackup(settings, issues, exportedAt));
        expect(result).toEqual({ ok: true, file: { kind: 'backup', backup: { exportedAt, settings, issues } } });
      },
    ), { numRuns: 100 });
  });
});

describe('the house style in a backup', () => {
  const file = (houseStyle: unknown) => JSON.stringify({
    format: 'roundup-backup', version: 1, exportedAt: '2026-11-02T10:00:00.000Z',
    settings: { newsletterName: 'Mine', houseStyle }, issues: [],
  });

  it('is written and read back with its templates', () => {
    const settings = { ...DEFAULT_SETTINGS, houseStyle: { preset: 'bullets' as const, templates: { md: '* {{ issue.title }}' } } };
    const text = serializeBackup(settings, [], '2026-11-02T10:00:00.000Z');
    expect(JSON.parse(text).settings.houseStyle).toEqual({ preset: 'bullets', templates: { md: '* {{ issue.title }}' } });
    expect(parsePortableFile(text)).toEqual({ ok: true, file: { kind: 'backup', backup: { exportedAt: '2026-11-02T10:00:00.000Z', settings, issues: [] } } });
  });

  it.each<[string, unknown, string]>([
    ['an unknown preset', { preset: 'fancy' }, 'expected one of the presets heading, quote, bullets, digest, got "fancy"'],
    ['a template that is not text', { preset: 'quote', templates: { md: ['x'] } }, 'expected the Markdown template as text'],
    ['a format Roundup does not export', { preset: 'quote', templates: { pdf: 'x' } }, expect.stringMatching(/pdf/) as unknown as string],
    ['not an object', 'quote', 'expected a house style (a preset and templates)'],
  ])('that has %s costs the file its style only, and says why', (_name, houseStyle, problem) => {
    const result = parsePortableFile(file(houseStyle));
    expect(result).toMatchObject({ ok: true, file: { kind: 'backup', backup: { settings: { newsletterName: 'Mine', houseStyle: DEFAULT_SETTINGS.houseStyle }, houseStyleProblem: problem } } });
  });
});

