/**
 * Issue 13 in Chromium: what a broken or hostile device can put in the sync area (written with
 * `Extensions.setStorageItems`) and in a file (through the settings page's real Import), against two
 * profiles running the built extension. Each finding is a case with its own issues: editing and syncing
 * go on, nothing live is lost, and the status line or the import says something a person understands.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc, parseHlc } from '../../src/core/hlc.ts';
import { liveItems } from '../../src/core/live-parts.ts';
import { latestClockOf } from '../../src/core/merge.ts';
import type { Issue } from '../../src/core/model.ts';
import { positionsForCount } from '../../src/core/position.ts';
import { decodeDraft, draftKey, encodeDraft, encodeRecord } from '../../src/core/sync-codec.ts';
import { call, deliver, openDevice, statusLine, storedIssue, storedWhen, syncArea, until, writeSyncArea, type Device } from './sync-devices.ts';

const SEED = resolve(import.meta.dirname, '../fixtures/issue-206.json');
const DAY = 24 * 60 * 60 * 1000;
const EVIL = 'zzzzzzzzz:zzzy:evil';
const MAXIMUM = 'zzzzzzzzz:zzzz:x';
const YEAR_2500 = formatHlc({ ms: Date.UTC(2500, 0, 1), counter: 0, deviceId: 'evil' });
/** What must never reach the editor: a clock, a record key, a schema path, the old failure. */
const NOT_FOR_PEOPLE = /[0-9a-z]{9}:[0-9a-z]{4}|\bd:|issue\.|\.clocks|expected|exhausted|QUOTA|Error/;

let a: Device;
let b: Device;

beforeAll(async () => {
  [a, b] = [await openDevice('A'), await openDevice('B')];
});

afterAll(async () => {
  await a?.browser.close();
  await b?.browser.close();
});

/** A draft made on `device` through its messages, with `items` items. */
async function draftOn(device: Device, items = 2): Promise<Issue> {
  let issue = await call(device, 'issue/create', {});
  for (let index = 0; index < items; index++) {
    ({ issue } = await call(device, 'item/add', {
      tabId: null, issueId: issue.id, sectionId: issue.sections[0]?.id ?? '',
      fields: { url: `https://example.org/${issue.id}/${index}`, canonicalUrl: null, title: `Story ${index}`, summary: 'Two sentences.',
        note: '', site: 'example.org', authors: [], publishedAt: null, image: null, kind: 'article' },
    }));
  }
  return issue;
}

/** The device's own record of the issue, once it is in its area and satisfies `done`. */
async function syncedOn(device: Device, issueId: string, done: (issue: Issue) => boolean = () => true): Promise<Issue> {
  const decoded = await until(`${device.name}'s record of ${issueId}`, async () => decodeDraft(await syncArea(device), issueId),
    (result) => result.status === 'complete' && done(result.value));
  if (decoded.status !== 'complete') throw new Error('unreachable');
  return decoded.value;
}

/** Editing goes on: an edit is stored, wins over everything the device holds, and leaves in its record. */
async function expectEditingGoesOn(device: Device, issueId: string): Promise<void> {
  const tagline = `Edited on ${device.name} at ${Date.now()}`;
  const edited = await call(device, 'issue/update', { issueId, patch: { tagline } });
  expect(edited.clocks.tagline).toBe(latestClockOf(edited));
  const synced = await syncedOn(device, issueId, (issue) => issue.tagline === tagline);
  expect(parseHlc(latestClockOf(synced))?.ms).toBeLessThan(Date.now() + DAY);
}

async function expectStatus(device: Device, text: string | RegExp): Promise<string> {
  let line = '';
  await expect.poll(async () => (line = await statusLine(device)), { timeout: 20_000 }).toMatch(text).catch(async (error: unknown) => {
    // What the mirror holds, to tell a slow run from a lost note.
    console.error('sync status', await call(device, 'sync/status', {}), await device.browser.inWorker(() => new Promise((done) => {
      const request = indexedDB.open('roundup');
      request.onsuccess = () => { const read = request.result.transaction('meta').objectStore('meta').get('syncMirrorMemory'); read.onsuccess = () => done(read.result); };
    }), undefined));
    throw error;
  });
  expect(line).not.toMatch(NOT_FOR_PEOPLE);
  return line;
}

