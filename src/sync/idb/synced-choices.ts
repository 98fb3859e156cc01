/**
 * The "sync this issue" switches, shared by every device: the user decides once, not once per browser.
 * Each switch is one small key in the sync area, `o:<issue id>` → `{sync, at}`, merged last-writer-wins
 * by its clock, so two devices flipping it at the same time agree on the later flip. One key per issue
 * keeps every switch far under the per-key quota, and a key lost from the area (Chrome empties the area
 * when sync first starts) is written back from this device's copy in IndexedDB, the source of truth.
 * A switch turned back on is kept for 30 days, like a tombstone, then forgotten everywhere. A switch from
 * another device stamped more than a day ahead of this device's clock is not taken (core/clock-trust.ts).
 */
import * as v from 'valibot';
import { isClockAhead, maxHlc, parseHlc, ZERO_HLC } from '../../core/hlc.ts';
import type { Hlc } from '../../core/model.ts';
import { afterSettling } from '../../core/rejections.ts';
import { TOMBSTONE_LIFETIME_MS } from '../../core/tombstones.ts';
import type { RoundupDatabase } from '../../storage/db.ts';
import { getSyncChoices, syncChoiceSchema, updateSyncChoices, type SyncChoice, type SyncChoices } from './choices-repo.ts';
import type { SyncArea } from '../ports.ts';
import { describeError } from '../quota-errors.ts';

const PREFIX = 'o:';

export function choiceKey(issueId: string): string {
  return `${PREFIX}${encodeURIComponent(issueId)}`;
}

/** The issue id of a switch's key, or null for any other key. */
export function parseChoiceKey(key: string): string | null {
  if (!key.startsWith(PREFIX)) return null;
  try {
    const issueId = decodeURIComponent(key.slice(PREFIX.length));
    return choiceKey(issueId) === key ? issueId : null;
  } catch {
    return null;
  }
}

export interface SyncedChoicesDeps {
  area: SyncArea;
  db: () => Promise<RoundupDatabase>;
  /** The device clock: a new clock for a local flip. */
  stamp: () => Promise<Hlc>;
  /** Told the newest clock applied from another device. */
  observeClock: (at: Hlc) => Promise<void>;
  now: () => number;
  /** A switch changed, here or from another device: the mirror must look again. */
  onChange: () => void;
}

export class SyncedChoices {
  private queue: Promise<void> = Promise.resolve();
  private problem: string | null = null;
  private ahead = 0;

  constructor(private readonly deps: SyncedChoicesDeps) {}

  async list(): Promise<SyncChoices> {
    return getSyncChoices(await this.deps.db());
  }

  /** Why the switches could not be synced last time, in plain words; null when they were. */
  get error(): string | null {
    return this.problem;
  }

  /** What was not taken from other devices, in plain words. */
  get notices(): string[] {
    if (this.ahead === 0) return [];
    const what = this.ahead === 1 ? 'A \u201cSync this issue\u201d switch from another device is'
      : `${this.ahead} \u201cSync this issue\u201d switches from another device are`;
    return [`${what} dated more than a day ahead of this device\u2019s clock, so ${this.ahead === 1 ? 'it was' : 'they were'} not applied. `
      + 'Check the date and time on your devices.'];
  }

  /** The user flipped the switch on this device. The area is written at once: flips are rare. */
  set(issueId: string, sync: boolean): Promise<void> {
    return this.serially(async () => {
      const choice = { sync, at: await this.deps.stamp() };
      await updateSyncChoices(await this.deps.db(), (current) => new Map(current).set(issueId, choice));
      this.deps.onChange();
      await this.writeToArea({ [choiceKey(issueId)]: choice }, []);
    });
  }

  /** Takes newer switches from the area, writes back the ones it lacks or holds older, forgets expired ones. */
  reconcile(): Promise<void> {
    return this.serially(async () => {
      const area = await this.deps.area.get(null);
      const nowMs = this.deps.now();
      const incoming = new Map<string, SyncChoice>();
      let ahead = 0;
      for (const [key, value] of Object.entries(area)) {
        const issueId = parseChoiceKey(key);
        const parsed = issueId === null ? null : v.safeParse(syncChoiceSchema, value);
        if (issueId === null || !parsed?.success) continue;
        if (isClockAhead(parsed.output.at, nowMs)) ahead += 1;
        else incoming.set(issueId, parsed.output);
      }
      this.ahead = ahead;
      // Before anything is stored: a flip made next must be later than every switch taken.
      const newest = [...incoming.values()].reduce<Hlc>((latest, choice) => maxHlc(latest, choice.at), ZERO_HLC);
      if (newest !== ZERO_HLC) await this.deps.observeClock(newest);
      // This device's own switches stamped far ahead (saved before the clock rule) are stamped anew.
      const stored = await getSyncChoices(await this.deps.db());
      const healAt = [...stored.values()].some((choice) => isClockAhead(choice.at, nowMs)) ? await this.deps.stamp() : null;
      const expired = (choice: SyncChoice) => this.isExpired(choice);
      let before: SyncChoices = new Map();
      const after = await updateSyncChoices(await this.deps.db(), (current) => {
        before = current;
        const next = new Map([...current].filter(([, choice]) => !expired(choice))
          .map(([issueId, choice]) => [issueId, healAt !== null && isClockAhead(choice.at, nowMs) ? { ...choice, at: healAt } : choice]));
        for (const [issueId, choice] of incoming) {
          const mine = next.get(issueId);
          if (expired(choice) || (mine !== undefined && mine.at >= choice.at)) continue;
          next.set(issueId, choice);
        }
        return next;
      });
      if ([...after].some(([issueId, choice]) => before.get(issueId)?.sync !== choice.sync)) this.deps.onChange();
      const toSet = Object.fromEntries([...after]
        .filter(([issueId, choice]) => incoming.get(issueId)?.at !== choice.at)
        .map(([issueId, choice]) => [choiceKey(issueId), choice]));
      const toRemove = [...incoming].filter(([, choice]) => expired(choice)).map(([issueId]) => choiceKey(issueId));
      await this.writeToArea(toSet, toRemove);
    });
  }

  private isExpired(choice: SyncChoice): boolean {
    return choice.sync && (parseHlc(choice.at)?.ms ?? 0) < this.deps.now() - TOMBSTONE_LIFETIME_MS;
  }

  private async writeToArea(toSet: Record<string, SyncChoice>, toRemove: string[]): Promise<void> {
    try {
      if (toRemove.length > 0) await this.deps.area.remove(toRemove);
      if (Object.keys(toSet).length > 0) await this.deps.area.set(toSet);
      this.problem = null;
    } catch (error) {
      // The switch is saved here; the next change in the area, or the next start, tries again.
      console.warn('Roundup sync: the sync area refused the switches:', describeError(error));
      this.problem = 'The browser\u2019s sync storage refused the \u201cSync this issue\u201d switch. It is saved on this device, '
        + 'and Roundup will try again at the next change.';
    }
  }

  private serially(work: () => Promise<void>): Promise<void> {
    const run = this.queue.then(work);
    this.queue = afterSettling(run, 'set() and reconcile() return the run: their callers get the failure');
    return run;
  }
}
