/** How pages talk to the background: one typed call per message of src/messages.ts. */
import browser from 'webextension-polyfill';
import type { Envelope, MessageArgs, MessageName, MessageResult, Reply } from '../messages.ts';

export async function send<N extends MessageName>(name: N, args: MessageArgs<N>): Promise<MessageResult<N>> {
  const envelope: Envelope<N> = { roundup: 1, name, args };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<MessageResult<N>> | undefined;
  if (!reply) throw new Error('Roundup’s background did not answer. Try again.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