async function importFile(device: Device, name: string, file: unknown): Promise<void> {
  await device.page.getByLabel('Import a backup or issue file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
}

/** The seed issue 206 (20 items, no clocks, as a hand-written file) under an id of its own. */
function seedIssue(id: string): { format: string; version: number; issue: Issue } {
  const file = JSON.parse(readFileSync(SEED, 'utf8')) as { format: string; version: number; issue: Issue };
  return { ...file, issue: { ...file.issue, id, number: 2000 + Math.floor(Math.random() * 1000) } };
}

describe('hostile sync and import in Chromium (issue 13)', () => {
  it('1. a tagline stamped zzzzzzzzz:zzzy:evil wedges nothing and does not spread', async () => {
    const held = await draftOn(b);
    await syncedOn(b, held.id);
    await writeSyncArea(b, (await encodeDraft({ ...held, tagline: 'Evil', clocks: { ...held.clocks, tagline: EVIL } })).items);
    await expectStatus(b, new RegExp(`Some edits in issue #${held.number} .*from another device are dated more than a day ahead of this device’s clock, so they were not applied`));
    expect((await storedIssue(b, held.id))?.tagline).toBe('');
    await expectEditingGoesOn(b, held.id);
    const another = await call(b, 'issue/create', {});
    await call(b, 'item/add', { tabId: null, issueId: another.id, sectionId: another.sections[0]?.id ?? '', fields: {
      url: 'https://example.org/after', canonicalUrl: null, title: 'After', summary: '', note: '', site: '', authors: [], publishedAt: null, image: null, kind: 'article' } });
    // B's record reaches A, whose clock and editing stay sound.
    await deliver(b, a, (key) => key.startsWith(draftKey(held.id)));
    await storedWhen(a, held.id, () => true);
    await expectEditingGoesOn(a, held.id);
  });

  it('2. the largest clock there is stops no sync run: B\u2019s edits keep leaving', async () => {
    const held = await draftOn(b);
    await syncedOn(b, held.id);
    await writeSyncArea(b, (await encodeDraft({ ...held, title: 'Max', clocks: { ...held.clocks, title: MAXIMUM, deleted: MAXIMUM }, deleted: MAXIMUM })).items);
    await expectStatus(b, new RegExp(`Some edits in issue #${held.number} .*dated more than a day ahead`));
    expect((await storedIssue(b, held.id))?.deleted).toBeUndefined();
    await expectEditingGoesOn(b, held.id);
    await expectEditingGoesOn(b, held.id);
  });

  it('3. a record that cannot be merged is set aside; the rest of the run is applied and B\u2019s edits go out', async () => {
    const held = await draftOn(b);
    await syncedOn(b, held.id);
    const sections = positionsForCount(1_000).map((position, index) => ({ id: `there-${index}`, name: '', position, clocks: {} }));
    const tooMany = await encodeDraft({ ...held, sections, items: [] });
    const fromA = await draftOn(a);
    await writeSyncArea(b, { ...tooMany.items, ...(await encodeDraft(fromA)).items });
    await storedWhen(b, fromA.id, (issue) => liveItems(issue).length === 2);
    const line = await expectStatus(b, new RegExp(`Issue #${held.number} .*could not be merged: together with the copy on this device it would hold 1,004 sections`));
    expect(line).toMatch(/It was set aside; the rest of sync goes on/);
    expect((await storedIssue(b, held.id))?.sections).toHaveLength(4);
    await expectEditingGoesOn(b, held.id);
  });

  it('4. a title stamped in the year 2500 never reverts the editor\u2019s fix', async () => {
    const held = await draftOn(b);
    await syncedOn(b, held.id);
    const bad = await encodeDraft({ ...held, title: 'Bad title', clocks: { ...held.clocks, title: YEAR_2500 } });
    const ordinaryHead = { ...bad.items, [draftKey(held.id)]: { ...bad.head, at: latestClockOf(held) } };
    await writeSyncArea(b, ordinaryHead);
    await expectStatus(b, new RegExp(`Some edits in issue #${held.number} .*dated more than a day ahead`));
    await call(b, 'issue/update', { issueId: held.id, patch: { title: 'Fixed by the editor' } });
    await syncedOn(b, held.id, (issue) => issue.title === 'Fixed by the editor');
    for (let resend = 0; resend < 2; resend++) {
      await writeSyncArea(b, ordinaryHead);
      await syncedOn(b, held.id, (issue) => issue.title === 'Fixed by the editor');
      expect((await storedIssue(b, held.id))?.title).toBe('Fixed by the editor');
    }
  });

  it('5. removals dated 40 days ago wipe no item of an imported issue; a recent one is undone', async () => {
    const file = seedIssue('iss-206-finding-5');
    await importFile(b, 'issue-206.json', file);
    await b.page.getByRole('button', { name: 'Import', exact: true }).click();
    await b.page.getByText(/Imported “issue-206.json”: 1 new issue/).waitFor();
    const stored = await storedWhen(b, file.issue.id, () => true);
    const slow = formatHlc({ ms: Date.now() - 40 * DAY, counter: 0, deviceId: 'slow' });
    await writeSyncArea(b, (await encodeDraft({ ...stored, items: stored.items.map((item) => ({ ...item, deleted: slow, clocks: { deleted: slow } })) })).items);
    await expectStatus(b, new RegExp(`Issue #${file.issue.number} .*removed 20 items or sections more than 30 days ago by its clock; they were kept here`));
    expect(liveItems(await storedIssue(b, file.issue.id) as Issue)).toHaveLength(20);
    // A removal of yesterday, from a device whose clock runs an hour ahead: applied, and undone from this device.
    const fast = formatHlc({ ms: Date.now() + 3_600_000, counter: 0, deviceId: 'fast' });
    const [first] = stored.items;
    await writeSyncArea(b, (await encodeDraft({ ...stored, items: stored.items.map((item) => (item === first ? { ...item, deleted: fast, clocks: { deleted: fast } } : item)) })).items);
    await storedWhen(b, file.issue.id, (issue) => liveItems(issue).length === 19);
    const restored = await call(b, 'item/restore', { issueId: file.issue.id, itemId: first?.id ?? '' });
    expect(liveItems(restored)).toHaveLength(20);
  });

  it('6. an import whose file has the issue and its items removed hides nothing stored', async () => {
    const file = seedIssue('iss-206-finding-6');
    await importFile(b, 'issue-206.json', file);
    await b.page.getByRole('button', { name: 'Import', exact: true }).click();
    await b.page.getByText(/Imported “issue-206.json”: 1 new issue/).waitFor();
    const now = formatHlc({ ms: Date.now(), counter: 0, deviceId: 'file' });
    const removal = { deleted: now, clocks: { deleted: now } };
    await importFile(b, 'removed.json', { ...file, issue: { ...file.issue, ...removal, items: file.issue.items.map((item) => ({ ...item, ...removal })) } });
    await b.page.getByText(/Kept yours: 21 fields/).waitFor();
    await b.page.getByText('Nothing to import: everything in this file is already here.').waitFor();
    await b.page.getByRole('button', { name: 'Cancel' }).click();
    const stored = await storedIssue(b, file.issue.id) as Issue;
    expect(stored.deleted).toBeUndefined();
    expect(liveItems(stored)).toHaveLength(20);
  });

  it('7. importing a file with the largest clock says it was imported, and editing goes on', async () => {
    const file = seedIssue('iss-206-finding-7');
    // A draft, so that it syncs: the seed itself was published years ago.
    await importFile(b, 'max-clock.json', { ...file, issue: { ...file.issue, status: 'draft', publishedAt: null, clocks: { tagline: MAXIMUM, title: EVIL } } });
    await b.page.getByText(/in the file carries edit times more than a day ahead of this device’s clock/).waitFor();
    await b.page.getByRole('button', { name: 'Import', exact: true }).click();
    const done = await b.page.getByText(/Imported “max-clock.json”/).innerText();
    expect(done).toMatch(/^Imported “max-clock.json”: 1 new issue/);
    expect(await b.page.getByRole('alert').count()).toBe(0);
    const stored = await storedWhen(b, file.issue.id, () => true);
    expect(JSON.stringify(stored)).not.toMatch(/zzzzzzzzz/);
    await expectEditingGoesOn(b, file.issue.id);
    // And an undo after a removal stamped ahead of B's clock wins, with no clock in any answer.
    const fast = formatHlc({ ms: Date.now() + 20 * 3_600_000, counter: 0, deviceId: 'fast' });
    const [first] = stored.items;
    await writeSyncArea(b, (await encodeDraft({ ...stored, items: stored.items.map((item) => (item === first ? { ...item, deleted: fast, clocks: { deleted: fast } } : item)) })).items);
    await storedWhen(b, file.issue.id, (issue) => issue.items.some((item) => item.deleted !== undefined));
    expect(liveItems(await call(b, 'item/restore', { issueId: file.issue.id, itemId: first?.id ?? '' }))).toHaveLength(20);
  });

  it('9. an unreadable record under B\u2019s draft key is overwritten with B\u2019s copy, and the draft keeps syncing', async () => {
    const held = await draftOn(b);
    const synced = await syncedOn(b, held.id);
    await writeSyncArea(b, (await encodeRecord(draftKey(held.id), [1, 'not a packed issue'], latestClockOf(synced))).items);
    await expectStatus(b, new RegExp(`Issue #${held.number} .*from another device could not be read, so it was set aside\\. This device’s copy is synced in its place\\.`));
    await syncedOn(b, held.id);
    await expectEditingGoesOn(b, held.id);
    await deliver(b, a, (key) => key.startsWith(draftKey(held.id)));
    await storedWhen(a, held.id, (issue) => issue.tagline.startsWith('Edited on B'));
  });
});
