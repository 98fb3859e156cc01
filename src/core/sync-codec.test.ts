import { describe, expect, it } from 'vitest';
import type { FeaturedIssueKeys } from './featured-keys.ts';
import { formatHlc } from './hlc.ts';
import { hashDedupeKey } from './link-hash.ts';
import { normalizeIssue } from './merge.ts';
import { DEFAULT_SETTINGS } from './model.ts';
import type { Issue } from './model.ts';
import {
  FEATURED_KEY, SETTINGS_KEY, SYNC_QUOTA, chunkKey, decodeDraft, decodeFeaturedKeys, decodeSettings, draftKey, encodeDraft,
  encodeFeaturedKeys, encodeRecord, encodeSettings, parseSyncKey, staleChunkKeys, syncItemBytes,
} from './sync-codec.ts';
import { makeIssue, makeItem } from './test-factories.ts';

const clock = (ms: number) => formatHlc({ ms, counter: 0, deviceId: 'a' });

/** Text deflate cannot shrink much: pseudo-random CJK ideographs (3 UTF-8 bytes each). */
function incompressibleText(length: number, seed: number): string {
  let state = seed;
  return Array.from({ length }, () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return String.fromCodePoint(0x4e00 + (state >>> 8) % 0x5000);
  }).join('');
}

function bigIssue(itemCount: number): Issue {
  return makeIssue({
    items: Array.from({ length: itemCount }, (_, index) => makeItem({
      id: `item-${index}`, title: `Item ${index} 🚀`, summary: incompressibleText(900, index + 1), clocks: { summary: clock(index + 1) },
    })),
  });
}

/** Issue #`100 + index`, with 20 links in two sections. */
function featuredIssue(index: number): FeaturedIssueKeys {
  const links = (section: number) => Array.from({ length: 10 }, (_, link) => hashDedupeKey(`example.com/${index}/${section}/${link}`)).join('');
  return { issueId: `issue-${String(index).padStart(3, '0')}`, number: 100 + index, publishedAt: new Date(Date.UTC(2026, 0, 1 + index)).toISOString(),
    at: clock(index + 1), sections: [{ name: 'Industry', links: links(0) }, { name: 'Libraries & Code', links: links(1) }] };
}

/** What Chrome measures, computed independently: bytes of key + JSON of the value. */
const chromeBytes = (key: string, value: unknown) => new TextEncoder().encode(key + JSON.stringify(value)).length;

