/**
 * How pages talk to the background: one typed call per message of src/messages.ts, through the browser's
 * own runtime (extension-api.ts), so the popup's first request leaves before the views load.
 */
import type { Envelope, MessageArgs, MessageName, MessageResult, Reply } from '../messages.ts';
import { extensionApi } from './extension-api.ts';

export async function send<N extends MessageName>(name: N, args: MessageArgs<N>): Promise<MessageResult<N>> {
  const envelope: Envelope<N> = { roundup: 1, name, args };
  const reply = (await extensionApi().runtime.sendMessage(envelope)) as Reply<MessageResult<N>> | undefined;
  if (!reply) throw new Error('Roundup’s background did not answer. Try again.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
