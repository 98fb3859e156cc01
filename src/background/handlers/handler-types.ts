import type { MessageName, MessageResult, ValidArgs } from '../../messages.ts';

/** One async function per message; the full map is checked to cover every message (handlers.ts). */
export type Handlers = { [N in MessageName]: (args: ValidArgs<N>) => Promise<MessageResult<N>> };

/** The handlers of some messages, for one module of this folder. */
export type HandlersFor<N extends MessageName> = Pick<Handlers, N>;
