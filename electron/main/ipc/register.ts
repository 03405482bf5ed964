import type { IpcMain, WebContents } from 'electron';
import {
  channelNames,
  events,
  ipcEventPrefix,
  ipcInvokePrefix,
  type EventName,
  type EventPayload,
} from '../../../core/contract';
import { isTrustedSender } from '../security';
import type { Dispatch } from './dispatcher';

// Registers every channel of the contract in one loop; each call goes through the dispatcher.
export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch, mainWindowId: () => number | undefined): void {
  for (const name of channelNames) {
    ipcMain.handle(ipcInvokePrefix + name, (event, payload: unknown) =>
      dispatch(name, payload, isTrustedSender(event.senderFrame, event.sender.id, mainWindowId())),
    );
  }
}

export function sendEvent<E extends EventName>(contents: WebContents, event: E, payload: EventPayload<E>): void {
  contents.send(ipcEventPrefix + event, events[event].parse(payload));
}
