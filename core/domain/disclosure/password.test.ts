import { describe, expect, it } from 'vitest';
import {
  AMBIGUOUS,
  PASSWORD_ALPHABET,
  PASSWORD_LENGTH,
  generatePassword,
  passwordGroups,
  passwordReading,
} from './password';

// The Web Crypto source every runtime has (main passes node:crypto's randomBytes).
const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

describe('package password', () => {
  it('uses no ambiguous character, no upper case and no repeated alphabet letter', () => {
    for (const c of AMBIGUOUS) expect(PASSWORD_ALPHABET).not.toContain(c);
    expect(PASSWORD_ALPHABET).toBe(PASSWORD_ALPHABET.toLowerCase());
    expect(new Set(PASSWORD_ALPHABET).size).toBe(PASSWORD_ALPHABET.length);
    expect(PASSWORD_ALPHABET).toMatch(/^[a-z2-9]+$/);
  });

  it('draws 16 characters of the alphabet, different each time, with about 79 bits', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = generatePassword(random);
      expect(p).toHaveLength(PASSWORD_LENGTH);
      for (const c of p) expect(PASSWORD_ALPHABET).toContain(c);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
    expect(PASSWORD_LENGTH * Math.log2(PASSWORD_ALPHABET.length)).toBeGreaterThan(78);
  });

  it('discards bytes that would favour the first letters (rejection sampling)', () => {
    // 248 and above are refused with 31 letters; a source of only those never yields a letter,
    // so the generator keeps asking and uses the later, acceptable bytes.
    let calls = 0;
    const source = (n: number) => {
      calls += 1;
      return calls === 1 ? new Uint8Array(n).fill(250) : new Uint8Array(n).fill(31 + 2);
    };
    expect(generatePassword(source, 4)).toBe('cccc');
    expect(calls).toBe(2);
  });

  it('is uniform over the alphabet', () => {
    const counts = new Map<string, number>();
    const p = generatePassword(random, 31_000);
    for (const c of p) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(31);
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThan(200);
  });

  it('is read out character by character in groups of four', () => {
    expect(passwordReading('ab3kxy2z')).toBe('エー・ビー・数字の3・ケー ／ エックス・ワイ・数字の2・ゼット');
    expect(passwordGroups('abcdefghjkmn')).toBe('abcd efgh jkmn');
    for (const c of PASSWORD_ALPHABET) expect(passwordReading(c)).not.toBe(c);
  });
});
