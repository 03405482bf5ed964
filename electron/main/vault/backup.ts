import { randomBytes } from 'node:crypto';
import { storeOf } from '../db/store-engines';
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ErrorCode, type BackupInfo } from '../../../core/contract';
import { passwordProblems } from '../../../core/domain/password';
import { KEY_BYTES } from '../db/connection';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { listAccountKeys } from '../db/repositories/accounts';
import { auditHead } from '../db/repositories/audit';
import { readKeysetRecord } from './keyset';
import { newKdfParams } from './kdf';
import { DATABASE_AAD, previousMasters } from './keyring';
import { unsealKey, unwrapKey, wrapKey, type Sealed } from './wrap';
import { AppError, fileErrorMessage } from '../errors';
import {
  BackupFormatError,
  descriptionAuthentic,
  readBackupMeta,
  removeDatabaseFiles,
  type BackupMeta,
} from './backup-file';
import type { DatabaseCheck } from '../db/maintenance';
import type { VaultDatabase } from './database';
import { keepRestorerAccess, keysAfterRestore, otherVaultAccounts, type LiveKeys } from './restore-accounts';
import { refusals } from '../errors';

const BACKUP_AAD = 'madoguchi:v1:backup';

// A backup file that could not be verified is not left where staff would take it for one.
function removeUnverified(target: string): void {
  try {
    rmSync(target, { force: true });
  } catch {
    // The folder refuses even this (gone, read-only): nothing was verified, and the message says so.
  }
}

function otherVault(): AppError {
  return new AppError(
    ErrorCode.BAD_INPUT,
    'このバックアップは別の保管庫（別のパソコンや初期設定前のデータ）のものです。バックアップ用パスワードを付けて作成したバックアップをお使いください。',
  );
}

// Backups of the vault: a verified encrypted copy, what a backup holds, and a restore that
// changes nothing until the checked copy replaces the database.
export class VaultBackups {
  constructor(private readonly core: VaultDatabase) {}

  // An encrypted copy of the database in `target`, verified before it is reported: the file is
  // read back, its database opened, integrity_check run and the audit chain verified.
  createBackup(target: string, opts: { password: string | null; appVersion: string }): Promise<BackupInfo> {
    return this.core.serial(async () => {
      const u = this.core.unlockedOrThrow();
      if (!u.db) throw refusals.embeddedOnly();
      const header = this.core.requireHeader();
      if (opts.password !== null) {
        const problems = passwordProblems(opts.password);
        if (problems.length) throw refusals.badPassword('password', problems);
      }
      const copy = this.core.scratch('backup');
      const check = this.core.scratch('backup-check');
      removeDatabaseFiles(copy);
      let key: Buffer | null = null;
      try {
        const head = await auditHead(u.store.q);
        await this.core.fileWork({ op: 'copy', live: this.core.dbFile, key: u.key, out: copy });
        let meta: Omit<BackupMeta, 'counts' | 'size' | 'sha256' | 'schemaVersion'>;
        if (opts.password !== null) {
          key = randomBytes(KEY_BYTES);
          await this.core.fileWork({ op: 'rekey', file: copy, from: u.key, to: key });
          meta = {
            format: 2,
            createdAt: this.core.deps.clock().toISOString(),
            appVersion: opts.appVersion,
            protection: 'password',
            wrap: await wrapKey(key, opts.password, newKdfParams(header.kdfCost), BACKUP_AAD),
          };
        } else {
          key = Buffer.from(u.key);
          meta = {
            format: 2,
            createdAt: this.core.deps.clock().toISOString(),
            appVersion: opts.appVersion,
            protection: 'vault',
            ...(header.database ? { database: header.database } : {}),
          };
        }
        const first = await this.check(copy, key);
        if (!first.ok)
          throw new AppError(
            ErrorCode.INTERNAL,
            'バックアップの検証に失敗しました。データベースの状態を確認してください。',
          );
        const full: BackupMeta = {
          ...meta,
          schemaVersion: first.schemaVersion,
          counts: first.counts,
          size: statSync(copy).size,
          sha256: await this.core.fileWork({ op: 'sha256', file: copy }),
          auditHead: head,
          anchorTotal: header.anchorTotal ?? header.auditAnchors?.length ?? 0,
        };
        try {
          await this.core.fileWork({ op: 'write', target, meta: full, databaseFile: copy, key });
        } catch (err) {
          throw fileErrorMessage(err, 'バックアップ') ?? err;
        }
        await this.removeScratch(copy);
        // Read back what was written, as a restore would; a copy that does not check out is removed.
        let second: DatabaseCheck | null = null;
        try {
          const written = readBackupMeta(target);
          await this.core.fileWork({
            op: 'extract',
            file: target,
            offset: written.offset,
            meta: written.meta,
            out: check,
          });
          second = await this.check(check, key);
        } catch (err) {
          // A read-back that hits a file error leaves nothing unverified behind either.
          if (!(err instanceof BackupFormatError)) {
            removeUnverified(target);
            throw fileErrorMessage(err, 'バックアップ') ?? err;
          }
        }
        if (!second?.ok) {
          removeUnverified(target);
          throw new AppError(
            ErrorCode.UNAVAILABLE,
            '書き込んだバックアップを検証できませんでした。別の保存先でもう一度お試しください。',
          );
        }
        await u.store.transaction(async (tx) => {
          await this.core.audit(
            tx,
            'vault.backup',
            null,
            `protection=${full.protection} requests=${full.counts.requests}`,
          );
        });
        await this.core.anchor(u);
        this.core.deps.logger.info('vault.backup', { protection: full.protection, requests: full.counts.requests });
        return {
          createdAt: full.createdAt,
          appVersion: full.appVersion,
          protection: full.protection,
          counts: full.counts,
          check: 'ok',
        };
      } finally {
        key?.fill(0);
        await this.removeScratch(copy, check);
      }
    });
  }

