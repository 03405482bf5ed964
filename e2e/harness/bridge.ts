// TEST-ONLY. Loaded by the harness page before the app: defines the same `window.madoguchi` the
// Electron preload defines (typed by MadoguchiApi in core/contract), but each call goes over HTTP to the harness's dispatcher.
import { channelNames, eventNames, type EventName } from '../../core/contract/channels';
import { PICK_EVENT, type PickRequest } from './file-picker-event';
import { pickFile } from './page-picker';

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

// Open from the start: main's file dialog reaches the page through it (file-picker.ts).
const source = new EventSource('/__harness/events');
source.addEventListener(PICK_EVENT, (e: MessageEvent<string>) => {
  void pickFile(JSON.parse(e.data) as PickRequest);
});
api['on'] = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
  if (!eventNames.includes(event)) throw new Error('Unknown event');
  const wrapped = (e: MessageEvent<string>) => {
    listener(JSON.parse(e.data));
  };
  source.addEventListener(event, wrapped);
  return () => {
    source.removeEventListener(event, wrapped);
  };
};

Object.defineProperty(window, 'madoguchi', { value: api, writable: false });
