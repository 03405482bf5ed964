import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync } from 'node:fs';
import { NewerDatabaseError } from './errors';

export type Db = Database.Database;

export type OpenOptions = {
  // Path of a better_sqlite3.node built for the running runtime (Electron's ABI differs from
  // Node's); undefined uses the package's own build, which `npm install` makes for Node.
  nativeBinding?: string | undefined;
  create: boolean;
  // Refuse (and leave the file byte-identical) a database written by a newer app version.
  maxSchemaVersion?: number;
};

export class WrongKeyError extends Error {
  constructor() {
    super('The database key does not open this database.');
    this.name = 'WrongKeyError';
  }
}

// SQLite3 Multiple Ciphers: AEGIS-256 authenticates every page and runs on the CPU's AES
// instructions (about the cost of no encryption at all); vaults written before version 0.2 used
// ChaCha20-Poly1305 and are re-encrypted when first opened (VaultDatabase.openOrNull). A raw key
// in x'…' form skips the cipher's own KDF (our KDF runs once, when the key is unwrapped).
export const CIPHER = 'aegis';
const LEGACY_CIPHERS = ['chacha20'] as const;

export const KEY_BYTES = 32;

function applyKey(db: Db, key: Buffer, cipher: string): void {
  if (key.length !== KEY_BYTES) throw new Error('A database key must be 32 bytes.');
  db.pragma(`cipher='${cipher}'`);
  db.pragma(`key="x'${key.toString('hex')}'"`);
}

// The cipher a connection reads and writes its database with.
export function cipherOf(db: Db): string {
  return String(db.pragma('cipher', { simple: true }));
}

function isNotADb(err: unknown): boolean {
  return err instanceof Error && 'code' in err && (err as { code: unknown }).code === 'SQLITE_NOTADB';
}

export function openEncrypted(file: string, key: Buffer, opts: OpenOptions): Db {
  if (!opts.create && !existsSync(file)) throw new Error('Database file not found.');
  const db = openWithCipher(file, key, opts);
  if (opts.maxSchemaVersion !== undefined) {
    const found = userVersion(db);
    if (found > opts.maxSchemaVersion) {
      db.close();
      throw new NewerDatabaseError(found, opts.maxSchemaVersion);
    }
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Deleted content (an enclosure removed, a request purged) is overwritten in the file.
  db.pragma('secure_delete = ON');
  // Sort and index spill stays in memory: SQLite's temp files are not encrypted.
  db.pragma('temp_store = MEMORY');
  // About 64 MiB of page cache: the working set of ~100,000 requests fits.
  db.pragma('cache_size = -65536');
  // Gathers planner statistics for tables that have none yet or changed much (SQLite's advice
  // for long-lived connections); cheap when nothing changed.
  db.pragma('optimize = 0x10002');
  return db;
}

// The current cipher first, then the legacy ones. A failed attempt reads nothing and changes
// nothing: a hot journal left by a re-encryption cut short is rolled back by the attempt whose
// cipher wrote it (crash-tested, scripts/crash-test.ts).
function openWithCipher(file: string, key: Buffer, opts: OpenOptions, readonly = false): Db {
  for (const cipher of [CIPHER, ...LEGACY_CIPHERS]) {
    const db = new Database(file, { nativeBinding: opts.nativeBinding, fileMustExist: !opts.create, readonly });
    try {
      applyKey(db, key, cipher);
      // Reading the schema proves the key before anything else touches the file.
      db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
      return db;
    } catch (err) {
      db.close();
      if (!isNotADb(err)) throw err;
    }
  }
  throw new WrongKeyError();
}

export function userVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

// A read-only connection to a live database (another connection may be writing it): for
// copying it off main's thread. Its pragmas change nothing in the file.
export function openReader(file: string, key: Buffer, nativeBinding?: string): Db {
  if (!existsSync(file)) throw new Error('Database file not found.');
  const db = openWithCipher(file, key, { create: false, nativeBinding }, true);
  db.pragma('temp_store = MEMORY');
  return db;
}

// Copies what the WAL holds into the database file and empties the WAL, from a connection of its
// own (off main's thread), while main's connection stays open: main's close then has nothing left
// to copy. Waits for readers and writers (better-sqlite3's busy timeout) rather than fail.
export function checkpointFile(file: string, key: Buffer, nativeBinding?: string): void {
  const db = openWithCipher(file, key, { create: false, nativeBinding });
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

// An encrypted copy (same cipher and key) of the whole database. db.backup() refuses encrypted
// databases and serialize() would return plaintext.
export function vacuumInto(db: Db, file: string): void {
  db.prepare('VACUUM INTO ?').run(file);
}

// Statements compiled once per connection: preparing costs more than running most of our
// queries. The cache is bounded (the request list builds its WHERE from the filter) and goes
// with the connection. A cached statement is handed out with pluck off; callers that want
// plucked values call .pluck() each time, as before.
const MAX_CACHED = 300;
const statements = new WeakMap<Db, Map<string, Database.Statement>>();

export function prepared(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    if (cache.size >= MAX_CACHED) cache.clear();
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  } else if (stmt.reader) {
    stmt.pluck(false);
  }
  return stmt;
}
