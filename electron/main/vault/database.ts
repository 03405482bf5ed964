import { existsSync, mkdirSync } from 'node:fs';
import { storeOf } from '../db/store-engines';
import { join } from 'node:path';
import { ErrorCode, type Session } from '../../../core/contract';
import type { AuditAction, LockReason } from '../../../core/domain/audit';
import { CIPHER, cipherOf, openEncrypted, userVersion, vacuumInto, WrongKeyError, type Db } from '../db/connection';
import { sql } from 'kysely';
import type { Q, Store } from '../db/store';
import { NewerDatabaseError } from '../db/errors';
import { migrate } from '../db/migrate';
import { LATEST_SCHEMA_VERSION, migrations } from '../db/migrations';
import { getAccount, type AccountRecord } from '../db/repositories/accounts';
import { appendAudit, auditHead } from '../db/repositories/audit';
import { isNetworkLocation } from '../files/network';
import { databasePath } from '../paths';
import { HeaderCorruptError, readHeader, writeHeader, type VaultHeader } from './header';
import type { Opened } from './keyring';
import { sealKeyset } from './keyset';
import { recordAnchor } from './keyset-checks';
import { AppError, refusals } from '../errors';
import { changeCipher, optimize } from '../db/maintenance';
import type { FileWork, FileWorkResult } from './file-work';
import { inWorker } from './in-worker';
import { closeHandle, openHandle, openUnlocked } from './open-database';

export type { AnchorWitness, Handle, Replaced, Unlocked, VaultDeps } from './types';
import type { Handle, Unlocked, VaultDeps } from './types';

export function sessionOf(a: AccountRecord): Session {
  return {
    accountId: a.id,
    loginName: a.loginName,
    displayName: a.displayName,
    roles: a.roles,
    mustChangePassword: a.mustChangePassword,
  };
}

// The open database and who is logged in: opening with a key, migrating, the unit of work that
// writes and audits, locking. State-changing operations of the vault run one at a time (serial).

export class VaultDatabase {
  unlocked: Unlocked | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  // Work that belongs to every write's transaction (derived tables kept up to date).
  private readonly afterWrite: ((tx: Q) => Promise<unknown>)[] = [];

  constructor(readonly deps: VaultDeps) {}

  get dbFile(): string {
    return databasePath(this.deps.dataDir);
  }

  state(): 'absent' | 'locked' | 'unlocked' {
    if (this.unlocked) return 'unlocked';
    if (this.deps.postgres) return readHeaderSafe(this.deps.dataDir) ? 'locked' : 'absent';
    return existsSync(this.dbFile) || readHeaderSafe(this.deps.dataDir) ? 'locked' : 'absent';
  }

  session(): Session | null {
    return this.unlocked?.session ?? null;
  }

  // SQLite only: the raw connection (the vault's whole-file work, and tests).
  connection(): Db {
    const db = this.openDb();
    if (!db) throw refusals.embeddedOnly();
    return db;
  }

  // The open SQLite connection (null on PostgreSQL); refused while locked or re-encrypted.
  private openDb(): Db | null {
    if (!this.unlocked) throw refusals.locked();
    const db = this.unlocked.db;
    // Closed while the file worker re-encrypts it (a key rotation).
    if (db && !db.open) throw refusals.busy();
    return db;
  }

  async schemaVersion(): Promise<number> {
    const db = this.openDb();
    if (db) return userVersion(db);
    const row = await this.store()
      .q.selectNoFrom(sql<number>`(SELECT version FROM schema_version)`.as('v'))
      .executeTakeFirst();
    return row?.v ?? 0;
  }

  // The store of the open vault (repositories reach storage through it).
  store(): Store {
    this.openDb();
    return (this.unlocked as Unlocked).store;
  }

  q(): Q {
    return this.store().q;
  }

  // Runs fn and its audit entry in one transaction.
  async write<T>(
    action: AuditAction,
    targetId: string | null,
    summary: string,
    fn: (tx: Q) => T | Promise<T>,
  ): Promise<T> {
    return this.store().transaction(async (tx) => {
      const result = await fn(tx);
      await this.audit(tx, action, targetId, summary);
      for (const hook of this.afterWrite) await hook(tx);
      return result;
    });
  }

