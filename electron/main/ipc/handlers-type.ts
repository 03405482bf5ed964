import type { z } from 'zod';
import type { ChannelName, Contract, ParsedInput } from '../../../core/contract';

export type CallContext = {
  // Id of the logged-in staff account, once the vault exists; null before login.
  accountId: string | null;
};

// A handler returns the output schema's input type; the dispatcher parses it in dev and tests.
export type Handler<C extends ChannelName> = (
  input: ParsedInput<C>,
  ctx: CallContext,
) => Promise<z.input<Contract[C]['output']>> | z.input<Contract[C]['output']>;

export type HandlerMap = { [C in ChannelName]: Handler<C> };
