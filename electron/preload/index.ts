import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  channelNames,
  eventNames,
  ipcEventPrefix,
  ipcInvokePrefix,
  type EventName,
} from '../../core/contract/channels';

// Builds window.madoguchi (typed as MadoguchiApi in core/contract/api.ts). A thin allow-list: one named function per channel, and `on` for the listed events only.
// No ipcRenderer, no generic send.
const api: Record<string, unknown> = {};
for (const name of channelNames) {
  api[name] = (input: unknown): Promise<unknown> => ipcRenderer.invoke(ipcInvokePrefix + name, input);
}
api['on'] = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
  if (!eventNames.includes(event)) throw new Error('Unknown event');
  const wrapped = (_e: IpcRendererEvent, payload: unknown) => {
    listener(payload);
  };
  ipcRenderer.on(ipcEventPrefix + event, wrapped);
  return () => {
    ipcRenderer.removeListener(ipcEventPrefix + event, wrapped);
  };
};

contextBridge.exposeInMainWorld('madoguchi', api);