  // Scratch copies of the vault are deleted on the worker (unlinking a large file whose pages
  // are not yet written takes a while); here, should the worker fail.
  private async removeScratch(...files: string[]): Promise<void> {
    try {
      await this.core.fileWork({ op: 'remove', files });
    } catch {
      for (const f of files) removeDatabaseFiles(f);
    }
  }

  private check(file: string, key: Buffer): Promise<DatabaseCheck> {
    return this.core.fileWork({ op: 'check', file, key, maxSchemaVersion: LATEST_SCHEMA_VERSION });
  }

  // The key that opens a backup's database, or an AppError saying why there is none.
  private async backupKeys(meta: BackupMeta, password: string | null): Promise<Buffer[]> {
    const u = this.core.unlockedOrThrow();
    if (meta.protection === 'password') {
      if (!password || !meta.wrap) {
        throw new AppError(
          ErrorCode.BAD_INPUT,
          'このバックアップにはパスワードが設定されています。バックアップのパスワードを入力してください。',
          [{ path: ['password'], message: 'バックアップのパスワードを入力してください。' }],
        );
      }
      const key = await unwrapKey(meta.wrap, password, BACKUP_AAD);
      if (!key) {
        throw new AppError(ErrorCode.AUTH_FAILED, 'バックアップのパスワードが正しくありません。', [
          { path: ['password'], message: 'バックアップのパスワードが正しくありません。' },
        ]);
      }
      return [key];
    }
    // This vault's keys: the current master key, then the earlier ones (backups made before the
    // master key was replaced). A sealed database key tells which; a backup from before any
    // rotation used the master key itself, so each is tried on the file.
    const header = this.core.header();
    const masters = [u.master, ...(header ? previousMasters(header, u.master) : [])];
    const keys = meta.database
      ? masters.map((m) => unsealKey(meta.database as Sealed, m, DATABASE_AAD)).filter((k): k is Buffer => k !== null)
      : masters.map((m) => Buffer.from(m));
    if (keys.length === 0) throw otherVault();
    return keys;
  }

  readBackup(file: string): { meta: BackupMeta; offset: number; raw: Buffer } {
    try {
      return readBackupMeta(file);
    } catch (err) {
      if (err instanceof BackupFormatError) {
        throw new AppError(ErrorCode.BAD_INPUT, '選んだファイルは Madoguchi のバックアップではないか、壊れています。');
      }
      throw fileErrorMessage(err, 'バックアップ') ?? err;
    }
  }

  // Extracts and checks a backup's database into `out`; returns the check and the key.
  private async openBackup(file: string, password: string | null, out: string) {
    const { meta, offset, raw } = this.readBackup(file);
    const keys = await this.backupKeys(meta, password);
    const wipe = (except?: Buffer) => keys.forEach((k) => k !== except && k.fill(0));
    try {
      await this.core.fileWork({ op: 'extract', file, offset, meta, out });
    } catch (err) {
      wipe();
      if (err instanceof BackupFormatError) {
        throw new AppError(
          ErrorCode.BAD_INPUT,
          'バックアップが壊れています（内容が作成時と一致しません）。別のバックアップをお選びください。',
        );
      }
      throw fileErrorMessage(err, 'バックアップ') ?? err;
    }
    let key = keys[0] ?? Buffer.alloc(32);
    let check = await this.check(out, key);
    for (const candidate of keys.slice(1)) {
      if (check.problem !== 'wrongKey') break;
      key = candidate;
      check = await this.check(out, key);
    }
    wipe(key);
    if (check.problem === 'wrongKey' && meta.protection === 'vault') {
      key.fill(0);
      throw otherVault();
    }
    // From format 2, every byte of the description is authenticated; format 1 (older backups)
    // has no MAC to check, and its database part is still covered by its SHA-256.
    if (meta.format === 2 && !descriptionAuthentic(raw, key)) {
      key.fill(0);
      throw new AppError(
        ErrorCode.BAD_INPUT,
        'バックアップの内容が作成時と一致しません（改変されているか、壊れています）。別のバックアップをお選びください。',
      );
    }
    return { meta, key, check };
  }

