import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  ErrorCode,
  type AuditVerification as ContractAuditVerification,
  type BackupInfo,
  type EventName,
  type EventPayload,
  type Session,
} from '../../../core/contract';
import type { AuditAction, LockReason } from '../../../core/domain/audit';
import { throttleSeconds } from '../../../core/domain/login-throttle';
import type { Organisation } from '../../../core/domain/organisation';
import { passwordProblems } from '../../../core/domain/password';
import { formatRecoveryKey, parseRecoveryKey, RECOVERY_KEY_BYTES } from '../../../core/domain/recovery-key';
import { KEY_BYTES, openEncrypted, vacuumInto, WrongKeyError, type Db } from '../db/connection';
import { NewerDatabaseError } from '../db/errors';
import { migrate } from '../db/migrate';
import { LATEST_SCHEMA_VERSION, migrations } from '../db/migrations';
import {
  findAccountByLogin,
  getAccount,
  insertAccount,
  listAccounts,
  renameAccountLogin,
  updateAccount,
  type AccountRecord,
} from '../db/repositories/accounts';
import { anchorHolds, appendAudit, auditHead, verifyAudit, type AuditAnchor } from '../db/repositories/audit';
import { putSetting } from '../db/repositories/settings';
import { isNetworkLocation } from '../files/network';
import type { Logger } from '../log';
import { databasePath } from '../paths';
import {
  HeaderCorruptError,
  lookupId,
  newLookupSalt,
  normaliseLoginName,
  readHeader,
  writeHeader,
  type PendingAudit,
  type VaultHeader,
} from './header';
import { calibrateKdf, newKdfParams, type KdfCost } from './kdf';
import {
  DATABASE_AAD,
  databaseKeyOf,
  isLegacy,
  newEntry,
  openEntry,
  openPending,
  openRecovery,
  addAnchor,
  anchorAuthentic,
  prepareReplacement,
  previousMasters,
  promote,
  rekeyAnchors,
  recoveryBoxFor,
  type Opened,
} from './keyring';
import { unsealKey, unwrapKey, wrapKey, type Sealed } from './wrap';
import { AppError, fileErrorMessage } from '../errors';
import {
  BackupFormatError,
  checkDatabase,
  extractDatabase,
  descriptionAuthentic,
  readBackupMeta,
  rekey,
  rekeyFile,
  removeDatabaseFiles,
  sha256File,
  writeBackupFile,
  type BackupMeta,
  type DatabaseCheck,
} from './backup-file';
import { statSync } from 'node:fs';

export type VaultDeps = {
  dataDir: string;
  nativeBinding?: string | undefined;
  logger: Logger;
  clock: () => Date;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  // Tests pass a cheap cost; the app calibrates to about 0.5 s on the user's PC.
  kdfCost?: () => Promise<KdfCost>;
  isNetworkLocation?: (path: string) => Promise<boolean>;
};

// master: what the wraps protect (new wraps are made of it); key: what opens the database.
type Unlocked = { db: Db; master: Buffer; key: Buffer; session: Session };

// After the master key was replaced: accounts that need a new temporary password, and a new
// recovery key to show once (when the old one could not be carried over).
export type Replaced = { droppedAccounts: string[]; newRecoveryKey: string | null };

const BACKUP_AAD = 'madoguchi:v1:backup';

const RECOVERY_LOOKUP = '(recovery)';
const MAX_THROTTLE_ENTRIES = 1000;

function otherVault(): AppError {
  return new AppError(
    ErrorCode.BAD_INPUT,
    'このバックアップは別の保管庫（別のパソコンや初期設定前のデータ）のものです。バックアップ用パスワードを付けて作成したバックアップをお使いください。',
  );
}

function badPassword(field: string, problems: string[]): AppError {
  return new AppError(
    ErrorCode.BAD_INPUT,
    problems[0] ?? '',
    problems.map((message) => ({ path: [field], message })),
  );
}

export function sessionOf(a: AccountRecord): Session {
  return {
    accountId: a.id,
    loginName: a.loginName,
    displayName: a.displayName,
    roles: a.roles,
    mustChangePassword: a.mustChangePassword,
  };
}

