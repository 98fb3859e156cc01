/**
 * Receives every message from Roundup's pages, validates it against src/messages.ts, runs its handler and
 * answers `{ ok, value | error }`. Messages from anywhere but this extension's own pages are ignored.
 */
import type { Runtime } from './extension-api.ts';
import * as v from 'valibot';
import { formatValidationIssue } from '../core/validation-message.ts';
import { protocol, type MessageName, type Reply } from '../messages.ts';
import { handlers } from './handlers.ts';
import { describeRequestProblem } from './request-problem.ts';

const envelopeSchema = v.object({ roundup: v.literal(1), name: v.string(), args: v.unknown() });

function isMessageName(name: string): name is MessageName {
  return Object.hasOwn(protocol, name);
}

export async function routeMessage(message: unknown, sender: Runtime.MessageSender, extensionId: string): Promise<Reply<unknown> | undefined> {
  if (sender.id !== extensionId) return undefined;
  const envelope = v.safeParse(envelopeSchema, message);
  if (!envelope.success) return undefined; // not ours
  const { name, args } = envelope.output;
  if (!isMessageName(name)) return { ok: false, error: `Unknown request "${name}".` };
  const parsed = v.safeParse(protocol[name].args, args, { abortEarly: true });
  if (!parsed.success) {
    console.warn(`Roundup refused the request ${name}: ${formatValidationIssue(parsed.issues[0], 'args')}`);
    return { ok: false, error: describeRequestProblem(parsed.issues[0]) };
  }
  try {
    const handler = handlers[name] as (args: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.output) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
