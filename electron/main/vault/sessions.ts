import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { ErrorCode, type Session } from '../../../core/contract';
import { throttleSeconds } from '../../../core/domain/login-throttle';
import type { Organisation } from '../../../core/domain/organisation';
import { passwordProblems } from '../../../core/domain/password';
import { formatRecoveryKey, parseRecoveryKey, RECOVERY_KEY_BYTES } from '../../../core/domain/recovery-key';
import { KEY_BYTES } from '../db/connection';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import {
  findAccountByLogin,
  getAccount,
  insertAccount,
  setAccountPublicKey,
  updateAccount,
  type AccountRecord,
} from '../db/repositories/accounts';
import { putSetting } from '../db/repositories/settings';
import {
  lookupId,
  newLookupSalt,
  normaliseLoginName,
  writeHeader,
  type PendingAudit,
  type VaultHeader,
} from './header';
import { calibrateKdf } from './kdf';
import { isLegacy, newEntry, openEntry, openRecovery, recoveryBoxFor, recoveryPublicOf } from './keyring';
import { createPublicKeyFromPrivate, unwrapKey } from './wrap';
import { keysetAuthentic, putKeysetRecord, readKeysetRecord, writeKeysetRecord } from './keyset';
import type { VaultRekey } from './rekey';
import { settleKeyset, syncOwnPublicKey } from './keyset-checks';
import { AppError } from '../errors';
import { VaultDatabase, sessionOf, without, type Handle } from './database';
import { refusals } from '../errors';

const RECOVERY_LOOKUP = '(recovery)';
const MAX_THROTTLE_ENTRIES = 1000;

// Who may open the vault: first setup, login with its throttle, the recovery key, password
// changes. Failed attempts are kept in vault.json and audited at the next successful login.
export class VaultSessions {
  constructor(
    private readonly core: VaultDatabase,
    private readonly rekeys: VaultRekey,
  ) {}

  setup(input: {
    organisation: Organisation;
    admin: { loginName: string; displayName: string; password: string };
  }): Promise<{ recoveryKey: string; session: Session }> {
    return this.core.serial(async () => {
      if (this.core.state() !== 'absent') throw new AppError(ErrorCode.CONFLICT, '初期設定は既に完了しています。');
      const problems = passwordProblems(input.admin.password);
      if (problems.length) throw refusals.badPassword('admin.password', problems);
      await this.core.ensureLocalFolder();
      mkdirSync(this.core.deps.dataDir, { recursive: true });
      const cost = await (this.core.deps.kdfCost ?? (() => calibrateKdf()))();
      const key = randomBytes(KEY_BYTES);
      const recoveryBytes = randomBytes(RECOVERY_KEY_BYTES);
      const now = this.core.deps.clock().toISOString();
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
      const entry = await newEntry(admin.id, input.admin.password, key, cost);
      header.accounts[lookupId(header, admin.loginName)] = entry;
      const db = await this.core.openHandle(key, true);
      try {
        await db.store.transaction(async (tx) => {
          await putSetting(tx, 'organisation', input.organisation);
          await putSetting(tx, 'security', { idleLockMinutes: 10 });
          await insertAccount(tx, admin);
          await setAccountPublicKey(tx, admin.id, entry.publicKey ?? null);
          await writeKeysetRecord(tx, header);
          await this.core.audit(tx, 'vault.setup', admin.id, `schema=${LATEST_SCHEMA_VERSION}`, admin.id);
        });
        this.core.saveHeader(header, key);
      } catch (err) {
        await this.core.closeHandle(db);
        throw err;
      }
      const recoveryKey = formatRecoveryKey(recoveryBytes);
      recoveryBytes.fill(0);
      this.core.deps.logger.info('vault.created', { accountId: admin.id });
      return { recoveryKey, session: this.core.becomeUnlocked(db, key, Buffer.from(key), admin, true) };
    });
  }

  private throttleCheck(header: VaultHeader, lid: string): void {
    const entry = header.throttle[lid];
    if (!entry?.lockedUntil) return;
    const wait = Math.ceil((Date.parse(entry.lockedUntil) - this.core.deps.clock().getTime()) / 1000);
    if (wait <= 0) return;
    header.pendingAudit.push({
      at: this.core.deps.clock().toISOString(),
      action: 'session.login_throttled',
      accountId: header.accounts[lid]?.accountId ?? null,
    });
    writeHeader(this.core.deps.dataDir, header);
    throw new AppError(
      ErrorCode.THROTTLED,
      `ログインの失敗が続いたため、一時的にログインできません。${wait}秒後にもう一度お試しください。`,
    );
  }

  private recordFailure(header: VaultHeader, lid: string, accountId: string | null): void {
    const failures = (header.throttle[lid]?.failures ?? 0) + 1;
    const wait = throttleSeconds(failures);
    const now = this.core.deps.clock();
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
    writeHeader(this.core.deps.dataDir, header);
  }

