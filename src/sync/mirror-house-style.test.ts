/**
 * The house style through sync, with the real settings source on IndexedDB (fake-indexeddb) on two devices
 * sharing one area: a style too big for the settings' share stays on its device (and the status says so)
 * while the rest syncs; a style from another device that does not render is refused, the local one stays.
 */
import { describe, expect, it } from 'vitest';
import { createClock, formatHlc, tickHlc, type ClockState } from '../core/hlc.ts';
import type { HouseStyle } from '../core/house-style.ts';
import { DEFAULT_SETTINGS, type Settings } from '../core/model.ts';
import { SETTINGS_BUDGET } from '../core/sync-budget.ts';
import { SETTINGS_KEY, decodeSettings, encodeRecord, encodeSettings } from '../core/sync-codec.ts';
import type { RoundupDatabase } from '../storage/db.ts';
import { openTestDb } from '../storage/open-test-db.ts';
import { getSettings, putSettings } from '../storage/settings-repo.ts';
import { buildSyncStatusView } from './build-status-view.ts';
import { createSyncedSettings } from './idb/synced-settings.ts';
import { ManualScheduler } from './manual-scheduler.ts';
import { MemorySyncArea } from './memory-sync-area.ts';
import { SyncMirror } from './mirror.ts';

const START = Date.UTC(2026, 10, 20);

/** Text that deflates poorly (a fixed pseudo-random walk over letters), as a template of that size. */
function incompressible(length: number): string {
  let seed = 42;
  let text = '';
  while (text.length < length) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    text += String.fromCharCode(97 + (seed % 26));
  }
  return text;
}

const BIG: HouseStyle = { preset: 'quote', templates: { text: `{{ issue.title }}\n${incompressible(19_000)}` } };
const MINE: HouseStyle = { preset: 'digest', templates: { md: '# {{ issue.title }}' } };

class Device {
  readonly mirror: SyncMirror;
  private clock: ClockState;

  constructor(readonly name: string, readonly db: RoundupDatabase, time: ManualScheduler, area: MemorySyncArea) {
    this.clock = createClock(name);
    const stamp = async () => {
      const next = tickHlc(this.clock, time.now());
      this.clock = next.state;
      return next.hlc;
    };
    this.mirror = new SyncMirror({
      area, scheduler: time.scope(name), now: time.now, settings: createSyncedSettings(async () => db, stamp, time.now),
      store: { listMirroredIssues: async () => [], getIssue: async () => undefined, putIssue: async () => { throw new Error('no drafts here'); } },
    });
  }

  async settings(): Promise<Settings> {
    return (await getSettings(this.db)).settings;
  }

  notices(): string[] {
    return buildSyncStatusView({ status: this.mirror.getStatus(), storedLastSyncedAt: null, choices: new Map(), issues: [], choicesError: null }).notices;
  }
}

async function settle(time: ManualScheduler, ms: number, ...devices: Device[]): Promise<void> {
  await time.advance(ms);
  for (const device of devices) await device.mirror.whenIdle();
}

describe('the house style through sync', () => {
  it('keeps a style too big for the settings\' share on its device, says so, and syncs the rest without writing back and forth', async () => {
    const time = new ManualScheduler(START);
    const area = new MemorySyncArea(time.now);
    const a = new Device('a', await openTestDb(), time, area);
    const b = new Device('b', await openTestDb(), time, area);
    await putSettings(b.db, { ...DEFAULT_SETTINGS, newsletterName: 'B', houseStyle: MINE });
    b.mirror.start();
    await settle(time, 5_000, b);
    await putSettings(a.db, { ...DEFAULT_SETTINGS, newsletterName: 'The Weekly', houseStyle: BIG });
    a.mirror.start();
    await settle(time, 5_000, a, b);

    const written = await decodeSettings(area.snapshot());
    expect(written).toMatchObject({ status: 'complete', value: { newsletterName: 'The Weekly' } });
    expect(written.status === 'complete' && 'houseStyle' in written.value).toBe(false);
    const bytes = Object.entries(area.snapshot()).filter(([key]) => key === SETTINGS_KEY || key.startsWith(`${SETTINGS_KEY}:`))
      .reduce((total, [key, value]) => total + key.length + JSON.stringify(value).length, 0);
    expect(bytes).toBeLessThanOrEqual(SETTINGS_BUDGET.maxBytes);
    expect(a.mirror.getStatus().houseStyleLocalOnly?.bytes).toBeGreaterThan(SETTINGS_BUDGET.maxBytes);
    expect(a.notices()).toEqual([expect.stringMatching(/^Your house style’s templates are too big to sync \(\d+\.\d KB with the settings; sync keeps 8\.0 KB for them\), so they are kept on this device only\. The other settings sync; other devices keep their own house style\.$/)]);

    await settle(time, 60_000, a, b);
    expect(await a.settings()).toEqual({ ...DEFAULT_SETTINGS, newsletterName: 'The Weekly', houseStyle: BIG });
    expect(await b.settings()).toEqual({ ...DEFAULT_SETTINGS, newsletterName: 'The Weekly', houseStyle: MINE });
    expect(b.notices()).toEqual([]);
    const writes = area.calls.set;
    await settle(time, 600_000, a, b);
    expect(area.calls.set).toBe(writes);
  });

  it('refuses a style from another device that does not render, keeps its own, takes the rest, and says why', async () => {
    const time = new ManualScheduler(START);
    const area = new MemorySyncArea(time.now);
    const b = new Device('b', await openTestDb(), time, area);
    await putSettings(b.db, { ...DEFAULT_SETTINGS, houseStyle: MINE });
    const broken = { ...DEFAULT_SETTINGS, newsletterName: 'Theirs', houseStyle: { preset: 'quote' as const, templates: { md: '{% for x in %}' } } };
    await area.set((await encodeSettings(broken, formatHlc({ ms: START + 1_000, counter: 0, deviceId: 'elsewhere' }))).items);
    await time.advance(1_000);
    b.mirror.start();
    await settle(time, 5_000, b);
    expect(await b.settings()).toEqual({ ...DEFAULT_SETTINGS, newsletterName: 'Theirs', houseStyle: MINE });
    expect(b.notices()).toEqual([expect.stringMatching(/^The settings from another device brought a house style that was not taken, because the Markdown template does not work \(line 1, column 1: .+\); this device keeps its own\. The rest was applied\.$/)]);
  });

  it('refuses a style from another device that cannot be read, in the same words, and takes the rest', async () => {
    const time = new ManualScheduler(START);
    const area = new MemorySyncArea(time.now);
    const b = new Device('b', await openTestDb(), time, area);
    await putSettings(b.db, { ...DEFAULT_SETTINGS, houseStyle: MINE });
    const unreadable = { ...DEFAULT_SETTINGS, newsletterName: 'Theirs', houseStyle: { preset: 'quote', templates: { md: 42 } } };
    await area.set((await encodeRecord(SETTINGS_KEY, unreadable, formatHlc({ ms: START + 1_000, counter: 0, deviceId: 'elsewhere' }))).items);
    await time.advance(1_000);
    b.mirror.start();
    await settle(time, 5_000, b);
    expect(await b.settings()).toEqual({ ...DEFAULT_SETTINGS, newsletterName: 'Theirs', houseStyle: MINE });
    expect(b.notices()).toEqual(['The settings from another device brought a house style that was not taken, because it could not be read (expected the Markdown template as text); '
      + 'this device keeps its own. The rest was applied.']);
  });
});
