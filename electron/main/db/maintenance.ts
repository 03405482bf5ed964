import { closedStates } from '../../../core/domain/workflow';
import { storeOf } from './store-engines';
import { CIPHER, openEncrypted, type Db } from './connection';
import { verifyAudit } from './repositories/audit';

// Whole-file operations on an encrypted database: checking one (a backup's, before it is
// trusted) and changing its key.

export type DatabaseCounts = { requests: number; open: number; audit: number };

export type DatabaseCheck = {
  ok: boolean;
  problem: 'wrongKey' | 'integrity' | 'audit' | 'newer' | null;
  schemaVersion: number;
  counts: DatabaseCounts;
};

const CLOSED = `(${closedStates.map((x) => `'${x}'`).join(',')})`;

// Opens a database file with a key and checks it: the key, PRAGMA integrity_check, the audit chain.
export async function checkDatabase(
  file: string,
  key: Buffer,
  opts: { nativeBinding?: string | undefined; maxSchemaVersion: number },
): Promise<DatabaseCheck> {
  const none = { requests: 0, open: 0, audit: 0 };
  let db: Db;
  try {
    db = openEncrypted(file, key, { create: false, nativeBinding: opts.nativeBinding });
  } catch {
    return { ok: false, problem: 'wrongKey', schemaVersion: 0, counts: none };
  }
  try {
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (schemaVersion > opts.maxSchemaVersion) return { ok: false, problem: 'newer', schemaVersion, counts: none };
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return { ok: false, problem: 'integrity', schemaVersion, counts: none };
    const audit = await storeOf(db).read((q) => verifyAudit(q));
    const count = (sql: string) => (db.prepare(sql).pluck().get() as number | undefined) ?? 0;
    const counts = {
      requests: count('SELECT count(*) FROM requests'),
      open: count(`SELECT count(*) FROM requests WHERE status NOT IN ${CLOSED}`),
      audit: audit.checked,
    };
    if (!audit.ok) return { ok: false, problem: 'audit', schemaVersion, counts };
    return { ok: true, problem: null, schemaVersion, counts };
  } catch {
    return { ok: false, problem: 'integrity', schemaVersion: 0, counts: none };
  } finally {
    db.close();
  }
}

// Re-encrypts a closed database file under another key (rollback journal: PRAGMA rekey does not
// run in WAL mode).
export function rekeyFile(file: string, from: Buffer, to: Buffer, nativeBinding?: string): void {
  const db = openEncrypted(file, from, { create: false, nativeBinding });
  try {
    rekey(db, to);
  } finally {
    db.close();
  }
}

// Re-encrypts an open database with `cipher` under the same key, in one transaction of the
// rollback journal (a crash leaves the file as it was, or done).
export function changeCipher(db: Db, key: Buffer, cipher: string = CIPHER): void {
  rekey(db, key, cipher);
}

// Re-encrypts an open database under `to` (and `cipher`, when given).
export function rekey(db: Db, to: Buffer, cipher?: string): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  if (cipher) db.pragma(`cipher='${cipher}'`);
  db.pragma(`rekey="x'${to.toString('hex')}'"`);
  db.pragma('journal_mode = WAL');
}

// Refreshes the planner's statistics where they went stale (SQLite's advice for closing a
// connection); a failure here must never keep the vault from locking.
export function optimize(db: Db): void {
  try {
    db.pragma('optimize');
  } catch {
    // Statistics only.
  }
}