  // What a backup holds and whether it checks out, without changing anything.
  inspectBackup(file: string, password: string | null): Promise<BackupInfo> {
    return this.core.serial(async () => {
      const out = this.core.scratch('inspect');
      try {
        const { meta, key, check } = await this.openBackup(file, password, out);
        const other = check.ok ? await otherVaultAccounts(this.core, out, key) : null;
        key.fill(0);
        return {
          createdAt: meta.createdAt,
          appVersion: meta.appVersion,
          protection: meta.protection,
          counts: check.ok ? check.counts : meta.counts,
          check: check.problem ?? 'ok',
          ...(other ? { otherVault: { accounts: other } } : {}),
        };
      } finally {
        removeDatabaseFiles(out);
      }
    });
  }

  // Replaces the database with a backup's: the current one is backed up first (into
  // `safetyCopy`), the backup is written beside, verified and re-encrypted under this vault's
  // key, then renamed over the database. Any failure before the rename changes nothing. The
  // vault is locked afterwards: the accounts are those of the backup.
  restoreBackup(
    file: string,
    opts: { password: string | null; safetyCopy: string; appVersion: string },
  ): Promise<BackupInfo> {
    return (async () => {
      const out = this.core.scratch('restore');
      let info: BackupInfo;
      let other: { loginName: string; displayName: string }[] | null = null;
      let access: { renamed: number } | null = null;
      try {
        info = await this.core.serial(async () => {
          const { meta, key, check } = await this.openBackup(file, opts.password, out);
          try {
            if (!check.ok) {
              throw new AppError(
                ErrorCode.BAD_INPUT,
                check.problem === 'newer'
                  ? 'このバックアップは新しいバージョンの Madoguchi で作成されています。アプリを更新してから復元してください。'
                  : 'バックアップの検証に失敗しました（整合性または監査ログの検証）。別のバックアップをお選びください。',
              );
            }
            const u = this.core.unlockedOrThrow();
            if (!key.equals(u.key)) await this.core.fileWork({ op: 'rekey', file: out, from: key, to: u.key });
            other = await otherVaultAccounts(this.core, out, u.key);
            access = await keepRestorerAccess(this.core, out, u);
            return {
              createdAt: meta.createdAt,
              appVersion: meta.appVersion,
              protection: meta.protection,
              counts: check.counts,
              check: 'ok' as const,
            };
          } finally {
            key.fill(0);
          }
        });
        // The current data first, as a verified backup of its own.
        mkdirSync(dirname(opts.safetyCopy), { recursive: true });
        await this.createBackup(opts.safetyCopy, { password: null, appVersion: opts.appVersion });
      } catch (err) {
        removeDatabaseFiles(out);
        throw err;
      }
      return this.core.serial(async () => {
        const u = this.core.unlockedOrThrow();
        if (!u.db) throw refusals.embeddedOnly();
        const accountId = u.session.accountId;
        const live: LiveKeys = {
          accounts: await listAccountKeys(u.store.q),
          record: await readKeysetRecord(u.store.q),
        };
        const old = u.db;
        await u.store.exclusive(() => old.close());
        try {
          // A WAL left beside the old file would be replayed onto the restored one.
          for (const f of [`${this.core.dbFile}-wal`, `${this.core.dbFile}-shm`]) rmSync(f, { force: true });
          renameSync(out, this.core.dbFile);
        } catch (err) {
          // The old database is still in place: carry on with it.
          removeDatabaseFiles(out);
          u.db = this.core.open(u.key, false);
          throw fileErrorMessage(err, '復元') ?? err;
        }
        const db = this.core.open(u.key, false);
        u.db = db;
        await storeOf(db).transaction(async (tx) => {
          await this.core.audit(
            tx,
            'vault.restore',
            null,
            `backup=${info.createdAt} requests=${info.counts.requests}${access ? ` other_vault=1 renamed=${access.renamed}` : ''}`,
            accountId,
          );
        });
        await keysAfterRestore(this.core, u, db, live);
        this.core.deps.logger.info('vault.restored', { requests: info.counts.requests });
        await this.core.lockNow('system');
        return Promise.resolve(other ? { ...info, otherVault: { accounts: other } } : info);
      });
    })();
  }
}
