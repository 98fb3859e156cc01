/**
 * How pages talk to the background: one typed call per message of src/messages.ts, through the browser's
 * own runtime (extension-api.ts), so the popup's first request leaves before the views load.
 *
 * The browser stops an idle service worker, and may do so while it handles a request: the page then gets
 * "A listener indicated an asynchronous response by returning true, but the message channel closed
 * before a response was received" (Chrome; Firefox has its own words). Such a request is sent once more,
 * to the restarted worker, when sending it twice does no harm; then, or for a request that must not run
 * twice (creating an issue, removing an item), the editor reads that the background restarted, never the
 * browser's words. Typing sends the whole value of a field at each keystroke: a retry must never put an
 * older keystroke back over a newer one, so a failed request whose field has been sent again since is
 * answered by the newer request instead of being repeated.
 */
import type { Envelope, MessageArgs, MessageName, MessageResult, Reply } from '../messages.ts';
import { extensionApi } from './extension-api.ts';

/** The browser's words for "the background stopped or was not there yet" (Chrome, then Firefox). */
const RESTARTED = /message channel closed|message port closed|Receiving end does not exist|Could not establish connection|Message manager disconnected|destroyed before|Conduits/i;
const RETRY_AFTER_MS = 150;

/** Requests that do the same when they arrive twice: reads, and edits that set a value. */
const REPEATABLE: ReadonlySet<MessageName> = new Set<MessageName>([
  'popup/open', 'popup/details', 'pending/save', 'item/add', 'item/update', 'item/restore', 'item/move', 'section/rename', 'section/move',
  'section/restore', 'issue/set-current', 'issue/get', 'issue/list', 'issue/update', 'issue/publish', 'items/search', 'backup/get',
  'import/stored', 'settings/get', 'settings/put', 'sync/status', 'sync/set-issue',
]);

/** Requests that carry a field's whole value: a later one with the same key makes an earlier one moot. */
function fieldKey<N extends MessageName>(name: N, args: MessageArgs<N>): string | null {
  const values = args as Record<string, unknown>;
  const patchKeys = () => Object.keys((values.patch ?? {}) as object).sort().join(',');
  if (name === 'pending/save') return `${name}:${String(values.tabId)}`;
  if (name === 'item/update') return `${name}:${String(values.issueId)}:${String(values.itemId)}:${patchKeys()}`;
  if (name === 'issue/update') return `${name}:${String(values.issueId)}:${patchKeys()}`;
  if (name === 'settings/put') return name;
  return null;
}

export const BACKGROUND_RESTARTED = 'Roundup\u2019s background restarted and did not answer. Try again.';
export const BACKGROUND_RESTARTED_ONCE = 'Roundup\u2019s background restarted before it answered, so this may not have been done. Check, then try again.';

let sequence = 0;
/** The newest request sent for each field, with its answer. */
const newestByField = new Map<string, { sequence: number; answer: Promise<unknown> }>();

export function send<N extends MessageName>(name: N, args: MessageArgs<N>): Promise<MessageResult<N>> {
  const key = fieldKey(name, args);
  const sent = ++sequence;
  const answer = deliver(name, args, key, sent);
  if (key !== null) newestByField.set(key, { sequence: sent, answer });
  return answer;
}

async function deliver<N extends MessageName>(name: N, args: MessageArgs<N>, key: string | null, sent: number): Promise<MessageResult<N>> {
  try {
    return await ask(name, args);
  } catch (error) {
    if (!isRestart(error)) throw error;
    const newer = () => (key === null ? undefined : newestByField.get(key));
    if ((newer()?.sequence ?? 0) > sent) return newer()?.answer as Promise<MessageResult<N>>;
    if (!REPEATABLE.has(name)) throw new Error(BACKGROUND_RESTARTED_ONCE, { cause: error });
    await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS));
    // Typed again while waiting: the newer request carries this one's value and more.
    if ((newer()?.sequence ?? 0) > sent) return newer()?.answer as Promise<MessageResult<N>>;
    try {
      return await ask(name, args);
    } catch (again) {
      if (isRestart(again)) throw new Error(BACKGROUND_RESTARTED, { cause: again });
      throw again;
    }
  }
}

class Restarted extends Error {}

function isRestart(error: unknown): boolean {
  return error instanceof Restarted;
}

async function ask<N extends MessageName>(name: N, args: MessageArgs<N>): Promise<MessageResult<N>> {
  const envelope: Envelope<N> = { roundup: 1, name, args };
  let reply: Reply<MessageResult<N>> | undefined;
  try {
    reply = (await extensionApi().runtime.sendMessage(envelope)) as Reply<MessageResult<N>> | undefined;
  } catch (error) {
    const words = error instanceof Error ? error.message : String(error);
    if (RESTARTED.test(words)) throw new Restarted(words);
    console.error(`Roundup: ${name} failed in the browser:`, error);
    throw new Error('Roundup\u2019s background could not be reached. Reload this page and try again.', { cause: error });
  }
  if (!reply) throw new Error('Roundup\u2019s background did not answer. Try again.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
