// The password of an 電磁的記録 package (issue 17 §4): read aloud on the phone or copied from a
// letter by someone who has never seen it, so it uses only lower-case letters and digits that
// cannot be mistaken for one another (no 0/o, 1/l/i, and no upper case at all). Sixteen
// characters from 31 give about 79 bits, far beyond guessing against a ZIP's key derivation.

export const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const PASSWORD_LENGTH = 16;
// Characters that are easy to misread in print or by ear; none is in the alphabet.
export const AMBIGUOUS = '0Oo1lIiQ';

// Draws each character uniformly: bytes at or above the largest multiple of the alphabet's size
// are discarded (rejection sampling) instead of being folded in, which would favour some letters.
export function generatePassword(randomBytes: (n: number) => Uint8Array, length = PASSWORD_LENGTH): string {
  const n = PASSWORD_ALPHABET.length;
  const limit = 256 - (256 % n);
  let out = '';
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b >= limit) continue;
      out += PASSWORD_ALPHABET.charAt(b % n);
      if (out.length === length) break;
    }
  }
  return out;
}

const readings: Record<string, string> = {
  a: 'エー',
  b: 'ビー',
  c: 'シー',
  d: 'ディー',
  e: 'イー',
  f: 'エフ',
  g: 'ジー',
  h: 'エイチ',
  j: 'ジェイ',
  k: 'ケー',
  m: 'エム',
  n: 'エヌ',
  p: 'ピー',
  q: 'キュー',
  r: 'アール',
  s: 'エス',
  t: 'ティー',
  u: 'ユー',
  v: 'ブイ',
  w: 'ダブリュー',
  x: 'エックス',
  y: 'ワイ',
  z: 'ゼット',
  '2': '数字の2',
  '3': '数字の3',
  '4': '数字の4',
  '5': '数字の5',
  '6': '数字の6',
  '7': '数字の7',
  '8': '数字の8',
  '9': '数字の9',
};

// How each character is read out (for the phone, and printed under the password), in groups of
// four: 「エー・ビー・数字の3・ケー ／ …」.
export function passwordReading(password: string): string {
  const groups: string[] = [];
  for (let i = 0; i < password.length; i += 4) {
    groups.push(Array.from(password.slice(i, i + 4), (c) => readings[c] ?? c).join('・'));
  }
  return groups.join(' ／ ');
}

// The password in groups of four for reading (the spaces are not part of it).
export const passwordGroups = (password: string): string => password.replace(/(.{4})(?=.)/g, '$1 ');
