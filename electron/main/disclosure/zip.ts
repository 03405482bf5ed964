import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
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
  const { ZipWriter, Uint8ArrayReader, configure } = await import('@zip.js/zip.js');
  // Main has no Web Workers; compression and AES run in this thread, entry by entry.
  configure({ useWebWorkers: false });
  const partial = `${path}.part`;
  try {
    const out = Writable.toWeb(createWriteStream(partial, { mode: 0o600 }));
    const zip = new ZipWriter(out, { password, encryptionStrength: 3, zipCrypto: false, level: 6 });
    let done = 0;
    for (const e of entries) {
      if (signal?.aborted) throw cancelled();
      await zip.add(e.name, new Uint8ArrayReader(await e.data()));
      done += 1;
      onEntry?.(done);
    }
    await zip.close();
    if (signal?.aborted) throw cancelled();
    await rename(partial, path);
  } catch (err) {
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
