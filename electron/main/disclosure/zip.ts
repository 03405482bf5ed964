import { createReadStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { ErrorCode } from '../../../core/contract';
import { AppError } from '../errors';
import { cancelled, unpacked } from './redact-worker';

// An AES-256 encrypted ZIP (WinZip AE-2, what 7-Zip and other AES-capable tools open) written by
// zip.js on a worker thread (compression and AES would hold main's thread for hundreds of
// milliseconds on a 70 MB redacted scan), one entry at a time, to a file beside the chosen one
// that is moved into place when complete: nothing decrypted is written anywhere, and a failure or
// a cancel leaves no partial file.

export type ZipEntry = { name: string; data: () => Promise<Uint8Array> };

const SOURCE = String.raw`
const { parentPort, workerData: job } = require('node:worker_threads');
const fs = require('node:fs');
const { ZipWriter, Uint8ArrayReader, Writer, configure } = require(job.zipjs);
configure({ useWebWorkers: false });
class FileWriter extends Writer {
  constructor(fd) { super(); this.fd = fd; }
  async writeUint8Array(array) {
    let at = 0;
    while (at < array.length) at += fs.writeSync(this.fd, array, at, array.length - at);
  }
  getData() { return Promise.resolve(undefined); }
}
const fd = fs.openSync(job.partial, 'w', 0o600);
const zip = new ZipWriter(new FileWriter(fd), { password: job.password, encryptionStrength: 3, zipCrypto: false });
let queue = Promise.resolve();
parentPort.on('message', (m) => {
  queue = queue
    .then(async () => {
      if (m.type === 'entry') {
        await zip.add(m.name, new Uint8ArrayReader(m.data), { level: m.level });
        parentPort.postMessage({ type: 'added' });
      } else {
        await zip.close();
        fs.closeSync(fd);
        parentPort.postMessage({ type: 'closed' });
      }
    })
    .catch(() => parentPort.postMessage({ type: 'error' }));
});
`;

// A buffer the worker can take without a copy on this side: its own ArrayBuffer, whole.
const owned = (b: Uint8Array): Uint8Array =>
  b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer ? b : b.slice();

export async function writeEncryptedZip(
  path: string,
  password: string,
  entries: readonly ZipEntry[],
  onEntry?: (done: number) => void,
  signal?: AbortSignal,
): Promise<{ size: number; sha256: string }> {
  const partial = `${path}.part`;
  const worker = new Worker(SOURCE, {
    eval: true,
    workerData: { partial, password, zipjs: unpacked(require.resolve('@zip.js/zip.js')) },
  });
  const failed = () => new AppError(ErrorCode.INTERNAL, '暗号化ファイルの作成に失敗しました。もう一度お試しください。');
  let waiting: { resolve: () => void; reject: (e: unknown) => void } | null = null;
  // Set when the worker failed or stopped: every later step fails at once instead of waiting.
  let broken: AppError | null = null;
  const next = () =>
    new Promise<void>((resolve, reject) => {
      if (broken) reject(broken);
      else waiting = { resolve, reject };
    });
  const fail = (e: AppError) => {
    broken ??= e;
    waiting?.reject(broken);
    waiting = null;
  };
  worker.on('message', (m: { type: 'added' | 'closed' | 'error' }) => {
    if (m.type === 'error') {
      fail(failed());
      return;
    }
    const w = waiting;
    waiting = null;
    w?.resolve();
  });
  worker.on('error', () => {
    fail(failed());
  });
  worker.on('exit', () => {
    fail(signal?.aborted ? cancelled() : failed());
  });
  const abort = () => {
    fail(cancelled());
    void worker.terminate();
  };
  signal?.addEventListener('abort', abort, { once: true });
  try {
    let done = 0;
    for (const e of entries) {
      if (signal?.aborted) throw cancelled();
      const data = owned(await e.data());
      // Already compressed (PDF streams, XLSX, images): stored as is — deflating them again gains
      // nothing and costs seconds; text (CSV, the manifest) is deflated.
      const level = /\.(csv|txt|json)$/i.test(e.name) ? 6 : 0;
      const added = next();
      worker.postMessage({ type: 'entry', name: e.name, data, level }, [data.buffer as ArrayBuffer]);
      await added;
      done += 1;
      onEntry?.(done);
    }
    const closed = next();
    worker.postMessage({ type: 'close' });
    await closed;
    if (signal?.aborted) throw cancelled();
    await rename(partial, path);
  } catch (err) {
    await worker.terminate();
    await rm(partial, { force: true });
    throw err;
  } finally {
    signal?.removeEventListener('abort', abort);
    void worker.terminate();
  }
  return hashFile(path);
}

export async function hashFile(path: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest('hex') };
}
