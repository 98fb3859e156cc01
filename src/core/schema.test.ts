import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PUBLISHED_SCHEMAS, SCHEMA_DIRECTORY, renderJsonSchemaFile } from '../../scripts/write-schema.ts';
import { DEFAULT_SETTINGS } from './model.ts';
import type { Issue } from './model.ts';
import { parsePortableFile, serializeBackup, serializeIssueFile } from './portable.ts';
import { normalizeDate } from '../capture/normalize-date.ts';
import { LIMITS, findIssueIntegrityProblem, isPublishedDate, parseIssue, parseSettings } from './schema.ts';
import { describeValue, formatPath } from './validation-message.ts';

function makeIssue(): Issue {
  return {
    id: 'issue-1', number: 1, title: 'Weekly #1', tagline: '', intro: '', outro: '', status: 'draft',
    createdAt: '2026-11-01T08:00:00.000Z', publishedAt: null, clocks: {},
    sections: [{ id: 's1', name: 'Industry', position: 'a0', clocks: {} }],
    items: [{
      id: 'i1', sectionId: 's1', position: 'a0', url: 'https://example.com/', canonicalUrl: null, title: 'T',
      summary: 'S', note: '', site: 'Example', authors: [], publishedAt: null, image: null, kind: 'article',
      capturedAt: '2026-11-01T09:00:00.000Z', clocks: {},
    }],
  };
}

describe('isPublishedDate', () => {
  it.each(['2021', '2021-06', '2021-06-24', '2021-06-24T10:00', '2021-06-24T10:00:00Z', '2021-06-24T10:00:00.123+02:00'])('accepts %s', (date) => {
    expect(isPublishedDate(date)).toBe(true);
    const issue = makeIssue();
    issue.items[0]!.publishedAt = date;
    expect(parseIssue(issue).ok).toBe(true);
  });

  it.each(['21', '2021-6', '2021-13', '2021/06', 'June 2021', '2021-06-24 10:00', ''])('refuses %j', (date) => {
    expect(isPublishedDate(date)).toBe(false);
  });

  it('accepts every date the page extractor can return (property)', () => {
    fc.assert(fc.property(fc.oneof(
      fc.string(),
      fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 14 }), fc.option(fc.integer({ min: 0, max: 40 })), fc.constantFrom('-', '/', '.'))
        .map(([year, month, day, separator]) => [year, month, day].filter((part) => part !== null).join(separator)),
      fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
      fc.constantFrom('2021/6', '2021', 'Dec 20, 2006', '20 December 2006', '2017-06-12 08:00', 'Tue, 01 Jun 2021 10:00:00 GMT'),
    ), (input) => {
      const date = normalizeDate(input);
      if (date !== null) expect(isPublishedDate(date), `${input} → ${date}`).toBe(true);
    }), { numRuns: 3_000 });
  });
});

describe('parseIssue', () => {
  it('accepts a valid issue and returns it unchanged', () => {
    expect(parseIssue(makeIssue())).toEqual({ ok: true, value: makeIssue() });
  });

  it('keeps text exactly as given, spaces included', () => {
    const issue = { ...makeIssue(), title: '  Weekly\n#1  ' };
    expect(parseIssue(issue)).toEqual({ ok: true, value: issue });
  });

  it.each([
    ['the default root', undefined, 'issue.title: expected a string, got 5'],
    ['a given root', 'issues[4]', 'issues[4].title: expected a string, got 5'],
  ])('names paths from %s', (_name, root, message) => {
    expect(parseIssue({ ...makeIssue(), title: 5 }, root)).toEqual({ ok: false, error: message });
  });

  it('accepts values at the bounds and refuses one past them', () => {
    const atLimit = makeIssue();
    atLimit.items[0]!.summary = 's'.repeat(LIMITS.summary);
    atLimit.items[0]!.url = `https://example.com/${'p'.repeat(LIMITS.url - 20)}`;
    expect(parseIssue(atLimit).ok).toBe(true);
    atLimit.items[0]!.summary += 's';
    expect(parseIssue(atLimit)).toEqual({ ok: false, error: `issue.items[0].summary: expected at most ${LIMITS.summary} characters, got ${LIMITS.summary + 1}` });
  });

  it('refuses an id past its bound', () => {
    expect(parseIssue({ ...makeIssue(), id: 'x'.repeat(LIMITS.id + 1) })).toEqual({
      ok: false, error: `issue.id: expected an id of at most ${LIMITS.id} characters, got ${LIMITS.id + 1}`,
    });
  });
});

