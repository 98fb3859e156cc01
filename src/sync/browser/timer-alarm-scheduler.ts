/**
 * The mirror's scheduler in a service worker: `setTimeout` for short waits (the debounce, the pause for
 * a write's chunks to arrive), `alarms` for long ones (back-off, repair, a half-arrived record's grace),
 * because an idle worker is stopped after about 30 seconds and its timers die with it; an alarm wakes it.
 * A worker woken by an alarm no longer holds the job, but it has started the mirror, which reconciles
 * everything at start: the alarm only had to wake it.
 */
import type { SyncScheduler } from '../ports.ts';

export const SYNC_ALARM_PREFIX = 'roundup-sync:';
/** Waits from this long use an alarm; below it the worker is still awake (it just handled an event). */
export const ALARM_FROM_MS = 20_000;

export interface AlarmsPort {
  create(name: string, info: { when: number }): Promise<void> | void;
  clear(name: string): Promise<boolean> | void;
}

interface Job {
  run: () => Promise<void>;
  timer: ReturnType<typeof setTimeout> | null;
}

export class TimerAlarmScheduler implements SyncScheduler {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly alarms: AlarmsPort, private readonly now: () => number, private readonly onError: (error: unknown) => void) {}

  schedule(job: string, delayMs: number, run: () => Promise<void>): void {
    this.cancel(job);
    if (delayMs < ALARM_FROM_MS) {
      this.jobs.set(job, { run, timer: setTimeout(() => this.fire(job), Math.max(0, delayMs)) });
    } else {
      this.jobs.set(job, { run, timer: null });
      this.call(() => this.alarms.create(SYNC_ALARM_PREFIX + job, { when: this.now() + delayMs }));
    }
  }

  cancel(job: string): void {
    const pending = this.jobs.get(job);
    if (pending === undefined) return;
    this.jobs.delete(job);
    if (pending.timer !== null) clearTimeout(pending.timer);
    else this.call(() => this.alarms.clear(SYNC_ALARM_PREFIX + job));
  }

  /** From `alarms.onAlarm`; says whether the alarm was one of this scheduler's. */
  handleAlarm(name: string): boolean {
    if (!name.startsWith(SYNC_ALARM_PREFIX)) return false;
    this.fire(name.slice(SYNC_ALARM_PREFIX.length));
    return true;
  }

  private fire(job: string): void {
    const pending = this.jobs.get(job);
    if (pending === undefined) return;
    this.jobs.delete(job);
    pending.run().catch(this.onError);
  }

  private call(action: () => Promise<unknown> | void): void {
    Promise.resolve().then(action).catch(this.onError);
  }
}
