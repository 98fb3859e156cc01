/**
 * How pages talk to the background: one typed call per message of src/messages.ts.
 *
 * It uses the browser's own API rather than webextension-polyfill, so the popup can send its first
 * request before the polyfill has loaded (popup/open-popup.ts): Chrome's `chrome.runtime.sendMessage`
 * returns a promise under Manifest V3, and Firefox has `browser`.
 */
import type { Browser } from 'webextension-polyfill';
import type { Envelope, MessageArgs, MessageName, MessageResult, Reply } from '../messages.ts';

type Runtime = Pick<Browser['runtime'], 'sendMessage'>;

function runtime(): Runtime {
  const scope = globalThis as { browser?: { runtime: Runtime }; chrome?: { runtime: Runtime } };
  const found = scope.browser?.runtime ?? scope.chrome?.runtime;
  if (!found) throw new Error('Roundup’s pages must run inside the extension.');
  return found;
}

export async function send<N extends MessageName>(name: N, args: MessageArgs<N>): Promise<MessageResult<N>> {
  const envelope: Envelope<N> = { roundup: 1, name, args };
  const reply = (await runtime().sendMessage(envelope)) as Reply<MessageResult<N>> | undefined;
  if (!reply) throw new Error('Roundup’s background did not answer. Try again.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