describe('findIssueIntegrityProblem', () => {
  it('finds nothing wrong with a consistent issue', () => {
    expect(findIssueIntegrityProblem(makeIssue(), 'issue')).toBeNull();
  });

  it('allows a section id equal to an item id (they are separate lists)', () => {
    const issue = makeIssue();
    issue.items[0]!.id = 's1';
    expect(findIssueIntegrityProblem(issue, 'issue')).toBeNull();
  });
});

describe('parseSettings', () => {
  it('fills every missing setting from the defaults, without sharing the default array', () => {
    const result = parseSettings({});
    expect(result).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    if (result.ok) expect(result.value.defaultSections).not.toBe(DEFAULT_SETTINGS.defaultSections);
  });

  it.each([
    [{ summaryLength: 0 }, 'settings.summaryLength: expected a positive integer, got 0'],
    [{ summaryLength: LIMITS.summaryLength + 1 }, `settings.summaryLength: expected at most ${LIMITS.summaryLength}, got ${LIMITS.summaryLength + 1}`],
    [{ defaultSections: 'Papers' }, 'settings.defaultSections: expected an array, got "Papers"'],
    [{ theme: 'dark' }, 'settings.theme: unknown field'],
    [[], 'settings: expected an object, got an array'],
  ])('refuses %j', (input, message) => {
    expect(parseSettings(input)).toEqual({ ok: false, error: message });
  });
});

describe('validation messages', () => {
  it.each([
    [undefined, 'nothing'], [null, 'null'], [[1], 'an array'], [{}, 'an object'], [3.5, '3.5'], [true, 'true'],
    ['a"b\nc', '"a\\"b\\nc"'],
  ])('describes %j as %s', (value, text) => {
    expect(describeValue(value)).toBe(text);
  });

  it.each([
    ['issue', ['items', 3, 'url'], 'issue.items[3].url'],
    ['', ['issue', 'title'], 'issue.title'],
    ['', [], '(top level)'],
    ['issue', ['clocks', 'two words'], 'issue.clocks["two words"]'],
  ])('writes the path %j + %j as %s', (root, keys, path) => {
    expect(formatPath(root, keys)).toBe(path);
  });
});

// A small JSON Schema checker for the keywords the generator emits. It throws on any keyword it
// does not know, so a new constraint in the generated files cannot pass here unchecked.
type JsonSchemaNode = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the cases poke at parsed JSON
type LooseJson = any;
const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'default', 'format', '$defs']);

function findSchemaViolations(schema: JsonSchemaNode, root: JsonSchemaNode, value: unknown, path: string): string[] {
  const errors: string[] = [];
  const fail = (what: string) => errors.push(`${path}: ${what}`);
  for (const [keyword, rule] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword)) continue;
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    const entries = isObject ? Object.entries(value) : [];
    const length = typeof value === 'string' ? [...value].length : 0;
    switch (keyword) {
      case '$ref': {
        const name = String(rule).replace('#/$defs/', '');
        errors.push(...findSchemaViolations((root.$defs as Record<string, JsonSchemaNode>)[name]!, root, value, path));
        break;
      }
      case 'type': {
        const actual = value === null ? 'null' : Array.isArray(value) ? 'array'
          : Number.isInteger(value) && rule === 'integer' ? 'integer' : typeof value;
        if (actual !== rule) fail(`type ${String(rule)}`);
        break;
      }
      case 'const': if (value !== rule) fail('const'); break;
      case 'enum': if (!(rule as unknown[]).includes(value)) fail('enum'); break;
      case 'anyOf':
        if ((rule as JsonSchemaNode[]).every((option) => findSchemaViolations(option, root, value, path).length)) fail('anyOf');
        break;
      case 'required':
        for (const key of rule as string[]) if (isObject && !(key in value)) fail(`required ${key}`);
        break;
      case 'properties':
        for (const [key, child] of entries) {
          const childSchema = (rule as Record<string, JsonSchemaNode>)[key];
          if (childSchema) errors.push(...findSchemaViolations(childSchema, root, child, `${path}.${key}`));
        }
        break;
      case 'additionalProperties':
        for (const [key, child] of entries) {
          if (key in ((schema.properties ?? {}) as object)) continue;
          if (rule === false) fail(`additional property ${key}`);
          else errors.push(...findSchemaViolations(rule as JsonSchemaNode, root, child, `${path}.${key}`));
        }
        break;
      case 'propertyNames':
        for (const [key] of entries) errors.push(...findSchemaViolations(rule as JsonSchemaNode, root, key, `${path}[key]`));
        break;
      case 'maxProperties': if (entries.length > Number(rule)) fail('maxProperties'); break;
      case 'items':
        if (Array.isArray(value)) value.forEach((child, i) => errors.push(...findSchemaViolations(rule as JsonSchemaNode, root, child, `${path}[${i}]`)));
        break;
      case 'maxItems': if (Array.isArray(value) && value.length > Number(rule)) fail('maxItems'); break;
      case 'minLength': if (typeof value === 'string' && length < Number(rule)) fail('minLength'); break;
      case 'maxLength': if (typeof value === 'string' && length > Number(rule)) fail('maxLength'); break;
      case 'pattern': if (typeof value === 'string' && !new RegExp(String(rule), 'u').test(value)) fail('pattern'); break;
      case 'minimum': if (typeof value === 'number' && value < Number(rule)) fail('minimum'); break;
      case 'maximum': if (typeof value === 'number' && value > Number(rule)) fail('maximum'); break;
      default: throw new Error(`the test checker does not know the keyword ${keyword}`);
    }
  }
  return errors;
}

