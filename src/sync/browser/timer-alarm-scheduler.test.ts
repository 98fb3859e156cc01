import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ALARM_FROM_MS, SYNC_ALARM_PREFIX, TimerAlarmScheduler, type AlarmsPort } from './timer-alarm-scheduler.ts';

const NOW = 1_800_000_000_000;

class FakeAlarms implements AlarmsPort {
  readonly alarms = new Map<string, number>();
  create(name: string, { when }: { when: number }) {
    this.alarms.set(name, when);
  }
  clear(name: string) {
    this.alarms.delete(name);
  }
}

function setUp() {
  const alarms = new FakeAlarms();
  const errors: unknown[] = [];
  const scheduler = new TimerAlarmScheduler(alarms, () => Date.now(), (error) => errors.push(error));
  const runs: string[] = [];
  const job = (name: string) => async () => void runs.push(name);
  return { alarms, errors, scheduler, runs, job };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe('the sync scheduler of the service worker', () => {
  it('runs a short wait on a timer, once', async () => {
    const { scheduler, runs, job, alarms } = setUp();
    scheduler.schedule('sync', 3_000, job('first'));
    await vi.advanceTimersByTimeAsync(2_999);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toEqual(['first']);
    expect(alarms.alarms.size).toBe(0);
    expect(scheduler.handleAlarm(`${SYNC_ALARM_PREFIX}sync`)).toBe(true);
    expect(runs).toEqual(['first']);
  });

  it('sets an alarm for a long wait (a stopped worker keeps no timers), and runs the job when it rings', async () => {
    const { scheduler, runs, job, alarms } = setUp();
    scheduler.schedule('sync', 60_000, job('back-off'));
    await vi.advanceTimersByTimeAsync(0);
    expect(alarms.alarms).toEqual(new Map([[`${SYNC_ALARM_PREFIX}sync`, NOW + 60_000]]));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(runs).toEqual([]);
    expect(scheduler.handleAlarm(`${SYNC_ALARM_PREFIX}sync`)).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toEqual(['back-off']);
  });

  it.each([[ALARM_FROM_MS - 1, 'timer'], [ALARM_FROM_MS, 'alarm']])('waits %i ms with a %s', async (delay, kind) => {
    const { scheduler, job, alarms } = setUp();
    scheduler.schedule('sync', delay, job('x'));
    await vi.advanceTimersByTimeAsync(0);
    expect(alarms.alarms.size).toBe(kind === 'alarm' ? 1 : 0);
  });

  it('replaces the pending run of the same job, whether it waited on a timer or an alarm', async () => {
    const { scheduler, runs, job, alarms } = setUp();
    scheduler.schedule('sync', 60_000, job('old alarm'));
    scheduler.schedule('sync', 1_000, job('timer'));
    await vi.advanceTimersByTimeAsync(0);
    expect(alarms.alarms.size).toBe(0);
    scheduler.schedule('sync', 2_000, job('newer timer'));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toEqual(['newer timer']);
  });

  it('ignores other alarms, and cancels', async () => {
    const { scheduler, runs, job } = setUp();
    scheduler.schedule('sync', 1_000, job('cancelled'));
    scheduler.cancel('sync');
    expect(scheduler.handleAlarm('someone-else')).toBe(false);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toEqual([]);
  });

  it('reports a job that fails', async () => {
    const { scheduler, errors } = setUp();
    scheduler.schedule('sync', 0, async () => { throw new Error('boom'); });
    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toEqual([new Error('boom')]);
  });
});
