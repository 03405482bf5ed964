import type { z } from 'zod';
import type { ChannelName, Contract, ParsedInput } from '../../../core/contract';
import type { Role } from '../../../core/domain/roles';

export type CallContext = {
  // The logged-in account, or null while the vault is locked.
  session: { accountId: string; roles: readonly Role[]; mustChangePassword: boolean } | null;
};

// A handler returns the output schema's input type; the dispatcher parses it in dev and tests.
export type Handler<C extends ChannelName> = (
  input: ParsedInput<C>,
  ctx: CallContext,
) => Promise<z.input<Contract[C]['output']>> | z.input<Contract[C]['output']>;

export type HandlerMap = { [C in ChannelName]: Handler<C> };

// The handlers of one channel prefix, served by the folder of that name: exactly the channels
// named `<prefix>.*`, no more, no fewer.
export type Slice<P extends string> = Pick<HandlerMap, Extract<ChannelName, `${P}.${string}`>>;
