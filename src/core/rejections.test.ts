import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterSettling, ignoreRejection, logRejection } from './rejections.ts';

afterEach(() => vi.restoreAllMocks());

describe('logRejection', () => {
  it('logs the failure with what was being done', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failure = new Error('no such tab');
    await Promise.reject(failure).catch(logRejection('refresh the menus'));
    expect(logged).toHaveBeenCalledWith('Roundup could not refresh the menus:', failure);
  });
});

describe('ignoreRejection', () => {
  it('leaves no unhandled rejection', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    ignoreRejection(Promise.reject(new Error('gone')), 'the test says so');
    await new Promise((done) => setTimeout(done, 10));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });
});

describe('afterSettling', () => {
  it('resolves once the run fails, leaving the failure to whoever awaits the run', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    const run = Promise.reject(new Error('gone'));
    const tail = afterSettling(run, 'the test awaits the run');
    await expect(tail).resolves.toBeUndefined();
    await expect(run).rejects.toThrow('gone');
    await new Promise((done) => setTimeout(done, 10));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });

  it('waits for the run to end', async () => {
    let finish = () => {};
    const run = new Promise<void>((done) => { finish = done; });
    let settled = false;
    const tail = afterSettling(run, 'nothing fails here').then(() => { settled = true; });
    await Promise.resolve();
    expect(settled).toBe(false);
    finish();
    await tail;
    expect(settled).toBe(true);
  });
});
