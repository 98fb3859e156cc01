import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../core/model.ts';
import type { RoundupDatabase } from './db.ts';
import { openTestDb } from './open-test-db.ts';
import { getSettings, putSettings } from './settings-repo.ts';

let db: RoundupDatabase;
afterEach(() => db.close());

const mine: Settings = { ...DEFAULT_SETTINGS, newsletterName: 'Deep Learning Weekly', summaryLength: 280, defaultSections: ['News'] };

describe('settings repository', () => {
  it('gives the defaults before anything was saved', async () => {
    db = await openTestDb();
    expect(await getSettings(db)).toEqual({ settings: DEFAULT_SETTINGS, problems: [], notices: [] });
  });

  it('reads back what was saved', async () => {
    db = await openTestDb();
    await putSettings(db, mine);
    expect(await getSettings(db)).toEqual({ settings: mine, problems: [], notices: [] });
  });

  it.each<[string, unknown, Partial<Settings>]>([
    ['keeps the valid fields of a damaged record', { ...mine, summaryLength: -5 }, { newsletterName: 'Deep Learning Weekly', defaultSections: ['News'], summaryLength: DEFAULT_SETTINGS.summaryLength }],
    ['ignores unknown fields', { ...mine, theme: 'dark' }, { newsletterName: 'Deep Learning Weekly', summaryLength: 280 }],
    ['falls back to the defaults for a record that is not an object', 'garbage', DEFAULT_SETTINGS],
  ])('%s and reports the problem', async (_name, stored, expected) => {
    db = await openTestDb();
    await db.put('settings', stored as Settings, 'settings');
    const { settings, problems } = await getSettings(db);
    expect(settings).toMatchObject(expected);
    expect(problems).toEqual([{ store: 'settings', key: 'settings', message: expect.stringMatching(/^settings/) }]);
    expect(await db.get('settings', 'settings')).toEqual(stored);
  });

  it('refuses invalid settings and keeps the saved ones', async () => {
    db = await openTestDb();
    await putSettings(db, mine);
    await expect(putSettings(db, { ...mine, summaryLength: 0 })).rejects.toMatchObject({ kind: 'corrupt', message: expect.stringMatching(/summaryLength/) });
    expect((await getSettings(db)).settings).toEqual(mine);
  });

  it('keeps a house style with the editor\'s own template', async () => {
    db = await openTestDb();
    const styled: Settings = { ...mine, houseStyle: { preset: 'quote', templates: { md: '# {{ issue.title }}\n' } } };
    await putSettings(db, styled);
    expect((await getSettings(db)).settings.houseStyle).toEqual(styled.houseStyle);
  });

  it('refuses a house style whose template does not render, naming the line and column, and keeps the saved one', async () => {
    db = await openTestDb();
    await putSettings(db, mine);
    const broken: Settings = { ...mine, houseStyle: { preset: 'heading', templates: { md: '# {{ issue.title }}\n{{ issue.titel }}' } } };
    await expect(putSettings(db, broken)).rejects.toMatchObject({
      kind: 'corrupt', message: 'Could not save the settings: the Markdown template does not work (line 2, column 4: unknown name "issue.titel").',
    });
    expect((await getSettings(db)).settings).toEqual(mine);
  });

  it.each<[string, unknown]>([
    ['an unknown preset', { preset: 'fancy', templates: {} }],
    ['a template that is not text', { preset: 'quote', templates: { html: 42 } }],
    ['an array', []],
  ])('falls back to the default house style for %s, keeps the other settings, and says so in words', async (_name, houseStyle) => {
    db = await openTestDb();
    await db.put('settings', { ...mine, houseStyle } as unknown as Settings, 'settings');
    const { settings, notices } = await getSettings(db);
    expect(settings).toEqual({ ...mine, houseStyle: DEFAULT_SETTINGS.houseStyle });
    expect(notices).toEqual([expect.stringMatching(/^The saved house style could not be read \(expected .*\), so exports use the heading preset\. Choose a style again/)]);
  });
});
