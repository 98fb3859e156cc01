import { afterEach, describe, expect, it, vi } from 'vitest';
import { ignoreRejection, logRejection } from './rejections.ts';

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
