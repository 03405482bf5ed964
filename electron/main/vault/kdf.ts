import { randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';

// The password KDF's parameters, as a validated value object saved beside each wrapped key.
// scrypt from node:crypto: memory-hard, no native add-on to ship. Bounds keep a tampered header
// from asking for absurd memory or time.
export const KdfParams = z
  .object({
    algorithm: z.literal('scrypt'),
    logN: z.number().int().min(14).max(21),
    r: z.number().int().min(8).max(16),
    p: z.number().int().min(1).max(4),
    salt: z.base64().refine((s) => Buffer.from(s, 'base64').length >= 16, 'salt too short'),
  })
  .strict();
export type KdfParams = z.infer<typeof KdfParams>;

export type KdfCost = Omit<KdfParams, 'salt'>;

export const KEY_LENGTH = 32;

function options(cost: KdfCost): ScryptOptions {
  const N = 2 ** cost.logN;
  return { N, r: cost.r, p: cost.p, maxmem: 128 * N * cost.r * cost.p + 16 * 1024 * 1024 };
}

export function newKdfParams(cost: KdfCost): KdfParams {
  return { ...cost, salt: randomBytes(16).toString('base64') };
}

// Secrets are NFC-normalised so that the same passphrase typed through different IMEs matches.
export function secretBytes(secret: string | Uint8Array): Buffer {
  return typeof secret === 'string' ? Buffer.from(secret.normalize('NFC'), 'utf8') : Buffer.from(secret);
}

export function deriveKey(secret: string | Uint8Array, params: KdfParams): Promise<Buffer> {
  const input = secretBytes(secret);
  return new Promise((resolve, reject) => {
    scrypt(input, Buffer.from(params.salt, 'base64'), KEY_LENGTH, options(params), (err, key) => {
      input.fill(0);
      if (err) reject(err);
      else resolve(key);
    });
  });
}

// Picks the scrypt cost that takes about targetMs on this machine (at least logN 15).
export async function calibrateKdf(targetMs = 500): Promise<KdfCost> {
  const probe: KdfCost = { algorithm: 'scrypt', logN: 15, r: 8, p: 1 };
  const started = performance.now();
  (await deriveKey('calibration', newKdfParams(probe))).fill(0);
  const elapsed = Math.max(1, performance.now() - started);
  const steps = Math.round(Math.log2(targetMs / elapsed));
  return { ...probe, logN: Math.min(20, Math.max(15, probe.logN + steps)) };
}
