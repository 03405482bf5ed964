import type { ChannelName, EventName } from './channels';
import type { ChannelInput, ChannelOutput, EventPayload } from './contract';
import type { Result } from './errors';

// The shape of `window.madoguchi`, built by the preload (and by the test harness bridge).
export type MadoguchiApi = {
  [C in ChannelName]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
} & {
  on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => () => void;
};
