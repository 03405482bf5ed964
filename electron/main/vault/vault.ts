import type { BackupInfo, Session } from '../../../core/contract';
import type { AuditAction, LockReason } from '../../../core/domain/audit';
import type { Organisation } from '../../../core/domain/organisation';
import type { Db } from '../db/connection';
import type { Q, Store } from '../db/store';
import type { AuditAnchor } from '../db/repositories/audit';
import { verifyAuditLog } from './audit-check';
import { VaultBackups } from './backup';
import { VaultDatabase, type Replaced, type VaultDeps } from './database';
import { VaultRekey } from './rekey';
import { VaultSessions } from './sessions';
import type { FileWork, FileWorkResult } from './file-work';

export { sessionOf, type AnchorWitness, type Replaced, type VaultDeps } from './database';

// The vault: the encrypted database, the wrapped keys in vault.json, and who is logged in.
// A facade over its rooms: database (open, migrate, lock, the unit of work that writes and
// audits), sessions (setup, login, recovery, passwords), backup (create, inspect, restore) and
// rekey (rotation, revocation). Keys never leave these objects.
export class Vault {
  private readonly core: VaultDatabase;
  private readonly sessions: VaultSessions;
  private readonly backups: VaultBackups;
  private readonly rekeys: VaultRekey;

  constructor(deps: VaultDeps) {
    this.core = new VaultDatabase(deps);
    this.rekeys = new VaultRekey(this.core);
    this.sessions = new VaultSessions(this.core, this.rekeys);
    this.backups = new VaultBackups(this.core);
  }

  get dbFile(): string {
    return this.core.dbFile;
  }
  state(): 'absent' | 'locked' | 'unlocked' {
    return this.core.state();
  }
  session(): Session | null {
    return this.core.session();
  }
  store(): Store {
    return this.core.store();
  }
  // SQLite only: the raw connection under the store, for the vault's whole-file work and for
  // tests that inspect or tamper with stored rows. Services use store() / q().
  schemaVersion(): Promise<number> {
    return this.core.schemaVersion();
  }
  connection(): Db {
    return this.core.connection();
  }
  q(): Q {
    return this.core.q();
  }
  // Long whole-file work (a large export, say) on the file worker's thread, not main's.
  fileWork<K extends FileWork['op']>(work: Extract<FileWork, { op: K }>): Promise<FileWorkResult[K]> {
    return this.core.fileWork(work);
  }
  // Runs fn and its audit entry in one transaction.
  async write<T>(
    action: AuditAction,
    targetId: string | null,
    summary: string,
    fn: (tx: Q) => T | Promise<T>,
  ): Promise<T> {
    return await this.core.write(action, targetId, summary, fn);
  }
  // Runs `hook` at the end of every write, inside its transaction (derived tables kept up to date).
  onWrite(hook: (tx: Q) => Promise<unknown>): void {
    this.core.onWrite(hook);
  }
  // A large write in steps (tens of megabytes of a redacted scan): each step its own transaction,
  // with a turn of the event loop between so that main keeps answering, and the audit entry with
  // the last step. Readers must tell a complete set from an interrupted one (a count, a marker).
  async writeInSteps(
    action: AuditAction,
    targetId: string | null,
    summary: string,
    steps: readonly ((tx: Q) => Promise<void>)[],
  ): Promise<void> {
    for (const [i, step] of steps.entries()) {
      if (i > 0) await new Promise((resolve) => setImmediate(resolve));
      if (i === steps.length - 1) await this.core.write(action, targetId, summary, step);
      else await this.core.store().transaction(step);
    }
  }
  async audit(
    q: Q,
    action: AuditAction,
    targetId: string | null,
    summary: string,
    accountId?: string | null,
  ): Promise<void> {
    await this.core.audit(q, action, targetId, summary, accountId);
  }
  async auditAnchor(): Promise<{ id: number; hash: string; at: string }> {
    return await this.core.auditAnchor();
  }
  verifyAuditLog(printed: AuditAnchor | null) {
    return verifyAuditLog(this.core, printed);
  }
  // Whether vault.json's key set verified at this session's login (and since).
  keysetTrusted(): boolean {
    return this.core.unlocked?.keysetTrusted ?? false;
  }
  async refreshSession(): Promise<void> {
    await this.core.refreshSession();
  }
  lock(reason: LockReason): Promise<void> {
    return this.core.lock(reason);
  }
  close(): Promise<void> {
    return this.core.close();
  }

  setup(input: {
    organisation: Organisation;
    admin: { loginName: string; displayName: string; password: string };
  }): Promise<{ recoveryKey: string; session: Session }> {
    return this.sessions.setup(input);
  }
  login(loginName: string, password: string): Promise<Session> {
    return this.sessions.login(loginName, password);
  }
  recover(recoveryKey: string, loginName: string, newPassword: string): Promise<Session> {
    return this.sessions.recover(recoveryKey, loginName, newPassword);
  }
  changePassword(currentPassword: string, newPassword: string): Promise<Session> {
    return this.sessions.changePassword(currentPassword, newPassword);
  }
  setAccountPassword(account: { id: string; loginName: string }, password: string): Promise<string> {
    return this.sessions.setAccountPassword(account, password);
  }

  createBackup(target: string, opts: { password: string | null; appVersion: string }): Promise<BackupInfo> {
    return this.backups.createBackup(target, opts);
  }
  readBackup(file: string) {
    return this.backups.readBackup(file);
  }
  inspectBackup(file: string, password: string | null): Promise<BackupInfo> {
    return this.backups.inspectBackup(file, password);
  }
  restoreBackup(
    file: string,
    opts: { password: string | null; safetyCopy: string; appVersion: string },
  ): Promise<BackupInfo> {
    return this.backups.restoreBackup(file, opts);
  }

  rotateKey(repair = false): Promise<Replaced> {
    return this.rekeys.rotateKey(repair);
  }
  revokeAccount(accountId: string): Promise<Replaced> {
    return this.rekeys.revokeAccount(accountId);
  }
}
