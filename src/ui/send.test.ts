import { afterEach, describe, expect, it, vi } from 'vitest';
import { BACKGROUND_RESTARTED, BACKGROUND_RESTARTED_ONCE, send } from './send.ts';

const CLOSED = 'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';

/** The browser's runtime as the pages see it: each call answers with the next of `answers`, recording what was sent. */
function browserAnswering(...answers: Array<(message: { name: string; args: Record<string, unknown> }) => Promise<unknown>>) {
  const sent: Array<{ name: string; args: Record<string, unknown> }> = [];
  const sendMessage = vi.fn(async (message: { name: string; args: Record<string, unknown> }) => {
    sent.push(message);
    const answer = answers.shift();
    if (answer === undefined) throw new Error('no answer left');
    return answer(message);
  });
  Object.assign(globalThis, { chrome: { runtime: { sendMessage } } });
  return sent;
}
const closed = async () => { throw new Error(CLOSED); };
const ok = (value: unknown) => async () => ({ ok: true, value });

afterEach(() => {
  delete (globalThis as { chrome?: unknown }).chrome;
});

describe('send, when the background is stopped mid-request', () => {
  it('sends a request that may run twice once more, to the restarted background', async () => {
    const sent = browserAnswering(closed, ok(['issue']));
    await expect(send('issue/list', {})).resolves.toEqual(['issue']);
    expect(sent.map((message) => message.name)).toEqual(['issue/list', 'issue/list']);
  });

  it('says in plain words that the background restarted when the second try fails too', async () => {
    browserAnswering(closed, closed);
    await expect(send('issue/list', {})).rejects.toThrow(BACKGROUND_RESTARTED);
  });

  it('does not repeat a request that must not run twice, and says it may not have been done', async () => {
    const sent = browserAnswering(closed);
    await expect(send('issue/create', {})).rejects.toThrow(BACKGROUND_RESTARTED_ONCE);
    expect(sent).toHaveLength(1);
  });

  it('never puts an older keystroke back: a failed save answered by the newer save of the same field is not repeated', async () => {
    let finishNewer: (value: unknown) => void = () => undefined;
    const sent = browserAnswering(closed, () => new Promise((resolve) => { finishNewer = resolve; }));
    const form = { tabId: 7, url: 'https://example.com/', summary: '', note: '', sectionId: null };
    const older = send('pending/save', { ...form, title: 'Hel' });
    const newer = send('pending/save', { ...form, title: 'Hello' });
    finishNewer({ ok: true, value: undefined });
    await expect(older).resolves.toBeUndefined();
    await expect(newer).resolves.toBeUndefined();
    expect(sent.map((message) => message.args.title)).toEqual(['Hel', 'Hello']);
  });

  it('does repeat a failed save when nothing newer was sent for that field', async () => {
    const sent = browserAnswering(closed, ok(undefined));
    await send('item/update', { issueId: 'i', itemId: 'a', patch: { title: 'Typed' } });
    expect(sent.map((message) => message.args)).toEqual([
      { issueId: 'i', itemId: 'a', patch: { title: 'Typed' } }, { issueId: 'i', itemId: 'a', patch: { title: 'Typed' } }]);
  });
});

describe('send, otherwise', () => {
  it('passes on the background\u2019s own message', async () => {
    browserAnswering(async () => ({ ok: false, error: 'That issue no longer exists.' }));
    await expect(send('issue/get', { issueId: 'x' })).rejects.toThrow('That issue no longer exists.');
  });

  it('puts any other browser error in plain words', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    browserAnswering(async () => { throw new Error('Extension context invalidated.'); });
    await expect(send('issue/list', {})).rejects.toThrow('Roundup\u2019s background could not be reached. Reload this page and try again.');
  });
});
