/**
 * A fake clock and scheduler for tests: time moves only when the test calls `advance`, and each
 * due job runs to completion (its promise awaited) before the next, in time order.
 */
import type { SyncScheduler } from './ports.ts';

interface Job {
  dueAt: number;
  run: () => Promise<void>;
}

export class ManualScheduler implements SyncScheduler {
  private time: number;
  private readonly jobs = new Map<string, Job>();

  constructor(startMs = 0) {
    this.time = startMs;
  }

  readonly now = (): number => this.time;

  schedule(job: string, delayMs: number, run: () => Promise<void>): void {
    this.jobs.set(job, { dueAt: this.time + Math.max(0, delayMs), run });
  }

  cancel(job: string): void {
    this.jobs.delete(job);
  }

  /** A view whose job names are prefixed, so several mirrors (devices) share one clock. */
  scope(prefix: string): SyncScheduler {
    return {
      schedule: (job, delayMs, run) => this.schedule(`${prefix}/${job}`, delayMs, run),
      cancel: (job) => this.cancel(`${prefix}/${job}`),
    };
  }

  /** When the named job will run, or undefined when none is pending. */
  dueAt(job: string): number | undefined {
    return this.jobs.get(job)?.dueAt;
  }

  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      // Let queued callbacks (the area's change events) schedule their jobs before looking.
      await Promise.resolve();
      const next = [...this.jobs].filter(([, job]) => job.dueAt <= end).sort(([, a], [, b]) => a.dueAt - b.dueAt)[0];
      if (next === undefined) break;
      const [name, job] = next;
      this.jobs.delete(name);
      this.time = Math.max(this.time, job.dueAt);
      await job.run();
    }
    this.time = end;
  }
}
