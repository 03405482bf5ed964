import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { AnchorWitness } from './database';

// The newest audit anchor kept outside the data folder (issue 30 §3), so that putting back an
// older pair of vault.json and database shows: the anchor kept here is then not in the log. The
// app encrypts it with Electron's safeStorage (DPAPI on Windows: only this Windows user on this
// PC can read or write it); the codec is passed in so that the file format is tested in Node.
export type WitnessCodec = { encrypt(text: string): Promise<Buffer>; decrypt(bytes: Buffer): Promise<string> };

const Anchor = z
  .object({
    id: z.number().int().nonnegative(),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    at: z.string(),
  })
  .strict();

export function fileWitness(file: string, codec: WitnessCodec): AnchorWitness {
  return {
    async read() {
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch {
        return null;
      }
      return Anchor.parse(JSON.parse(await codec.decrypt(bytes)));
    },
    async write(anchor) {
      const bytes = await codec.encrypt(JSON.stringify(Anchor.parse(anchor)));
      await mkdir(dirname(file), { recursive: true });
      const temp = `${file}.tmp`;
      await writeFile(temp, bytes, { mode: 0o600 });
      await rename(temp, file);
    },
  };
}