  // Runs `hook` at the end of every write, inside its transaction.
  onWrite(hook: (tx: Q) => Promise<unknown>): void {
    this.afterWrite.push(hook);
  }

  async audit(
    q: Q,
    action: AuditAction,
    targetId: string | null,
    summary: string,
    accountId?: string | null,
  ): Promise<void> {
    await appendAudit(q, {
      at: this.deps.clock().toISOString(),
      accountId: accountId === undefined ? (this.unlocked?.session.accountId ?? null) : accountId,
      action,
      targetId,
      summary,
    });
  }

  // Records the audit chain's head in vault.json, the database and outside the data folder.
  async anchor(u: Unlocked): Promise<void> {
    await recordAnchor(this, u);
  }

  // Writes vault.json, its key set sealed under `master` (null: left as it is, unsealed).
  saveHeader(header: VaultHeader, master: Buffer | null): void {
    if (master) sealKeyset(header, master);
    writeHeader(this.deps.dataDir, header);
  }

  // Writes vault.json during a session: sealed when the key set read at the start of the change
  // still verifies (`authentic`) and was trusted at login.
  saveUnlockedHeader(header: VaultHeader, authentic: boolean): void {
    const u = this.unlockedOrThrow();
    this.saveHeader(header, authentic && u.keysetTrusted ? u.master : null);
  }

  async readWitness(): Promise<{ id: number; hash: string; at: string } | null> {
    try {
      return (await this.deps.anchorWitness?.read()) ?? null;
    } catch {
      this.deps.logger.warn('vault.anchor_witness_unreadable');
      return null;
    }
  }

  // The chain's head now, to print and keep apart from this PC.
  // vault.json as it is now; a vault that was set up always has one.
  requireHeader(): VaultHeader {
    const header = this.header();
    if (!header) throw refusals.noHeader();
    return header;
  }

  async auditAnchor(): Promise<{ id: number; hash: string; at: string }> {
    const u = this.unlockedOrThrow();
    return { ...(await auditHead(u.store.q)), at: this.deps.clock().toISOString() };
  }

  serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async ensureLocalFolder(): Promise<void> {
    const check = this.deps.isNetworkLocation ?? ((p: string) => isNetworkLocation(p));
    if (await check(this.deps.dataDir)) {
      throw new AppError(
        ErrorCode.UNAVAILABLE,
        'データフォルダーがネットワーク上にあるため使用できません。データベースはこのパソコンのローカルディスクに置いてください（バックアップの保存先にはネットワークを使用できます）。',
      );
    }
  }

  header(): VaultHeader | null {
    try {
      return readHeader(this.deps.dataDir);
    } catch (err) {
      if (err instanceof HeaderCorruptError) {
        throw new AppError(
          ErrorCode.UNAVAILABLE,
          '鍵情報ファイル（vault.json）を読み込めません。バックアップから復元してください。',
        );
      }
      throw err;
    }
  }

  openHandle(key: Buffer, create: boolean): Promise<Handle> {
    return openHandle(this, key, create);
  }

  closeHandle(h: Handle): Promise<void> {
    return closeHandle(h);
  }

  openUnlocked(header: VaultHeader, opened: Opened, lookup: string) {
    return openUnlocked(this, header, opened, lookup);
  }

  open(key: Buffer, create: boolean): Db {
    const db = this.openOrNull(key, create);
    if (!db) {
      throw refusals.keysMismatch();
    }
    return db;
  }

