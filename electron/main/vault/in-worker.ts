import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { WrongKeyError } from '../db/connection';
import { BackupFormatError } from './backup-file';
import { doFileWork, withOwnKeys, type FileWork, type FileWorkResult } from './file-work';

type Reply =
  | { ok: true; result: unknown; threadId: number }
  | { ok: false; error: { name: string; message: string; code?: unknown } };

// Where the worker's script is: the TypeScript source when main runs from source (tests, the E2E
// harness), else the bundle electron-vite writes next to main's (out/main/vault-worker.js).
function workerScript(): { file: string; execArgv: string[] } | null {
  if (__filename.endsWith('.ts')) {
    // The module name is built so that the bundler does not try to include the loader.
    return { file: join(__dirname, 'worker.ts'), execArgv: ['--require', require.resolve(['tsx', 'cjs'].join('/'))] };
  }
  for (const dir of [__dirname, join(__dirname, '..')]) {
    const file = join(dir, 'vault-worker.js');
    if (existsSync(file)) return { file, execArgv: [] };
  }
  return null;
}

function rebuilt(e: { name: string; message: string; code?: unknown }): Error {
  if (e.name === 'BackupFormatError') return new BackupFormatError(e.message);
  if (e.name === 'WrongKeyError') return new WrongKeyError();
  return Object.assign(new Error(e.message), { name: e.name, code: e.code });
}

type Pending = { resolve: (v: unknown) => void; reject: (e: unknown) => void };

// One worker thread, started when work first comes and ended after a few idle seconds; idle, it
// never keeps the process alive. A crash rejects what was waiting and the next piece starts a new one.
class FileWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private next = 1;
  private idle: NodeJS.Timeout | null = null;

  run(work: FileWork, nativeBinding: string | undefined, script: { file: string; execArgv: string[] }) {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const worker = this.worker ?? this.start(script);
    // Held while work is pending (a script awaiting it must not exit), let go when idle.
    worker.ref();
    const id = this.next++;
    const own = withOwnKeys(work);
    return new Promise<unknown>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, work: own.work, nativeBinding }, own.buffers);
    });
  }

  private start(script: { file: string; execArgv: string[] }): Worker {
    const worker = new Worker(script.file, { execArgv: script.execArgv });
    worker.unref();
    worker.on('message', (m: Reply & { id: number }) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.ok) {
        lastThread = m.threadId;
        p?.resolve(m.result);
      } else p?.reject(rebuilt(m.error));
      if (this.pending.size === 0) {
        worker.unref();
        this.idle = setTimeout(() => void this.stop(worker), 5000).unref();
      }
    });
    const fail = (err: unknown) => {
      if (this.worker === worker) this.worker = null;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The file worker ended (exit ${code}).`)));
    this.worker = worker;
    return worker;
  }

  private async stop(worker: Worker): Promise<void> {
    if (this.worker !== worker || this.pending.size > 0) return;
    this.worker = null;
    await worker.terminate();
  }
}

const shared = new FileWorker();
// The thread the last piece of work ran on (0 is main's): for tests.
let lastThread = 0;
export const lastFileWorkThread = (): number => lastThread;

// Runs one piece of file work on the worker thread and resolves with its result. Without the
// worker's script (a broken install), it runs here, on main's thread, as before.
export async function inWorker<K extends FileWork['op']>(
  work: Extract<FileWork, { op: K }>,
  nativeBinding: string | undefined,
  onMissing: () => void,
): Promise<FileWorkResult[K]> {
  const script = workerScript();
  if (!script) {
    onMissing();
    lastThread = 0;
    return (await doFileWork(work, nativeBinding)) as FileWorkResult[K];
  }
  return (await shared.run(work, nativeBinding, script)) as FileWorkResult[K];
}
