import { createReadStream } from 'node:fs';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { cancelled } from './redact-worker';

// An AES-256 encrypted ZIP (WinZip AE-2, what 7-Zip and other AES-capable tools open) written
// through zip.js, one entry at a time, straight to a file beside the chosen one and moved into
// place when complete: nothing decrypted is written anywhere, and a failure leaves no partial
// file under the chosen name.

export type ZipEntry = { name: string; data: () => Promise<Uint8Array> };

export async function writeEncryptedZip(
  path: string,
  password: string,
  entries: readonly ZipEntry[],
  onEntry?: (done: number) => void,
  signal?: AbortSignal,
): Promise<{ size: number; sha256: string }> {
  const { ZipWriter, Uint8ArrayReader, Writer, configure } = await import('@zip.js/zip.js');
  // Main has no Web Workers; compression and AES run in this thread in chunks of 128 KB, each a
  // few milliseconds, with the file written between them.
  configure({ useWebWorkers: false, chunkSize: 128 * 1024 });
  // Written through a file handle, chunk by chunk: zip.js through a web stream over fs held the
  // thread for a second on a 70 MB entry.
  class FileWriter extends Writer<undefined> {
    constructor(private readonly handle: FileHandle) {
      super();
    }
    override async writeUint8Array(array: Uint8Array): Promise<void> {
      await this.handle.write(array);
    }
    override getData(): Promise<undefined> {
      return Promise.resolve(undefined);
    }
  }
  const partial = `${path}.part`;
  const file = await open(partial, 'w', 0o600);
  try {
    const zip = new ZipWriter(new FileWriter(file), { password, encryptionStrength: 3, zipCrypto: false });
    let done = 0;
    for (const e of entries) {
      if (signal?.aborted) throw cancelled();
      // Already compressed (PDF streams, XLSX, images): stored as is — deflating them again gains
      // nothing and costs seconds; text (CSV, the manifest) is deflated.
      const level = /\.(csv|txt|json)$/i.test(e.name) ? 6 : 0;
      await zip.add(e.name, new Uint8ArrayReader(await e.data()), { level });
      done += 1;
      onEntry?.(done);
    }
    await zip.close();
    await file.close();
    if (signal?.aborted) throw cancelled();
    await rename(partial, path);
  } catch (err) {
    await file.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw err;
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
