import { afterEach, describe, expect, it } from 'vitest';
import { formatHlc } from '../../core/hlc.ts';
import { DEFAULT_SETTINGS, type Hlc } from '../../core/model.ts';
import type { RoundupDatabase } from '../../storage/db.ts';
import { openTestDb } from '../../storage/open-test-db.ts';
import { getSettings, putSettings } from '../../storage/settings-repo.ts';
import { createSyncedSettings } from './synced-settings.ts';

const clock = (ms: number, deviceId = 'here') => formatHlc({ ms, counter: 0, deviceId });

let db: RoundupDatabase;
afterEach(() => db.close());

async function source() {
  db = await openTestDb();
  let ms = 1_000;
  const stamps: Hlc[] = [];
  const settings = createSyncedSettings(async () => db, async () => {
    const at = clock(ms++);
    stamps.push(at);
    return at;
  });
  return { settings, stamps };
}

describe('settings as a synced value', () => {
  it('offers nothing while the settings were never saved on this device', async () => {
    const { settings, stamps } = await source();
    expect(await settings.read()).toBeUndefined();
    expect(stamps).toEqual([]);
  });

  it('stamps saved settings once, and again only after they change', async () => {
    const { settings, stamps } = await source();
    await putSettings(db, { ...DEFAULT_SETTINGS, newsletterName: 'Weekly' });
    const first = await settings.read();
    expect(first).toEqual({ value: { ...DEFAULT_SETTINGS, newsletterName: 'Weekly' }, at: clock(1_000) });
    expect(await settings.read()).toEqual(first);
    await putSettings(db, { ...DEFAULT_SETTINGS, newsletterName: 'Daily' });
    expect(await settings.read()).toMatchObject({ value: { newsletterName: 'Daily' }, at: clock(1_001) });
    expect(stamps).toHaveLength(2);
  });

  it('takes newer settings from another device and keeps their clock', async () => {
    const { settings } = await source();
    await putSettings(db, { ...DEFAULT_SETTINGS, newsletterName: 'Mine' });
    await settings.read();
    await settings.apply({ ...DEFAULT_SETTINGS, newsletterName: 'Theirs' }, clock(5_000, 'there'));
    expect((await getSettings(db)).settings.newsletterName).toBe('Theirs');
    expect(await settings.read()).toMatchObject({ at: clock(5_000, 'there') });
  });

  it('keeps its own settings against older ones, including an edit not stamped yet', async () => {
    const { settings } = await source();
    await putSettings(db, { ...DEFAULT_SETTINGS, newsletterName: 'Stamped' });
    await settings.read();
    await settings.apply({ ...DEFAULT_SETTINGS, newsletterName: 'Old' }, clock(500, 'there'));
    expect((await getSettings(db)).settings.newsletterName).toBe('Stamped');
    // Edited here after the last stamp: the edit gets a clock when compared, newer than what arrives.
    await putSettings(db, { ...DEFAULT_SETTINGS, newsletterName: 'Edited here' });
    await settings.apply({ ...DEFAULT_SETTINGS, newsletterName: 'Theirs' }, clock(1_000, 'there'));
    expect((await getSettings(db)).settings.newsletterName).toBe('Edited here');
  });

  it('fills a fresh device with the settings another device chose', async () => {
    const { settings } = await source();
    await settings.apply({ ...DEFAULT_SETTINGS, newsletterName: 'Theirs' }, clock(10, 'there'));
    expect((await getSettings(db)).settings.newsletterName).toBe('Theirs');
  });

  // Issue 13: a stamp saved before the clock rule (or by a wrong wall clock) would win over every other device's settings.
  it('stamps the settings anew when their saved stamp runs more than a day ahead', async () => {
    db = await openTestDb();
    const settings = createSyncedSettings(async () => db, async () => clock(5_000), () => 5_000);
    await putSettings(db, { ...DEFAULT_SETTINGS, newsletterName: 'Weekly' });
    await db.put('meta', { json: JSON.stringify({ ...DEFAULT_SETTINGS, newsletterName: 'Weekly' }), at: 'zzzzzzzzz:zzzz:evil' }, 'syncSettingsStamp');
    expect(await settings.read()).toMatchObject({ at: clock(5_000) });
  });

  describe('the house style', () => {
    const mine = { preset: 'digest' as const, templates: { text: '{{ issue.title }}' } };
    const theirs = { preset: 'quote' as const, templates: { md: '# {{ issue.title }}' } };

    it('takes another device\'s house style that renders', async () => {
      const { settings } = await source();
      await putSettings(db, { ...DEFAULT_SETTINGS, houseStyle: mine });
      await settings.read();
      expect(await settings.apply({ ...DEFAULT_SETTINGS, houseStyle: theirs }, clock(5_000, 'there'))).toBeUndefined();
      expect((await getSettings(db)).settings.houseStyle).toEqual(theirs);
    });

    it('refuses a house style that does not render, keeps its own, takes the rest, and says why', async () => {
      const { settings } = await source();
      await putSettings(db, { ...DEFAULT_SETTINGS, houseStyle: mine });
      await settings.read();
      const broken = { preset: 'quote' as const, templates: { html: '<p>{{ issue.title | shout }}</p>' } };
      const refused = await settings.apply({ ...DEFAULT_SETTINGS, newsletterName: 'Theirs', houseStyle: broken }, clock(5_000, 'there'));
      expect(refused).toBe('brought a house style that was not taken, because the HTML template does not work (line 1, column 4: unknown filter "shout"); this device keeps its own');
      expect((await getSettings(db)).settings).toEqual({ ...DEFAULT_SETTINGS, newsletterName: 'Theirs', houseStyle: mine });
      // The refusal is not an edit here: the clock stays the other device's, so this device does not write back over it.
      expect(await settings.read()).toMatchObject({ at: clock(5_000, 'there') });
    });

    it('keeps its own house style when the other device kept its style to itself', async () => {
      const { settings } = await source();
      await putSettings(db, { ...DEFAULT_SETTINGS, houseStyle: mine });
      await settings.read();
      const { houseStyle: _kept, ...withoutStyle } = { ...DEFAULT_SETTINGS, newsletterName: 'Theirs' };
      expect(await settings.apply(withoutStyle, clock(5_000, 'there'))).toBeUndefined();
      expect((await getSettings(db)).settings).toEqual({ ...DEFAULT_SETTINGS, newsletterName: 'Theirs', houseStyle: mine });
    });
  });
});

