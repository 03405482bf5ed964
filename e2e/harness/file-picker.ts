// TEST-ONLY. The harness's stand-in for main's open-file dialog when no test queued a file: the
// page (bridge.ts) shows the browser's own file picker and sends the chosen file back; its bytes
// are written under the file's own name to a private temp folder, and that path goes to the
// service as the path from Electron's dialog would (the service reads it with readChosenFile).
// The copy is removed as soon as the call that asked for it has returned.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ErrorCode } from '../../core/contract';
import { AppError } from '../../electron/main/errors';
import type { FileDialogs } from '../../electron/main/files/dialogs';
import { PICK_EVENT, type PickRequest } from './file-picker-event';

export const NO_PAGE_MESSAGE =
  'ファイルを選ぶ画面を開けませんでした（テスト用ハーネスの画面が接続されていません）。画面を再読み込みしてから、もう一度お試しください。';

type Pending = { resolve: (path: string | null) => void; reject: (e: Error) => void; made: string[] | undefined };

export type FilePicker = {
  // Runs one call of the contract: the files picked during it are removed when it returns.
  during: <T>(call: () => Promise<T>) => Promise<T>;
  pick: FileDialogs['openFile'];
  // The page's answer for one pick: the file, null when the person cancelled, or an error in
  // Japanese. False when no pick waits under that id.
  answer: (id: string, file: { name: string; content: Buffer } | null | Error) => boolean;
  // The page went away: nobody can choose any more.
  cancelAll: () => void;
  close: () => void;
};

export function createFilePicker(page: {
  listening: () => boolean;
  send: (event: typeof PICK_EVENT, data: PickRequest) => void;
}): FilePicker {
  const pending = new Map<string, Pending>();
  const calls = new AsyncLocalStorage<string[]>();
  const folders: string[] = [];
  const remove = (dir: string) => rmSync(dir, { recursive: true, force: true });
  return {
    during: async (call) => {
      const made: string[] = [];
      try {
        return await calls.run(made, call);
      } finally {
        for (const dir of made) remove(dir);
      }
    },
    pick: (o) => {
      if (!page.listening()) return Promise.reject(new AppError(ErrorCode.UNAVAILABLE, NO_PAGE_MESSAGE));
      const id = randomUUID();
      const accept = o.filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, made: calls.getStore() });
        page.send(PICK_EVENT, { id, title: o.title, accept });
      });
    },
    answer: (id, file) => {
      const p = pending.get(id);
      if (!p) return false;
      pending.delete(id);
      if (file === null) p.resolve(null);
      else if (file instanceof Error) p.reject(file);
      else {
        // mkdtemp makes the folder for its owner only (0700); one folder per file keeps its name.
        const dir = mkdtempSync(join(tmpdir(), 'madoguchi-harness-pick-'));
        (p.made ?? folders).push(dir);
        const name = basename(file.name.replace(/\\/g, '/'));
        const path = join(dir, name === '' || name === '.' || name === '..' ? 'file' : name);
        writeFileSync(path, file.content, { mode: 0o600 });
        p.resolve(path);
      }
      return true;
    },
    cancelAll: () => {
      for (const p of pending.values()) p.resolve(null);
      pending.clear();
    },
    close: () => {
      for (const p of pending.values()) p.resolve(null);
      pending.clear();
      for (const dir of folders.splice(0)) remove(dir);
    },
  };
}