  // null when the key does not open the file.
  openOrNull(key: Buffer, create: boolean): Db | null {
    let db: Db;
    try {
      db = openEncrypted(this.dbFile, key, {
        create,
        nativeBinding: this.deps.nativeBinding,
        maxSchemaVersion: LATEST_SCHEMA_VERSION,
      });
    } catch (err) {
      if (err instanceof NewerDatabaseError) {
        this.deps.logger.warn('vault.newer_schema', { found: err.found, supported: err.supported });
        throw new AppError(
          ErrorCode.UNAVAILABLE,
          'このデータベースは新しいバージョンの Madoguchi で作成されています。アプリを最新版に更新してください。',
        );
      }
      if (err instanceof WrongKeyError) return null;
      throw err;
    }
    try {
      const copy = (name: string) => {
        const dir = join(this.deps.dataDir, 'backups');
        mkdirSync(dir, { recursive: true });
        const stamp = this.deps.clock().toISOString().replace(/[:.]/g, '-');
        vacuumInto(db, join(dir, `${name}-${stamp}.db`));
      };
      const result = migrate(db, migrations, (from) => copy(`pre-migration-v${from}`));
      if (result.applied.length) this.deps.logger.info('vault.migrated', { from: result.from, to: result.to });
      // A vault written with an older cipher is re-encrypted with the current one, a copy first
      // (the one a migration just made will do).
      const cipher = cipherOf(db);
      if (cipher !== CIPHER && !create) {
        // migrate() copies an existing database before it changes it.
        const copied = result.from > 0 && result.applied.length > 0;
        if (!copied) copy(`pre-${CIPHER}`);
        changeCipher(db, key);
        this.deps.logger.info('vault.cipher_changed', { from: cipher, to: CIPHER });
      }
    } catch (err) {
      db.close();
      throw err;
    }
    return db;
  }

  becomeUnlocked(h: Handle, master: Buffer, key: Buffer, account: AccountRecord, keysetTrusted: boolean): Session {
    const session = sessionOf(account);
    this.unlocked = {
      db: h.db,
      // The store of whichever connection the session has now (a rotation or a restore reopens it).
      get store() {
        return this.db ? storeOf(this.db) : h.store;
      },
      master,
      key,
      session,
      keysetTrusted,
    };
    return session;
  }

  async refreshSession(): Promise<void> {
    const u = this.unlocked;
    if (!u) return;
    const account = await getAccount(u.store.q, u.session.accountId);
    if (account) u.session = sessionOf(account);
  }

  lock(reason: LockReason): Promise<void> {
    return this.serial(async () => {
      await this.lockNow(reason);
      return Promise.resolve();
    });
  }

  // Closes the database and zeroes the key. The renderer is reloaded by whoever owns it.
  async lockNow(reason: LockReason): Promise<void> {
    const u = this.unlocked;
    if (!u) return;
    try {
      await u.store.transaction(async (tx) => {
        await this.audit(tx, 'session.lock', u.session.accountId, reason);
      });
      await this.anchor(u);
    } catch {
      this.deps.logger.warn('session.lock_audit_failed');
    }
    await this.release(u);
    this.deps.logger.info('session.locked', { reason });
    this.deps.emit('session.locked', { reason });
  }

  // --- Backup, restore, key rotation ----------------------------------------------------------

  unlockedOrThrow(): Unlocked {
    if (!this.unlocked) throw refusals.locked();
    return this.unlocked;
  }

  // Long whole-file work (copies, re-encryption, large exports) on the file worker's thread; on
  // main's, with a warning logged, if the worker's script is missing.
  fileWork<K extends FileWork['op']>(work: Extract<FileWork, { op: K }>): Promise<FileWorkResult[K]> {
    return inWorker(work, this.deps.nativeBinding, () => this.deps.logger.warn('vault.file_worker_missing'));
  }

  scratch(name: string): string {
    return join(this.deps.dataDir, `${name}.partial.db`);
  }

  async close(): Promise<void> {
    const u = this.unlocked;
    if (u) await this.release(u);
  }

  private async release(u: Unlocked): Promise<void> {
    this.unlocked = null;
    u.key.fill(0);
    u.master.fill(0);
    const db = u.db;
    if (db) {
      // After the write in progress, if any: closing under it would fail it.
      await u.store.exclusive(() => {
        optimize(db);
        db.close();
      });
    } else await u.store.destroy();
  }
}

export function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

function readHeaderSafe(dataDir: string): boolean {
  try {
    return readHeader(dataDir) !== null;
  } catch {
    return true;
  }
}
