import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { deriveKey, KdfParams } from './kdf';

// The database key wrapped (AES-256-GCM) under a key derived from a password or recovery key.
// The additional data binds a wrap to its purpose, so a wrap cannot be moved to another account.
export const Wrap = z
  .object({
    kdf: KdfParams,
    iv: z.base64(),
    tag: z.base64(),
    ciphertext: z.base64(),
  })
  .strict();
export type Wrap = z.infer<typeof Wrap>;

export async function wrapKey(key: Buffer, secret: string | Uint8Array, kdf: KdfParams, aad: string): Promise<Wrap> {
  const kek = await deriveKey(secret, kdf);
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', kek, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
    return {
      kdf,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ciphertext: ciphertext.toString('base64'),
    };
  } finally {
    kek.fill(0);
  }
}

// Returns the key, or null when the secret (or the additional data) is wrong.
export async function unwrapKey(wrap: Wrap, secret: string | Uint8Array, aad: string): Promise<Buffer | null> {
  const kek = await deriveKey(secret, wrap.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrap.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(wrap.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrap.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

// A key sealed (AES-256-GCM) directly under another key, no KDF: the database key under the
// master key the wraps protect, so the database key can change without any password.
export const Sealed = z.object({ iv: z.base64(), tag: z.base64(), ciphertext: z.base64() }).strict();
export type Sealed = z.infer<typeof Sealed>;

export function sealKey(key: Buffer, under: Buffer, aad: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', under, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

export function unsealKey(sealed: Sealed, under: Buffer, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', under, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}