  private async flushPendingAudit(db: Handle, header: VaultHeader): Promise<void> {
    const pending: PendingAudit[] = header.pendingAudit;
    if (!pending.length) return;
    await db.store.transaction(async (tx) => {
      for (const p of pending) await this.core.audit(tx, p.action, p.accountId, 'while locked', p.accountId);
    });
    header.pendingAudit = [];
  }

  login(loginName: string, password: string): Promise<Session> {
    return this.core.serial(async () => {
      if (this.core.unlocked) await this.core.lockNow('logout');
      const header = this.core.header();
      if (!header) throw refusals.notSetUp();
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
        this.core.deps.logger.info('session.login_failed');
        throw refusals.loginFailed();
      }
      await this.core.ensureLocalFolder();
      const witness = await this.core.readWitness();
      // The public key this password's private key really has (null for a first-format entry).
      const ownPublic = opened.privateKey ? createPublicKeyFromPrivate(opened.privateKey).toString('base64') : null;
      let opening: Awaited<ReturnType<VaultDatabase['openUnlocked']>>;
      try {
        opening = await this.core.openUnlocked(header, opened, lid);
      } finally {
        opened.privateKey?.fill(0);
      }
      const { handle: db, key, master } = opening;
      const account = await getAccount(db.store.q, entry.accountId);
      if (!account || account.disabled) {
        await this.core.closeHandle(db);
        key.fill(0);
        master.fill(0);
        this.recordFailure(header, lid, entry.accountId);
        throw refusals.loginFailed();
      }
      // The login is audited before the vault opens to the session: an audit log that cannot
      // take the entry (a forged or broken row) ends the login with the vault still locked.
      try {
        await this.flushPendingAudit(db, header);
        await db.store.transaction(async (tx) => {
          await this.core.audit(tx, 'session.login', account.id, 'password', account.id);
        });
      } catch {
        await this.core.closeHandle(db);
        key.fill(0);
        master.fill(0);
        this.core.deps.logger.error('session.login_audit_failed', { accountId: account.id });
        throw new AppError(
          ErrorCode.UNAVAILABLE,
          '監査ログに記録できないため、ログインを中止しました。監査ログが改変されているおそれがあります。管理者にご連絡のうえ、バックアップからの復元をご検討ください。',
        );
      }
      const trusted = await settleKeyset(
        this.core,
        db,
        { header, master, authentic: opening.authentic, accountId: account.id },
        witness,
      );
      header.throttle = without(header.throttle, lid);
      // An entry of the first format gets its key pair now (the password is at hand).
      const current = header.accounts[lid];
      if (current && isLegacy(current))
        header.accounts[lid] = await newEntry(account.id, password, master, header.kdfCost);
      await syncOwnPublicKey(db, header, lid, account.id, ownPublic);
      this.core.saveHeader(header, trusted ? master : null);
      const session = this.core.becomeUnlocked(db, master, key, account, trusted);
      await this.finishRevocations();
      this.core.deps.logger.info('session.login', { accountId: account.id });
      return session;
    });
  }

  // A disabled account whose key replacement did not finish: finished before the session is
  // handed out. If it fails again the login is refused (nothing else runs with a revoked key
  // still valid); if the key set needs repair, the administrator is told when they replace keys.
  private async finishRevocations(): Promise<void> {
    try {
      await this.rekeys.finishPendingRevocations();
    } catch (err) {
      this.core.deps.logger.error('vault.revocation_pending_failed');
      await this.core.lockNow('system');
      if (err instanceof AppError && err.code === ErrorCode.CONFLICT) throw err;
      throw new AppError(
        ErrorCode.UNAVAILABLE,
        '無効にしたアカウントの鍵の更新を完了できなかったため、ログインを中止しました（データは変更していません）。ディスクの空き容量などをご確認のうえ、もう一度ログインしてください。',
      );
    }
  }

  recover(recoveryKey: string, loginName: string, newPassword: string): Promise<Session> {
    return this.core.serial(async () => {
      if (this.core.unlocked) await this.core.lockNow('logout');
      const header = this.core.header();
      if (!header) throw refusals.notSetUp();
      const problems = passwordProblems(newPassword);
      if (problems.length) throw refusals.badPassword('newPassword', problems);
      this.throttleCheck(header, RECOVERY_LOOKUP);
      const bytes = parseRecoveryKey(recoveryKey);
      const opened = bytes ? await openRecovery(header, bytes) : null;
      if (!opened || !bytes) {
        bytes?.fill(0);
        this.recordFailure(header, RECOVERY_LOOKUP, null);
        throw new AppError(ErrorCode.AUTH_FAILED, '回復キーが正しくありません。入力内容をご確認ください。');
      }
      await this.core.ensureLocalFolder();
      const witness = await this.core.readWitness();
      let opening: Awaited<ReturnType<VaultDatabase['openUnlocked']>>;
      try {
        opening = await this.core.openUnlocked(header, opened, 'recovery');
      } catch (err) {
        bytes.fill(0);
        throw err;
      } finally {
        opened.privateKey?.fill(0);
      }
      const { handle: db, key, master } = opening;
      // A recovery wrap of the first format gets its key pair now (the recovery key is at hand).
      const provenRecovery = recoveryPublicOf(bytes);
      if (!header.recoveryMaster) {
        Object.assign(header, recoveryBoxFor(bytes, master));
        delete header.recovery;
      }
      bytes.fill(0);
      const account = await findAccountByLogin(db.store.q, normaliseLoginName(loginName));
      if (!account || account.disabled || !account.roles.includes('admin')) {
        await this.core.closeHandle(db);
        key.fill(0);
        master.fill(0);
        throw new AppError(ErrorCode.BAD_INPUT, '指定したログイン名の有効な管理者アカウントが見つかりません。', [
          { path: ['loginName'], message: '有効な管理者アカウントのログイン名を入力してください。' },
        ]);
      }
      const trusted = await settleKeyset(
        this.core,
        db,
        { header, master, authentic: opening.authentic, accountId: account.id },
        witness,
      );
      const lid = lookupId(header, account.loginName);
      const entry = await newEntry(account.id, newPassword, master, header.kdfCost);
      header.accounts[lid] = entry;
      header.throttle = without(header.throttle, lid);
      header.throttle = without(header.throttle, RECOVERY_LOOKUP);
      await this.flushPendingAudit(db, header);
      await db.store.transaction(async (tx) => {
        await updateAccount(tx, account.id, { mustChangePassword: false }, this.core.deps.clock().toISOString());
        // The key pair was made here just now: the database takes it whatever vault.json held.
        await setAccountPublicKey(tx, account.id, entry.publicKey ?? null);
        // The recovery key just proved its public key: the database records it if it had none.
        const record = await readKeysetRecord(tx);
        if (trusted && record && record.recoveryPublic === null && header.recoveryPublic === provenRecovery)
          await putKeysetRecord(tx, { ...record, recoveryPublic: provenRecovery });
        await this.core.audit(tx, 'session.recover', account.id, 'recovery key', account.id);
      });
      this.core.saveHeader(header, trusted ? master : null);
      const refreshed = (await getAccount(db.store.q, account.id)) ?? account;
      const session = this.core.becomeUnlocked(db, master, key, refreshed, trusted);
      await this.finishRevocations();
      return session;
    });
  }

  changePassword(currentPassword: string, newPassword: string): Promise<Session> {
    return this.core.serial(async () => {
      const u = this.core.unlocked;
      if (!u) throw refusals.locked();
      const header = this.core.requireHeader();
      const authentic = keysetAuthentic(header, u.master);
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
      if (problems.length) throw refusals.badPassword('newPassword', problems);
      const next = await newEntry(u.session.accountId, newPassword, u.master, header.kdfCost);
      header.accounts[lid] = next;
      await this.core.write('session.password_changed', u.session.accountId, 'rewrapped', async (db) => {
        await updateAccount(
          db,
          u.session.accountId,
          { mustChangePassword: false },
          this.core.deps.clock().toISOString(),
        );
        // Made here just now: the database takes it whatever vault.json held.
        await setAccountPublicKey(db, u.session.accountId, next.publicKey ?? null);
      });
      this.core.saveUnlockedHeader(header, authentic);
      const account = await getAccount(u.store.q, u.session.accountId);
      if (account) u.session = sessionOf(account);
      return u.session;
    });
  }

  // Gives an account a (temporary) password: a new key pair, its private key wrapped under the
  // password. Returns the public key, which the database keeps for the account (the caller
  // inserts a new account with it; an existing one is updated here).
  setAccountPassword(account: { id: string; loginName: string }, password: string): Promise<string> {
    return this.core.serial(async () => {
      const u = this.core.unlocked;
      if (!u) throw refusals.locked();
      const problems = passwordProblems(password);
      if (problems.length) throw refusals.badPassword('temporaryPassword', problems);
      const header = this.core.requireHeader();
      const authentic = keysetAuthentic(header, u.master);
      const lid = lookupId(header, account.loginName);
      const entry = await newEntry(account.id, password, u.master, header.kdfCost);
      header.accounts[lid] = entry;
      header.throttle = without(header.throttle, lid);
      const publicKey = entry.publicKey ?? '';
      // Made here just now: the database takes it whatever vault.json held.
      await u.store.transaction(async (tx) => {
        await setAccountPublicKey(tx, account.id, publicKey);
      });
      this.core.saveUnlockedHeader(header, authentic);
      return publicKey;
    });
  }
}