describe('published JSON Schemas', () => {
  it.each(PUBLISHED_SCHEMAS.map((published) => [published.fileName, published] as const))(
    'schema/%s matches what `npm run schema` generates', (fileName, published) => {
      expect(readFileSync(`${SCHEMA_DIRECTORY}${fileName}`, 'utf8'), 'stale schema file: run `npm run schema`')
        .toBe(renderJsonSchemaFile(published));
    },
  );

  const [issueFileSchema, backupFileSchema] = PUBLISHED_SCHEMAS.map(
    (published) => JSON.parse(renderJsonSchemaFile(published)) as JsonSchemaNode,
  ) as [JsonSchemaNode, JsonSchemaNode];

  it('names itself and its draft', () => {
    expect(issueFileSchema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: expect.stringMatching(/^https:\/\/.+\/roundup-issue\.v1\.schema\.json$/),
      title: 'Roundup issue file',
      description: expect.any(String),
    });
  });

  const issueFile = () => JSON.parse(serializeIssueFile(makeIssue()));

  it('accepts the files Roundup writes', () => {
    expect(findSchemaViolations(issueFileSchema, issueFileSchema, issueFile(), '')).toEqual([]);
    const backup = JSON.parse(serializeBackup(DEFAULT_SETTINGS, [makeIssue()], '2026-11-03T00:00:00Z'));
    expect(findSchemaViolations(backupFileSchema, backupFileSchema, backup, '')).toEqual([]);
  });

  it('accepts a file that leaves out the optional fields', () => {
    const file = issueFile();
    for (const key of ['canonicalUrl', 'note', 'authors', 'publishedAt', 'image', 'kind', 'clocks']) delete file.issue.items[0][key];
    expect(findSchemaViolations(issueFileSchema, issueFileSchema, file, '')).toEqual([]);
  });

  it.each([
    ['a missing title', (file: LooseJson) => { delete file.issue.title; }, '.issue: required title'],
    ['a missing item url', (file: LooseJson) => { delete file.issue.items[0].url; }, '.issue.items[0]: required url'],
    ['a missing version', (file: LooseJson) => { delete file.version; }, ': required version'],
    ['version 2', (file: LooseJson) => { file.version = 2; }, '.version: const'],
    ['an unknown field', (file: LooseJson) => { file.issue.titel = ''; }, '.issue: additional property titel'],
    ['a url that is a number', (file: LooseJson) => { file.issue.items[0].url = 5; }, '.issue.items[0].url: type string'],
    ['a zero issue number', (file: LooseJson) => { file.issue.number = 0; }, '.issue.number: minimum'],
    ['an unknown status', (file: LooseJson) => { file.issue.status = 'sent'; }, '.issue.status: enum'],
    ['a bad clock', (file: LooseJson) => { file.issue.clocks = { title: 'now' }; }, '.issue.clocks.title: pattern'],
    ['a date-time without zone', (file: LooseJson) => { file.issue.createdAt = '2026-11-01T08:00'; }, '.issue.createdAt: pattern'],
  ])('refuses %s, as the parser does', (_name, mutate, violation) => {
    const file = issueFile();
    mutate(file);
    expect(findSchemaViolations(issueFileSchema, issueFileSchema, file, '')).toContain(violation);
    expect(parsePortableFile(JSON.stringify(file)).ok).toBe(false);
  });
});