describe('encodeDraft / decodeDraft', () => {
  it('round-trips a draft with emoji, CJK and every kind of field', async () => {
    const issue = makeIssue({
      title: 'Wöchentlich: Ausgabe #7 ✨', intro: '深度学习周报 — 第七期 👩‍💻', clocks: { title: clock(5) },
      items: [makeItem({ title: '日本語のタイトル', summary: 'Emoji 😀🎉 and <b>markup</b> “quotes”', authors: ['Zoë', '李雷'] })],
    });
    const record = await encodeDraft(issue);
    expect(await decodeDraft(record.items, issue.id)).toEqual({ status: 'complete', value: issue, head: record.head });
    expect(record.head).toMatchObject({ v: 1, n: 1, at: clock(5) });
    expect(Object.keys(record.items)).toEqual([draftKey(issue.id), chunkKey(draftKey(issue.id), 0)]);
  });

  it('splits a large draft into many chunks that each fill the per-item quota exactly', async () => {
    const issue = bigIssue(60);
    const record = await encodeDraft(issue);
    expect(record.head.n).toBeGreaterThan(10);
    const sizes = Object.entries(record.items).map(([key, value]) => chromeBytes(key, value));
    expect(sizes.every((size) => size <= SYNC_QUOTA.itemBytes)).toBe(true);
    // Every chunk but the last is exactly 8,192 bytes: the limit, not one byte over or wasted.
    expect(sizes.slice(1, -1).every((size) => size === SYNC_QUOTA.itemBytes)).toBe(true);
    expect(record.bytes).toBe(sizes.reduce((total, size) => total + size, 0));
    // Drafts are written in canonical order (by position, then id), which merging would give anyway.
    expect(await decodeDraft(record.items, issue.id)).toMatchObject({ status: 'complete', value: normalizeIssue(issue) });
  });

  it('keeps quota-sized chunks when the issue id needs escaping and chunk numbers grow a digit', async () => {
    const issue = { ...bigIssue(30), id: 'weekly:206 ünïcode' };
    const record = await encodeDraft(issue);
    expect(draftKey(issue.id)).toBe('d:weekly%3A206%20%C3%BCn%C3%AFcode');
    for (const [key, value] of Object.entries(record.items).slice(1, -1)) expect(chromeBytes(key, value)).toBe(SYNC_QUOTA.itemBytes);
    expect(await decodeDraft(record.items, issue.id)).toMatchObject({ status: 'complete' });
  });

  it('waits for a half-arrived draft: a missing chunk', async () => {
    const issue = bigIssue(10);
    const { items, key } = await encodeDraft(issue);
    const { [chunkKey(key, 1)]: _missing, ...partial } = items;
    expect(await decodeDraft(partial, issue.id)).toMatchObject({ status: 'incomplete', reason: expect.stringMatching(/chunk 1/) });
  });

  it('waits when the head of one version meets chunks of another', async () => {
    const issue = bigIssue(10);
    const older = await encodeDraft(issue);
    const newer = await encodeDraft({ ...issue, title: 'Renamed', clocks: { title: clock(99) } });
    const mixed = { ...older.items, [newer.key]: newer.items[newer.key] };
    expect(await decodeDraft(mixed, issue.id)).toMatchObject({ status: 'incomplete', reason: expect.stringMatching(/checksum/) });
  });

  it('does not apply a corrupted chunk', async () => {
    const issue = bigIssue(4);
    const { items, key } = await encodeDraft(issue);
    const chunk = String(items[chunkKey(key, 0)]);
    const corrupted = { ...items, [chunkKey(key, 0)]: (chunk[0] === 'A' ? 'B' : 'A') + chunk.slice(1) };
    expect(await decodeDraft(corrupted, issue.id)).toMatchObject({ status: 'incomplete' });
  });

  it.each<[string, (items: Record<string, unknown>, key: string) => Record<string, unknown>, RegExp]>([
    ['a head from a newer format', (items, key) => ({ ...items, [key]: { ...(items[key] as object), v: 2 } }), /format 2/],
    ['a head that is not an object', (items, key) => ({ ...items, [key]: 'head' }), /head object/],
    ['a chunk that is not a string', (items, key) => ({ ...items, [chunkKey(key, 0)]: 42 }), /string chunk/],
  ])('reports %s as invalid', async (_name, damage, error) => {
    const issue = makeIssue();
    const { items, key } = await encodeDraft(issue);
    expect(await decodeDraft(damage(items, key), issue.id)).toMatchObject({ status: 'invalid', error: expect.stringMatching(error) });
  });

  it('reports a complete record that is not an issue, or is another issue, as invalid', async () => {
    const settings = await encodeSettings(DEFAULT_SETTINGS, clock(1));
    const asDraft = Object.fromEntries(Object.entries(settings.items).map(([key, value]) => [key.replace(/^s/, draftKey('issue-1')), value]));
    expect(await decodeDraft(asDraft, 'issue-1')).toMatchObject({ status: 'invalid' });

    const other = await encodeDraft(makeIssue({ id: 'other' }));
    const renamed = Object.fromEntries(Object.entries(other.items).map(([key, value]) => [key.replace(draftKey('other'), draftKey('issue-1')), value]));
    expect(await decodeDraft(renamed, 'issue-1')).toMatchObject({ status: 'invalid', error: expect.stringMatching(/holds issue other/) });
  });

  it('reports a draft that fails the schema as invalid', async () => {
    const broken = makeIssue({ items: [makeItem({ url: 'not a url' })] });
    const { items } = await encodeDraft(broken);
    expect(await decodeDraft(items, broken.id)).toMatchObject({ status: 'invalid', error: expect.stringMatching(/absolute URL/) });
  });

  it('ignores foreign keys and says when the draft is absent', async () => {
    const issue = makeIssue();
    const { items } = await encodeDraft(issue);
    const area = { ...items, 'someone-else': { big: 'x'.repeat(100) }, 'd:issue-1:zz': 1, [`${draftKey(issue.id)}:7`]: 'stale' };
    expect(await decodeDraft(area, issue.id)).toMatchObject({ status: 'complete', value: issue });
    expect(await decodeDraft(area, 'nobody')).toEqual({ status: 'absent' });
  });
});

