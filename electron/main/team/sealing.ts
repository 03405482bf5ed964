import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { kanaKey, nameKey, phoneKey } from '../../../core/domain/intake/text';

// Team mode (docs/DECISIONS.md, "Team mode: what the server sees"): personal fields reach the
// company's PostgreSQL server sealed by the app, and searchable fields also as keyed blind
// indexes. The keys come from the team's master key (the key set on the server wraps it for each
// account and the recovery key, as the vault's database key is wrapped today); the server never
// holds it.
//
// A sealed value: "MS" | version 1 | key generation (uint32 BE) | nonce (12) | tag (16) | ciphertext
// AES-256-GCM; the additional data is the header and the value's place (table, row id, column),
// so a sealed value copied to another row or column, or a header edited, does not open.
// The generation names the master key it was sealed under: disabling an account re-seals every
// value under a new master key, and until that job is done both generations open.

const MAGIC = Buffer.from('MS', 'latin1');
const VERSION = 1;
const HEADER = MAGIC.length + 1 + 4;
const NONCE = 12;
const TAG = 16;

export type SealPlace = { table: string; rowId: string; column: string };

export class SealError extends Error {
  constructor(reason: string) {
    super(`A sealed value does not open: ${reason}.`);
    this.name = 'SealError';
  }
}

// The searchable fields and how each is normalized before its index is computed (the same
// normalization as the vault's search: text.ts).
export const blindFields = {
  name: (s: string) => nameKey(s),
  nameFamily: (s: string) => nameKey(firstWord(s)),
  nameGiven: (s: string) => nameKey(restWords(s)),
  kana: (s: string) => kanaKey(s),
  kanaFamily: (s: string) => kanaKey(firstWord(s)),
  kanaGiven: (s: string) => kanaKey(restWords(s)),
  phone: (s: string) => phoneKey(s),
  email: (s: string) => s.normalize('NFKC').trim().toLowerCase(),
  birthDate: (s: string) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? s : ''),
  postalCode: (s: string) => s.normalize('NFKC').replace(/\D/g, ''),
} as const satisfies Record<string, (s: string) => string>;
export type BlindField = keyof typeof blindFields;

// 氏名 as typed: family name, a space (half- or full-width), given name.
function words(s: string): string[] {
  return s
    .normalize('NFKC')
    .trim()
    .split(/[\s・]+/)
    .filter(Boolean);
}
const firstWord = (s: string) => (words(s).length > 1 ? (words(s)[0] ?? '') : '');
const restWords = (s: string) => words(s).slice(1).join('');

// Bytes of an index kept (32 bits, as CipherSweet sizes its indexes): equal values give equal
// indexes, and a few unequal ones share one by chance, so a search opens its candidates and
// keeps those whose value matches (candidateMatches). A shorter index tells an onlooker less
// about which rows hold the same value than the full HMAC would.
export const BLIND_BYTES = 4;

type Keys = { seal: Buffer; blind: Map<BlindField, Buffer> };

function derive(master: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
}

function keysOf(master: Buffer): Keys {
  if (master.length !== 32) throw new Error('The team master key must be 32 bytes.');
  const blind = new Map<BlindField, Buffer>();
  for (const field of Object.keys(blindFields) as BlindField[]) {
    blind.set(field, derive(master, `madoguchi:v1:team-blind:${field}`));
  }
  return { seal: derive(master, 'madoguchi:v1:team-seal'), blind };
}

function additionalData(header: Buffer, place: SealPlace): Buffer {
  for (const part of [place.table, place.rowId, place.column]) {
    if (part === '' || part.includes('\0')) throw new Error('A sealed value needs its table, row id and column.');
  }
  return Buffer.concat([header, Buffer.from(`\0${place.table}\0${place.rowId}\0${place.column}`, 'utf8')]);
}

export class FieldSealer {
  private readonly keys = new Map<number, Keys>();

  // current: the generation new values are sealed under; older: generations still to be re-sealed.
  constructor(
    private readonly current: { generation: number; master: Buffer },
    older: readonly { generation: number; master: Buffer }[] = [],
  ) {
    for (const g of [current, ...older]) {
      if (!Number.isInteger(g.generation) || g.generation < 1 || g.generation > 0xffffffff) {
        throw new Error('A key generation is a positive 32-bit integer.');
      }
      this.keys.set(g.generation, keysOf(g.master));
    }
  }

  get generation(): number {
    return this.current.generation;
  }

  seal(value: string | Uint8Array, place: SealPlace): Buffer {
    const keys = this.keys.get(this.current.generation);
    if (!keys) throw new Error('No key for the current generation.');
    const header = Buffer.alloc(HEADER);
    MAGIC.copy(header, 0);
    header.writeUInt8(VERSION, MAGIC.length);
    header.writeUInt32BE(this.current.generation, MAGIC.length + 1);
    const nonce = randomBytes(NONCE);
    const cipher = createCipheriv('aes-256-gcm', keys.seal, nonce);
    cipher.setAAD(additionalData(header, place));
    const plain = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([header, nonce, cipher.getAuthTag(), body]);
  }

  open(sealed: Uint8Array, place: SealPlace): Buffer {
    const b = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
    if (b.length < HEADER + NONCE + TAG || !b.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw new SealError('not a sealed value');
    }
    if (b.readUInt8(MAGIC.length) !== VERSION) throw new SealError('unknown version');
    const keys = this.keys.get(b.readUInt32BE(MAGIC.length + 1));
    if (!keys) throw new SealError('sealed under a key this desk does not hold');
    const header = b.subarray(0, HEADER);
    const nonce = b.subarray(HEADER, HEADER + NONCE);
    const tag = b.subarray(HEADER + NONCE, HEADER + NONCE + TAG);
    try {
      const decipher = createDecipheriv('aes-256-gcm', keys.seal, nonce);
      decipher.setAAD(additionalData(header, place));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(b.subarray(HEADER + NONCE + TAG)), decipher.final()]);
    } catch {
      throw new SealError('altered, or moved from another row or column');
    }
  }

  openText(sealed: Uint8Array, place: SealPlace): string {
    return this.open(sealed, place).toString('utf8');
  }

  // The generation a stored value was sealed under (the re-seal job's progress).
  static generationOf(sealed: Uint8Array): number | null {
    const b = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
    if (b.length < HEADER || !b.subarray(0, MAGIC.length).equals(MAGIC)) return null;
    return b.readUInt32BE(MAGIC.length + 1);
  }

  // The blind index of a value, under the current generation's key; null when the normalized
  // value is empty (nothing to find).
  blindIndex(field: BlindField, value: string): Buffer | null {
    return this.blindIndexAt(this.current.generation, field, value);
  }

  // Under each generation's key, newest first: during a re-seal a search asks for all of them.
  blindIndexes(field: BlindField, value: string): Buffer[] {
    return [...this.keys.keys()]
      .sort((a, b) => b - a)
      .map((g) => this.blindIndexAt(g, field, value))
      .filter((i): i is Buffer => i !== null);
  }

  private blindIndexAt(generation: number, field: BlindField, value: string): Buffer | null {
    const normalized = blindFields[field](value);
    if (normalized === '') return null;
    const key = this.keys.get(generation)?.blind.get(field);
    if (!key) throw new Error('No key for that generation.');
    return createHmac('sha256', key).update(normalized, 'utf8').digest().subarray(0, BLIND_BYTES);
  }
}

// Whether a candidate found by its blind index really holds the value searched for.
export function candidateMatches(field: BlindField, searched: string, stored: string): boolean {
  const a = blindFields[field](searched);
  return a !== '' && a === blindFields[field](stored);
}
