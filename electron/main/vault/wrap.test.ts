import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KdfParams, newKdfParams } from './kdf';
import { boxTo, keyPair, openBox, unwrapKey, wrapKey } from './wrap';

const cost = { algorithm: 'scrypt' as const, logN: 14, r: 8, p: 1 };

describe('key wrapping', () => {
  it('unwraps with the same secret and purpose only', async () => {
    const key = randomBytes(32);
    const wrap = await wrapKey(key, 'パスワード の 例 です', newKdfParams(cost), 'account:1');
    expect(await unwrapKey(wrap, 'パスワード の 例 です', 'account:1')).toEqual(key);
    expect(await unwrapKey(wrap, 'パスワード の 例 でず', 'account:1')).toBeNull();
    expect(await unwrapKey(wrap, 'パスワード の 例 です', 'account:2')).toBeNull();
    expect(Buffer.from(wrap.ciphertext, 'base64').equals(key)).toBe(false);
  });

  it('treats NFC and NFD spellings of a passphrase as the same', async () => {
    const key = randomBytes(32);
    const nfc = 'がぎぐげご ぱぴぷぺぽ';
    const wrap = await wrapKey(key, nfc, newKdfParams(cost), 'a');
    expect(await unwrapKey(wrap, nfc.normalize('NFD'), 'a')).toEqual(key);
  });

  it('detects a tampered ciphertext', async () => {
    const wrap = await wrapKey(randomBytes(32), 'secret secret', newKdfParams(cost), 'a');
    const bytes = Buffer.from(wrap.ciphertext, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    expect(await unwrapKey({ ...wrap, ciphertext: bytes.toString('base64') }, 'secret secret', 'a')).toBeNull();
  });

  it('validates KDF parameters as a value object', () => {
    expect(KdfParams.safeParse(newKdfParams(cost)).success).toBe(true);
    expect(KdfParams.safeParse({ ...newKdfParams(cost), logN: 30 }).success).toBe(false);
    expect(KdfParams.safeParse({ ...newKdfParams(cost), logN: 10 }).success).toBe(false);
    expect(KdfParams.safeParse({ ...newKdfParams(cost), salt: 'AAAA' }).success).toBe(false);
    expect(KdfParams.safeParse({ ...newKdfParams(cost), extra: 1 }).success).toBe(false);
  });
});

describe('boxes sealed to a public key', () => {
  it('open with the private key and the same purpose only', () => {
    const alice = keyPair();
    const bob = keyPair();
    const secret = randomBytes(32);
    const box = boxTo(alice.publicKey, secret, 'madoguchi:test:master');
    expect(openBox(box, alice.privateKey, 'madoguchi:test:master')?.equals(secret)).toBe(true);
    expect(openBox(box, bob.privateKey, 'madoguchi:test:master')).toBeNull();
    expect(openBox(box, alice.privateKey, 'madoguchi:test:other')).toBeNull();
    // Deterministic from a seed (a recovery key's private key), with a 32-byte public key.
    const seed = randomBytes(32);
    expect(keyPair(seed).publicKey.equals(keyPair(seed).publicKey)).toBe(true);
    expect(keyPair(seed).publicKey).toHaveLength(32);
    // A tampered box opens to nothing.
    const bad = { ...box, ciphertext: Buffer.from(box.ciphertext, 'base64').reverse().toString('base64') };
    expect(openBox(bad, alice.privateKey, 'madoguchi:test:master')).toBeNull();
  });
});