describe('settings and featured keys', () => {
  it('round-trip', async () => {
    const settings = { ...DEFAULT_SETTINGS, newsletterName: 'Deep Learning Weekly 🧠' };
    const encodedSettings = await encodeSettings(settings, clock(3));
    expect(Object.keys(encodedSettings.items)).toEqual([SETTINGS_KEY, `${SETTINGS_KEY}:0`]);
    expect(await decodeSettings(encodedSettings.items)).toMatchObject({ status: 'complete', value: settings, head: { at: clock(3) } });

    const list = Array.from({ length: 60 }, (_, index) => featuredIssue(index));
    const featured = await encodeFeaturedKeys(list, clock(60));
    expect(await decodeFeaturedKeys(featured.items)).toMatchObject({ status: 'complete', value: list, head: { at: clock(60) } });
    expect(featured.key).toBe(FEATURED_KEY);
  });

  it('carries the house style with the settings, and tells settings written without one from the default style', async () => {
    const styled = { ...DEFAULT_SETTINGS, houseStyle: { preset: 'quote' as const, templates: { md: '# {{ issue.title }}' } } };
    expect(await decodeSettings((await encodeSettings(styled, clock(4))).items)).toMatchObject({ status: 'complete', value: styled });
    const { houseStyle: _kept, ...withoutStyle } = styled;
    const decoded = await decodeSettings((await encodeSettings(withoutStyle, clock(5))).items);
    expect(decoded).toMatchObject({ status: 'complete', value: withoutStyle });
    expect(decoded.status === 'complete' && Object.hasOwn(decoded.value, 'houseStyle')).toBe(false);
    const bad = await encodeRecord(SETTINGS_KEY, { ...DEFAULT_SETTINGS, houseStyle: { preset: 'fancy' } }, clock(6));
    // A style that cannot be read costs the settings their style only; the receiver says so and keeps its own.
    const { houseStyle: _default, ...rest } = DEFAULT_SETTINGS;
    expect(await decodeSettings(bad.items)).toEqual({ status: 'complete', head: bad.head,
      value: { ...rest, houseStyleProblem: 'expected one of the presets heading, quote, bullets, digest, got "fancy"' } });
    const garbage = await encodeRecord(SETTINGS_KEY, { ...DEFAULT_SETTINGS, houseStyle: { preset: 'quote' }, summaryLength: -1 }, clock(7));
    expect(await decodeSettings(garbage.items)).toMatchObject({ status: 'invalid', error: expect.stringMatching(/^s: settings\.summaryLength/) });
  });

  it('splits a long list of featured keys into chunks under the per-item quota, and writes the same bytes whatever the order', async () => {
    const list = Array.from({ length: 300 }, (_, index) => featuredIssue(index));
    const record = await encodeFeaturedKeys(list, clock(300));
    expect(record.head.n).toBeGreaterThan(1);
    for (const [key, value] of Object.entries(record.items)) expect(chromeBytes(key, value)).toBeLessThanOrEqual(SYNC_QUOTA.itemBytes);
    expect((await encodeFeaturedKeys(list.toReversed(), clock(300))).items).toEqual(record.items);
    expect(await decodeFeaturedKeys(record.items)).toMatchObject({ status: 'complete', value: list });
  });

  it.each<[string, unknown]>([
    ['settings in the featured record', DEFAULT_SETTINGS],
    ['a list of strings (an older layout)', ['example.com/a']],
    ['a fingerprint of the wrong length', [{ ...featuredIssue(1), sections: [{ name: 'News', links: 'abc' }] }]],
    ['a record without a clock', [{ ...featuredIssue(1), at: 'yesterday' }]],
  ])('refuses %s', async (_name, value) => {
    const { items } = await encodeRecord(FEATURED_KEY, value, clock(1));
    expect(await decodeFeaturedKeys(items)).toMatchObject({ status: 'invalid', error: expect.stringMatching(/^f: featured/) });
  });
});

describe('parseSyncKey', () => {
  it.each<[string, ReturnType<typeof parseSyncKey>]>([
    ['d:issue-1', { record: { kind: 'draft', issueId: 'issue-1' }, recordKey: 'd:issue-1', chunk: null }],
    ['d:issue-1:12', { record: { kind: 'draft', issueId: 'issue-1' }, recordKey: 'd:issue-1', chunk: 12 }],
    ['d:a%3Ab:0', { record: { kind: 'draft', issueId: 'a:b' }, recordKey: 'd:a%3Ab', chunk: 0 }],
    ['s', { record: { kind: 'settings' }, recordKey: 's', chunk: null }],
    ['f:3', { record: { kind: 'featured' }, recordKey: 'f', chunk: 3 }],
    ['d:', null], ['d:a:b:1', null], ['d:a:01', null], ['d:%61', null], ['d:%E0%A4%A', null], ['settings', null], ['x:1', null],
  ])('reads %s', (key, expected) => {
    expect(parseSyncKey(key)).toEqual(expected);
  });
});

describe('staleChunkKeys', () => {
  it('lists the chunks past the new count, and only this record\u2019s', async () => {
    const record = await encodeDraft(makeIssue());
    const present = [record.key, ...[0, 1, 2, 3].map((index) => chunkKey(record.key, index)), 'd:other:5', 's:4', 'foreign'];
    expect(staleChunkKeys(present, record)).toEqual([1, 2, 3].map((index) => chunkKey(record.key, index)));
  });
});

describe('syncItemBytes', () => {
  it.each<[string, string, unknown, number]>([
    ['ASCII', 'k', 'abc', 1 + 5],
    ['a two-byte letter', 'k', 'é', 1 + 4],
    ['CJK', 'k', '中文', 1 + 8],
    ['an emoji (a surrogate pair)', 'k', '😀', 1 + 6],
    ['a multi-byte key', 'ключ', 1, 8 + 1],
    ['< as Chromium escapes it', 'k', '<', 1 + 8],
    ['a lone surrogate, escaped by JSON', 'k', '\ud800', 1 + 8],
    ['an object', 'k', { v: 1, n: 2 }, 1 + 13],
  ])('counts %s', (_name, key, value, expected) => {
    expect(syncItemBytes(key, value)).toBe(expected);
  });
});