// The vault: the encrypted database, the wrapped keys in vault.json, and who is logged in.
// State-changing operations run one at a time; keys never leave this object.
export class Vault {
  private unlocked: Unlocked | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: VaultDeps) {}

  get dbFile(): string {
    return databasePath(this.deps.dataDir);
  }

  state(): 'absent' | 'locked' | 'unlocked' {
    if (this.unlocked) return 'unlocked';
    return existsSync(this.dbFile) || readHeaderSafe(this.deps.dataDir) ? 'locked' : 'absent';
  }

  session(): Session | null {
    return this.unlocked?.session ?? null;
  }

  connection(): Db {
    if (!this.unlocked) throw new AppError(ErrorCode.LOCKED, 'ロックされています。ログインしてください。');
    return this.unlocked.db;
  }

  // Runs fn and its audit entry in one transaction.
  write<T>(action: AuditAction, targetId: string | null, summary: string, fn: (db: Db) => T): T {
    const db = this.connection();
    return db.transaction(() => {
      const result = fn(db);
      this.audit(db, action, targetId, summary);
      return result;
    })();
  }

  audit(db: Db, action: AuditAction, targetId: string | null, summary: string, accountId?: string | null): void {
    appendAudit(db, {
      at: this.deps.clock().toISOString(),
      accountId: accountId === undefined ? (this.unlocked?.session.accountId ?? null) : accountId,
      action,
      targetId,
      summary,
    });
  }

  // Records the audit chain's head in vault.json (at each lock and backup).
  private anchor(u: Unlocked): void {
    const header = this.header();
    if (!header) return;
    addAnchor(header, u.master, { ...auditHead(u.db), at: this.deps.clock().toISOString() });
    writeHeader(this.deps.dataDir, header);
  }

  // The chain's head now, to print and keep apart from this PC.
  auditAnchor(): { id: number; hash: string; at: string } {
    const u = this.unlockedOrThrow();
    return { ...auditHead(u.db), at: this.deps.clock().toISOString() };
  }

  // The chain walked from its first entry, then every anchor known outside the database: those in
  // vault.json (their MAC checked), those in the backups' descriptions in the data folder, and one
  // the administrator typed from a printed record. Says which disagree.
  verifyAuditLog(printed: AuditAnchor | null): ContractAuditVerification {
    const u = this.unlockedOrThrow();
    const chain = verifyAudit(u.db);
    const failed: { source: string; entryId: number }[] = [];
    let checked = 0;
    const check = (source: string, a: AuditAnchor, authentic = true) => {
      checked++;
      if (!authentic || !anchorHolds(u.db, a)) failed.push({ source, entryId: a.id });
    };
    for (const a of this.header()?.auditAnchors ?? [])
      check('鍵情報ファイル（vault.json）の記録', a, anchorAuthentic(u.master, a));
    const dir = join(this.deps.dataDir, 'backups');
    if (existsSync(dir)) {
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.mdgbak'))) {
        try {
          const head = readBackupMeta(join(dir, f)).meta.auditHead;
          if (head) check(`バックアップ ${f}`, head);
        } catch {
          // Not a readable backup: it holds no anchor.
        }
      }
    }
    if (printed) check('印刷した記録', printed);
    const anchors = { checked, failed };
    if (!chain.ok) return { ...chain, anchors };
    if (failed.length) {
      return {
        ok: false,
        checked: chain.checked,
        entryId: failed[0]?.entryId ?? 0,
        problem: 'anchor_mismatch',
        anchors,
      };
    }
    return { ok: true, checked: chain.checked, entryId: null, problem: null, anchors };
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async ensureLocalFolder(): Promise<void> {
    const check = this.deps.isNetworkLocation ?? ((p: string) => isNetworkLocation(p));
    if (await check(this.deps.dataDir)) {
      throw new AppError(
        ErrorCode.UNAVAILABLE,
        'データフォルダーがネットワーク上にあるため使用できません。データベースはこのパソコンのローカルディスクに置いてください（バックアップの保存先にはネットワークを使用できます）。',
      );
    }
  }

  private header(): VaultHeader | null {
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

  private open(key: Buffer, create: boolean): Db {
    const db = this.openOrNull(key, create);
    if (!db) {
      throw new AppError(
        ErrorCode.UNAVAILABLE,
        'データベースと鍵情報が一致しません。バックアップから復元してください。',
      );
    }
    return db;
  }

  // Opens the database with the key the header names: the sealed database key, or the master
  // key itself before any rotation. A rotation cut short is finished or forgotten here; `opened`
  // (the account's or the recovery key's private key) opens a pending master key replacement.
  private openUnlocked(header: VaultHeader, opened: Opened, lookup: string): { db: Db; key: Buffer; master: Buffer } {
    const master = opened.master;
    const mismatch = () =>
      new AppError(ErrorCode.UNAVAILABLE, 'データベースと鍵情報が一致しません。バックアップから復元してください。');
    const key = databaseKeyOf(header.database, master);
    if (!key) {
      throw new AppError(
        ErrorCode.UNAVAILABLE,
        '鍵情報ファイル（vault.json）が壊れています。バックアップから復元してください。',
      );
    }
    const db = this.openOrNull(key, false);
    if (db) {
      if (header.pendingDatabase || header.pendingMaster) {
        // The rekey never ran: the next keys were not used.
        delete header.pendingDatabase;
        delete header.pendingMaster;
        writeHeader(this.deps.dataDir, header);
      }
      return { db, key, master };
    }
    key.fill(0);
    // A master key replacement whose rekey ran but whose header was not promoted: finish it.
    const nextMaster = openPending(header, opened, lookup);
    if (nextMaster && header.pendingMaster) {
      const nextKey = unsealKey(header.pendingMaster.database, nextMaster, DATABASE_AAD);
      const rekeyed = nextKey ? this.openOrNull(nextKey, false) : null;
      if (nextKey && rekeyed) {
        promote(header);
        rekeyAnchors(header, master, nextMaster);
        writeHeader(this.deps.dataDir, header);
        this.deps.logger.warn('vault.rekey_completed_on_open');
        master.fill(0);
        return { db: rekeyed, key: nextKey, master: nextMaster };
      }
      nextKey?.fill(0);
      nextMaster.fill(0);
    }
    // The same for a database key rotation of the first design (the master key unchanged).
    const next = header.pendingDatabase ? unsealKey(header.pendingDatabase, master, DATABASE_AAD) : null;
    const rekeyed = next ? this.openOrNull(next, false) : null;
    if (!next || !rekeyed) {
      next?.fill(0);
      throw mismatch();
    }
    header.database = header.pendingDatabase;
    delete header.pendingDatabase;
    writeHeader(this.deps.dataDir, header);
    this.deps.logger.warn('vault.rekey_completed_on_open');
    return { db: rekeyed, key: next, master };
  }

  // null when the key does not open the file.
  private openOrNull(key: Buffer, create: boolean): Db | null {
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
      const result = migrate(db, migrations, (from) => {
        const dir = join(this.deps.dataDir, 'backups');
        mkdirSync(dir, { recursive: true });
        const stamp = this.deps.clock().toISOString().replace(/[:.]/g, '-');
        vacuumInto(db, join(dir, `pre-migration-v${from}-${stamp}.db`));
      });
      if (result.applied.length) this.deps.logger.info('vault.migrated', { from: result.from, to: result.to });
    } catch (err) {
      db.close();
      throw err;
    }
    return db;
  }

  private becomeUnlocked(db: Db, master: Buffer, key: Buffer, account: AccountRecord): Session {
    const session = sessionOf(account);
    this.unlocked = { db, master, key, session };
    return session;
  }

  setup(input: {
    organisation: Organisation;
    admin: { loginName: string; displayName: string; password: string };
  }): Promise<{ recoveryKey: string; session: Session }> {
    return this.serial(async () => {
      if (this.state() !== 'absent') throw new AppError(ErrorCode.CONFLICT, '初期設定は既に完了しています。');
      const problems = passwordProblems(input.admin.password);
      if (problems.length) throw badPassword('admin.password', problems);
      await this.ensureLocalFolder();
      mkdirSync(this.deps.dataDir, { recursive: true });
      const cost = await (this.deps.kdfCost ?? (() => calibrateKdf()))();
      const key = randomBytes(KEY_BYTES);
      const recoveryBytes = randomBytes(RECOVERY_KEY_BYTES);
      const now = this.deps.clock().toISOString();
      const admin: AccountRecord = {
        id: randomUUID(),
        loginName: normaliseLoginName(input.admin.loginName),
        displayName: input.admin.displayName,
        roles: ['staff', 'approver', 'admin'],
        disabled: false,
        mustChangePassword: false,
        createdAt: now,
        updatedAt: now,
      };
      const header: VaultHeader = {
        format: 1,
        lookupSalt: newLookupSalt(),
        kdfCost: cost,
        accounts: {},
        ...recoveryBoxFor(recoveryBytes, key),
        throttle: {},
        pendingAudit: [],
      };
      header.accounts[lookupId(header, admin.loginName)] = await newEntry(admin.id, input.admin.password, key, cost);
      const db = this.open(key, true);
      try {
        db.transaction(() => {
          putSetting(db, 'organisation', input.organisation);
          putSetting(db, 'security', { idleLockMinutes: 10 });
          insertAccount(db, admin);
          this.audit(db, 'vault.setup', admin.id, `schema=${LATEST_SCHEMA_VERSION}`, admin.id);
        })();
        writeHeader(this.deps.dataDir, header);
      } catch (err) {
        db.close();
        throw err;
      }
      const recoveryKey = formatRecoveryKey(recoveryBytes);
      recoveryBytes.fill(0);
      this.deps.logger.info('vault.created', { accountId: admin.id });
      return { recoveryKey, session: this.becomeUnlocked(db, key, Buffer.from(key), admin) };
    });
  }

  private throttleCheck(header: VaultHeader, lid: string): void {
    const entry = header.throttle[lid];
    if (!entry?.lockedUntil) return;
    const wait = Math.ceil((Date.parse(entry.lockedUntil) - this.deps.clock().getTime()) / 1000);
    if (wait <= 0) return;
    header.pendingAudit.push({
      at: this.deps.clock().toISOString(),
      action: 'session.login_throttled',
      accountId: header.accounts[lid]?.accountId ?? null,
    });
    writeHeader(this.deps.dataDir, header);
    throw new AppError(
      ErrorCode.THROTTLED,
      `ログインの失敗が続いたため、一時的にログインできません。${wait}秒後にもう一度お試しください。`,
    );
  }

  private recordFailure(header: VaultHeader, lid: string, accountId: string | null): void {
    const failures = (header.throttle[lid]?.failures ?? 0) + 1;
    const wait = throttleSeconds(failures);
    const now = this.deps.clock();
    header.throttle = without(header.throttle, lid);
    header.throttle[lid] = {
      failures,
      lockedUntil: wait > 0 ? new Date(now.getTime() + wait * 1000).toISOString() : null,
    };
    const keys = Object.keys(header.throttle);
    for (const old of keys.slice(0, Math.max(0, keys.length - MAX_THROTTLE_ENTRIES))) {
      header.throttle = without(header.throttle, old);
    }
    header.pendingAudit.push({ at: now.toISOString(), action: 'session.login_failed', accountId });
    writeHeader(this.deps.dataDir, header);
  }

  private flushPendingAudit(db: Db, header: VaultHeader): void {
    const pending: PendingAudit[] = header.pendingAudit;
    if (!pending.length) return;
    db.transaction(() => {
      for (const p of pending) this.audit(db, p.action, p.accountId, 'while locked', p.accountId);
    })();
    header.pendingAudit = [];
  }

  login(loginName: string, password: string): Promise<Session> {
    return this.serial(async () => {
      if (this.unlocked) this.lockNow('logout');
      const header = this.header();
      if (!header) throw new AppError(ErrorCode.CONFLICT, '初期設定が完了していません。');
      const lid = lookupId(header, loginName);
      this.throttleCheck(header, lid);
      const entry = header.accounts[lid];
      // An unknown name costs the same KDF time as a known one and fails the same way.
      const decoy = Object.values(header.accounts)[0]?.wrap;
      const opened = entry
        ? await openEntry(entry, password)
        : decoy
          ? (await unwrapKey(decoy, password, 'madoguchi:v1:no-such-account'), null)
          : null;
      if (!opened || !entry) {
        opened?.master.fill(0);
        opened?.privateKey?.fill(0);
        this.recordFailure(header, lid, entry?.accountId ?? null);
        this.deps.logger.info('session.login_failed');
        throw new AppError(ErrorCode.AUTH_FAILED, 'ログイン名またはパスワードが正しくありません。');
      }
      await this.ensureLocalFolder();
      let opening: { db: Db; key: Buffer; master: Buffer };
      try {
        opening = this.openUnlocked(header, opened, lid);
      } finally {
        opened.privateKey?.fill(0);
      }
      const { db, key, master } = opening;
      const account = getAccount(db, entry.accountId);
      if (!account || account.disabled) {
        db.close();
        key.fill(0);
        master.fill(0);
        this.recordFailure(header, lid, entry.accountId);
        throw new AppError(ErrorCode.AUTH_FAILED, 'ログイン名またはパスワードが正しくありません。');
      }
      // The login is audited before the vault opens to the session: an audit log that cannot
      // take the entry (a forged or broken row) ends the login with the vault still locked.
      try {
        this.flushPendingAudit(db, header);
        db.transaction(() => {
          this.audit(db, 'session.login', account.id, 'password', account.id);
        })();
      } catch {
        db.close();
        key.fill(0);
        master.fill(0);
        this.deps.logger.error('session.login_audit_failed', { accountId: account.id });
        throw new AppError(
          ErrorCode.UNAVAILABLE,
          '監査ログに記録できないため、ログインを中止しました。監査ログが改変されているおそれがあります。管理者にご連絡のうえ、バックアップからの復元をご検討ください。',
        );
      }
      header.throttle = without(header.throttle, lid);
      // An entry of the first format gets its key pair now (the password is at hand).
      const current = header.accounts[lid];
      if (current && isLegacy(current))
        header.accounts[lid] = await newEntry(account.id, password, master, header.kdfCost);
      writeHeader(this.deps.dataDir, header);
      const session = this.becomeUnlocked(db, master, key, account);
      this.deps.logger.info('session.login', { accountId: account.id });
      return session;
    });
  }

  recover(recoveryKey: string, loginName: string, newPassword: string): Promise<Session> {
    return this.serial(async () => {
      if (this.unlocked) this.lockNow('logout');
      const header = this.header();
      if (!header) throw new AppError(ErrorCode.CONFLICT, '初期設定が完了していません。');
      const problems = passwordProblems(newPassword);
      if (problems.length) throw badPassword('newPassword', problems);
      this.throttleCheck(header, RECOVERY_LOOKUP);
      const bytes = parseRecoveryKey(recoveryKey);
      const opened = bytes ? await openRecovery(header, bytes) : null;
      if (!opened || !bytes) {
        bytes?.fill(0);
        this.recordFailure(header, RECOVERY_LOOKUP, null);
        throw new AppError(ErrorCode.AUTH_FAILED, '回復キーが正しくありません。入力内容をご確認ください。');
      }
      await this.ensureLocalFolder();
      let opening: { db: Db; key: Buffer; master: Buffer };
      try {
        opening = this.openUnlocked(header, opened, 'recovery');
      } catch (err) {
        bytes.fill(0);
        throw err;
      } finally {
        opened.privateKey?.fill(0);
      }
      const { db, key, master } = opening;
      // A recovery wrap of the first format gets its key pair now (the recovery key is at hand).
      if (!header.recoveryMaster) {
        Object.assign(header, recoveryBoxFor(bytes, master));
        delete header.recovery;
      }
      bytes.fill(0);
      const account = findAccountByLogin(db, normaliseLoginName(loginName));
      if (!account || account.disabled || !account.roles.includes('admin')) {
        db.close();
        key.fill(0);
        master.fill(0);
        throw new AppError(ErrorCode.BAD_INPUT, '指定したログイン名の有効な管理者アカウントが見つかりません。', [
          { path: ['loginName'], message: '有効な管理者アカウントのログイン名を入力してください。' },
        ]);
      }
      const lid = lookupId(header, account.loginName);
      header.accounts[lid] = await newEntry(account.id, newPassword, master, header.kdfCost);
      header.throttle = without(header.throttle, lid);
      header.throttle = without(header.throttle, RECOVERY_LOOKUP);
      this.flushPendingAudit(db, header);
      db.transaction(() => {
        updateAccount(db, account.id, { mustChangePassword: false }, this.deps.clock().toISOString());
        this.audit(db, 'session.recover', account.id, 'recovery key', account.id);
      })();
      writeHeader(this.deps.dataDir, header);
      const refreshed = getAccount(db, account.id) ?? account;
      return this.becomeUnlocked(db, master, key, refreshed);
    });
  }

  changePassword(currentPassword: string, newPassword: string): Promise<Session> {
    return this.serial(async () => {
      const u = this.unlocked;
      if (!u) throw new AppError(ErrorCode.LOCKED, 'ロックされています。ログインしてください。');
      const header = this.header();
      if (!header) throw new AppError(ErrorCode.INTERNAL, '鍵情報ファイルが見つかりません。');
      const lid = lookupId(header, u.session.loginName);
      const entry = header.accounts[lid];
      const check = entry ? await openEntry(entry, currentPassword) : null;
      if (!check) {
        throw new AppError(ErrorCode.AUTH_FAILED, '現在のパスワードが正しくありません。', [
          { path: ['currentPassword'], message: '現在のパスワードが正しくありません。' },
        ]);
      }
      check.master.fill(0);
      check.privateKey?.fill(0);
      const problems = passwordProblems(newPassword);
      if (newPassword === currentPassword) problems.push('新しいパスワードは現在のものと異なるものにしてください。');
      if (problems.length) throw badPassword('newPassword', problems);
      header.accounts[lid] = await newEntry(u.session.accountId, newPassword, u.master, header.kdfCost);
      this.write('session.password_changed', u.session.accountId, 'rewrapped', (db) => {
        updateAccount(db, u.session.accountId, { mustChangePassword: false }, this.deps.clock().toISOString());
      });
      writeHeader(this.deps.dataDir, header);
      const account = getAccount(u.db, u.session.accountId);
      if (account) u.session = sessionOf(account);
      return u.session;
    });
  }

  // Gives an account a (temporary) password: a new wrap of the database key under it.
  setAccountPassword(account: { id: string; loginName: string }, password: string): Promise<void> {
    return this.serial(async () => {
      const u = this.unlocked;
      if (!u) throw new AppError(ErrorCode.LOCKED, 'ロックされています。ログインしてください。');
      const problems = passwordProblems(password);
      if (problems.length) throw badPassword('temporaryPassword', problems);
      const header = this.header();
      if (!header) throw new AppError(ErrorCode.INTERNAL, '鍵情報ファイルが見つかりません。');
      const lid = lookupId(header, account.loginName);
      header.accounts[lid] = await newEntry(account.id, password, u.master, header.kdfCost);
      header.throttle = without(header.throttle, lid);
      writeHeader(this.deps.dataDir, header);
    });
  }

  // A disabled account loses its entry, and the master key and the database key are replaced:
  // a copy of vault.json it kept opens neither the database nor a backup made from now on.
  revokeAccount(accountId: string): Promise<Replaced> {
    return this.serial(() => Promise.resolve(this.replaceMaster(accountId, `revoked=${accountId}`)));
  }

  refreshSession(): void {
    const u = this.unlocked;
    if (!u) return;
    const account = getAccount(u.db, u.session.accountId);
    if (account) u.session = sessionOf(account);
  }

  lock(reason: LockReason): Promise<void> {
    return this.serial(() => {
      this.lockNow(reason);
      return Promise.resolve();
    });
  }

  // Closes the database and zeroes the key. The renderer is reloaded by whoever owns it.
  private lockNow(reason: LockReason): void {
    const u = this.unlocked;
    if (!u) return;
    try {
      u.db.transaction(() => {
        this.audit(u.db, 'session.lock', u.session.accountId, reason);
      })();
      this.anchor(u);
    } catch {
      this.deps.logger.warn('session.lock_audit_failed');
    }
    optimizeQuietly(u.db);
    u.db.close();
    u.key.fill(0);
    u.master.fill(0);
    this.unlocked = null;
    this.deps.logger.info('session.locked', { reason });
    this.deps.emit('session.locked', { reason });
  }

  // --- Backup, restore, key rotation ----------------------------------------------------------

  private unlockedOrThrow(): Unlocked {
    if (!this.unlocked) throw new AppError(ErrorCode.LOCKED, 'ロックされています。ログインしてください。');
    return this.unlocked;
  }

  private scratch(name: string): string {
    return join(this.deps.dataDir, `${name}.partial.db`);
  }

  // An encrypted copy of the database in `target`, verified before it is reported: the file is
  // read back, its database opened, integrity_check run and the audit chain verified.
  createBackup(target: string, opts: { password: string | null; appVersion: string }): Promise<BackupInfo> {
    return this.serial(async () => {
      const u = this.unlockedOrThrow();
      const header = this.header();
      if (!header) throw new AppError(ErrorCode.INTERNAL, '鍵情報ファイルが見つかりません。');
      if (opts.password !== null) {
        const problems = passwordProblems(opts.password);
        if (problems.length) throw badPassword('password', problems);
      }
      const copy = this.scratch('backup');
      const check = this.scratch('backup-check');
      removeDatabaseFiles(copy);
      let key: Buffer | null = null;
      try {
        const head = auditHead(u.db);
        vacuumInto(u.db, copy);
        let meta: Omit<BackupMeta, 'counts' | 'size' | 'sha256' | 'schemaVersion'>;
        if (opts.password !== null) {
          key = randomBytes(KEY_BYTES);
          rekeyFile(copy, u.key, key, this.deps.nativeBinding);
          meta = {
            format: 2,
            createdAt: this.deps.clock().toISOString(),
            appVersion: opts.appVersion,
            protection: 'password',
            wrap: await wrapKey(key, opts.password, newKdfParams(header.kdfCost), BACKUP_AAD),
          };
        } else {
          key = Buffer.from(u.key);
          meta = {
            format: 2,
            createdAt: this.deps.clock().toISOString(),
            appVersion: opts.appVersion,
            protection: 'vault',
            ...(header.database ? { database: header.database } : {}),
          };
        }
        const first = checkDatabase(copy, key, {
          nativeBinding: this.deps.nativeBinding,
          maxSchemaVersion: LATEST_SCHEMA_VERSION,
        });
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
          sha256: sha256File(copy),
          auditHead: head,
        };
        try {
          writeBackupFile(target, full, copy, key);
        } catch (err) {
          throw fileErrorMessage(err, 'バックアップ') ?? err;
        }
        // Read back what was written, as a restore would; a copy that does not check out is removed.
        let second: DatabaseCheck | null = null;
        try {
          const written = readBackupMeta(target);
          extractDatabase(target, written.offset, written.meta, check);
          second = checkDatabase(check, key, {
            nativeBinding: this.deps.nativeBinding,
            maxSchemaVersion: LATEST_SCHEMA_VERSION,
          });
        } catch (err) {
          if (!(err instanceof BackupFormatError)) throw fileErrorMessage(err, 'バックアップ') ?? err;
        }
        if (!second?.ok) {
          rmSync(target, { force: true });
          throw new AppError(
            ErrorCode.UNAVAILABLE,
            '書き込んだバックアップを検証できませんでした。別の保存先でもう一度お試しください。',
          );
        }
        u.db.transaction(() => {
          this.audit(u.db, 'vault.backup', null, `protection=${full.protection} requests=${full.counts.requests}`);
        })();
        this.anchor(u);
        this.deps.logger.info('vault.backup', { protection: full.protection, requests: full.counts.requests });
        return {
          createdAt: full.createdAt,
          appVersion: full.appVersion,
          protection: full.protection,
          counts: full.counts,
          check: 'ok',
        };
      } finally {
        key?.fill(0);
        removeDatabaseFiles(copy);
        removeDatabaseFiles(check);
      }
    });
  }

  // The key that opens a backup's database, or an AppError saying why there is none.
  private async backupKeys(meta: BackupMeta, password: string | null): Promise<Buffer[]> {
    const u = this.unlockedOrThrow();
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
    const header = this.header();
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
      extractDatabase(file, offset, meta, out);
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
    let check = checkDatabase(out, key, {
      nativeBinding: this.deps.nativeBinding,
      maxSchemaVersion: LATEST_SCHEMA_VERSION,
    });
    for (const candidate of keys.slice(1)) {
      if (check.problem !== 'wrongKey') break;
      key = candidate;
      check = checkDatabase(out, key, {
        nativeBinding: this.deps.nativeBinding,
        maxSchemaVersion: LATEST_SCHEMA_VERSION,
      });
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

  // The accounts of a backup taken in another vault (none of them is the account logged in),
  // or null for a backup of this vault.
  private otherVaultAccounts(file: string, key: Buffer): { loginName: string; displayName: string }[] | null {
    const u = this.unlockedOrThrow();
    const db = openEncrypted(file, key, { create: false, nativeBinding: this.deps.nativeBinding });
    try {
      if (getAccount(db, u.session.accountId)) return null;
      return listAccounts(db)
        .filter((a) => !a.disabled)
        .map((a) => ({ loginName: a.loginName, displayName: a.displayName }));
    } finally {
      db.close();
    }
  }

  // A backup from another vault: its accounts have no password wrap here, so the administrator
  // restoring is added to it (a same-named account of the backup is renamed 「…-2」 so both
  // stay), and keeps their own login; the others get passwords from them afterwards.
  private keepRestorerAccess(file: string, u: Unlocked): { renamed: number } | null {
    const db = openEncrypted(file, u.key, { create: false, nativeBinding: this.deps.nativeBinding });
    try {
      if (getAccount(db, u.session.accountId)) return null;
      const current = getAccount(u.db, u.session.accountId);
      if (!current) throw new AppError(ErrorCode.INTERNAL, 'ログイン中のアカウントが見つかりません。');
      const now = this.deps.clock().toISOString();
      let renamed = 0;
      db.transaction(() => {
        const clash = findAccountByLogin(db, current.loginName);
        if (clash) {
          let name = `${current.loginName}-2`;
          for (let n = 3; findAccountByLogin(db, name); n++) name = `${current.loginName}-${n}`;
          renameAccountLogin(db, clash.id, name, now);
          renamed = 1;
        }
        insertAccount(db, { ...current, disabled: false, mustChangePassword: false, updatedAt: now });
      })();
      return { renamed };
    } finally {
      db.close();
    }
  }

  // What a backup holds and whether it checks out, without changing anything.
  inspectBackup(file: string, password: string | null): Promise<BackupInfo> {
    return this.serial(async () => {
      const out = this.scratch('inspect');
      try {
        const { meta, key, check } = await this.openBackup(file, password, out);
        const other = check.ok ? this.otherVaultAccounts(out, key) : null;
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
      const out = this.scratch('restore');
      let info: BackupInfo;
      let other: { loginName: string; displayName: string }[] | null = null;
      let access: { renamed: number } | null = null;
      try {
        info = await this.serial(async () => {
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
            const u = this.unlockedOrThrow();
            if (!key.equals(u.key)) rekeyFile(out, key, u.key, this.deps.nativeBinding);
            other = this.otherVaultAccounts(out, u.key);
            access = this.keepRestorerAccess(out, u);
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
      return this.serial(() => {
        const u = this.unlockedOrThrow();
        const accountId = u.session.accountId;
        u.db.close();
        try {
          // A WAL left beside the old file would be replayed onto the restored one.
          for (const f of [`${this.dbFile}-wal`, `${this.dbFile}-shm`]) rmSync(f, { force: true });
          renameSync(out, this.dbFile);
        } catch (err) {
          // The old database is still in place: carry on with it.
          removeDatabaseFiles(out);
          u.db = this.open(u.key, false);
          throw fileErrorMessage(err, '復元') ?? err;
        }
        const db = this.open(u.key, false);
        u.db = db;
        db.transaction(() => {
          this.audit(
            db,
            'vault.restore',
            null,
            `backup=${info.createdAt} requests=${info.counts.requests}${access ? ` other_vault=1 renamed=${access.renamed}` : ''}`,
            accountId,
          );
        })();
        if (access) {
          // Wraps of accounts the restored database does not know open nothing: they go.
          const header = this.header();
          if (header) {
            header.accounts = Object.fromEntries(
              Object.entries(header.accounts).filter(([, e]) => getAccount(db, e.accountId) !== null),
            );
            writeHeader(this.deps.dataDir, header);
          }
        }
        this.deps.logger.info('vault.restored', { requests: info.counts.requests });
        this.lockNow('system');
        return Promise.resolve(other ? { ...info, otherVault: { accounts: other } } : info);
      });
    })();
  }

  // データベース鍵の更新: a new database key, under a new master key boxed to every account and
  // the recovery key. The caller makes a backup first.
  rotateKey(): Promise<Replaced> {
    return this.serial(() => Promise.resolve(this.replaceMaster(null, 'database key rotated')));
  }

  // The next keys go into the header before the file changes, so that a crash at any point leaves
  // a header with keys that open the database (the next login finishes or forgets the change).
  private replaceMaster(without: string | null, summary: string): Replaced {
    const u = this.unlockedOrThrow();
    const header = this.header();
    if (!header) throw new AppError(ErrorCode.INTERNAL, '鍵情報ファイルが見つかりません。');
    const next = prepareReplacement(header, u.master, without);
    writeHeader(this.deps.dataDir, header);
    rekey(u.db, next.databaseKey);
    promote(header);
    rekeyAnchors(header, u.master, next.master);
    writeHeader(this.deps.dataDir, header);
    u.key.fill(0);
    u.master.fill(0);
    u.key = next.databaseKey;
    u.master = next.master;
    u.db.transaction(() => {
      this.audit(
        u.db,
        'vault.rekey',
        null,
        `${summary} dropped=${next.dropped.length} recovery=${next.newRecoveryKey ? 'new' : 'kept'}`,
      );
    })();
    this.deps.logger.info('vault.rekeyed', { dropped: next.dropped.length });
    return { droppedAccounts: next.dropped, newRecoveryKey: next.newRecoveryKey };
  }

  close(): void {
    const u = this.unlocked;
    if (!u) return;
    optimizeQuietly(u.db);
    u.db.close();
    u.key.fill(0);
    u.master.fill(0);
    this.unlocked = null;
  }
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

function readHeaderSafe(dataDir: string): boolean {
  try {
    return readHeader(dataDir) !== null;
  } catch {
    return true;
  }
}

// Refreshes the planner's statistics where they went stale (SQLite's advice for closing a
// connection); a failure here must never keep the vault from locking.
function optimizeQuietly(db: { pragma: (s: string) => unknown }): void {
  try {
    db.pragma('optimize');
  } catch {
    // Statistics only.
  }
}
