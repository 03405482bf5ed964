import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  hkdfSync,
  randomBytes,
} from 'node:crypto';
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

// A key sealed to an account's public key (X25519, HKDF-SHA256, AES-256-GCM, with an ephemeral
// key pair per box): who holds the account's private key opens it; whoever seals needs only the
// public key. This lets an administrator give the remaining accounts a new master key when one is
// disabled, without knowing their passwords.
export const Box = z.object({ epk: z.base64(), iv: z.base64(), tag: z.base64(), ciphertext: z.base64() }).strict();
export type Box = z.infer<typeof Box>;

// Raw 32-byte X25519 keys in the DER envelopes Node's crypto reads (RFC 8410).
const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_X25519 = Buffer.from('302a300506032b656e032100', 'hex');

const privateKeyObject = (raw: Buffer) =>
  createPrivateKey({ key: Buffer.concat([PKCS8_X25519, raw]), format: 'der', type: 'pkcs8' });
const publicKeyObject = (raw: Buffer) =>
  createPublicKey({ key: Buffer.concat([SPKI_X25519, raw]), format: 'der', type: 'spki' });

export function createPublicKeyFromPrivate(raw: Buffer): Buffer {
  return createPublicKey(privateKeyObject(raw)).export({ format: 'der', type: 'spki' }).subarray(SPKI_X25519.length);
}

// A new key pair as raw 32-byte keys; or the pair whose private key is `seed` (a recovery key's).
export function keyPair(seed?: Buffer): { privateKey: Buffer; publicKey: Buffer } {
  const privateKey = seed ? Buffer.from(seed) : randomBytes(32);
  return { privateKey, publicKey: createPublicKeyFromPrivate(privateKey) };
}

function boxKey(shared: Buffer, epk: Buffer, recipient: Buffer, aad: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([epk, recipient]), `madoguchi:v2:box:${aad}`, 32));
}

export function boxTo(recipient: Buffer, secret: Buffer, aad: string): Box {
  const eph = keyPair();
  const shared = diffieHellman({ privateKey: privateKeyObject(eph.privateKey), publicKey: publicKeyObject(recipient) });
  const key = boxKey(shared, eph.publicKey, recipient, aad);
  try {
    const sealed = sealKey(secret, key, aad);
    return { epk: eph.publicKey.toString('base64'), ...sealed };
  } finally {
    key.fill(0);
    shared.fill(0);
    eph.privateKey.fill(0);
  }
}

export function openBox(box: Box, privateKey: Buffer, aad: string): Buffer | null {
  try {
    const epk = Buffer.from(box.epk, 'base64');
    const recipient = createPublicKeyFromPrivate(privateKey);
    const shared = diffieHellman({ privateKey: privateKeyObject(privateKey), publicKey: publicKeyObject(epk) });
    const key = boxKey(shared, epk, recipient, aad);
    try {
      return unsealKey({ iv: box.iv, tag: box.tag, ciphertext: box.ciphertext }, key, aad);
    } finally {
      key.fill(0);
      shared.fill(0);
    }
  } catch {
    return null;
  }
}
