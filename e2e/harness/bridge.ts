// TEST-ONLY. Loaded by the harness page before the app: defines the same `window.madoguchi` the
// Electron preload defines (typed by MadoguchiApi in core/contract), but each call goes over HTTP to the harness's dispatcher.
import { channelNames, eventNames, type EventName } from '../../core/contract/channels';

const api: Record<string, unknown> = {};
for (const name of channelNames) {
  api[name] = async (input: unknown): Promise<unknown> => {
    const res = await fetch(`/__harness/rpc/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input === undefined ? null : input),
    });
    const data: unknown = await res.json();
    return data;
  };
}

let source: EventSource | null = null;
api['on'] = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
  if (!eventNames.includes(event)) throw new Error('Unknown event');
  source ??= new EventSource('/__harness/events');
  const wrapped = (e: MessageEvent<string>) => {
    listener(JSON.parse(e.data));
  };
  source.addEventListener(event, wrapped);
  return () => {
    source?.removeEventListener(event, wrapped);
  };
};

Object.defineProperty(window, 'madoguchi', { value: api, writable: false });
