import { writeHeader } from './header';
import { prepareReplacement, promote, rekeyAnchors } from './keyring';
import type { VaultDatabase, Replaced } from './database';

// Replacing the master key and the database key: a key rotation, and revoking a disabled
// account (its old wrap then opens nothing).
export class VaultRekey {
  constructor(private readonly core: VaultDatabase) {}

  // A disabled account loses its entry, and the master key and the database key are replaced:
  // a copy of vault.json it kept opens neither the database nor a backup made from now on.
  revokeAccount(accountId: string): Promise<Replaced> {
    return this.core.serial(() => this.replaceMaster(accountId, `revoked=${accountId}`));
  }

  // データベース鍵の更新: a new database key, under a new master key boxed to every account and
  // the recovery key. The caller makes a backup first.
  rotateKey(): Promise<Replaced> {
    return this.core.serial(() => this.replaceMaster(null, 'database key rotated'));
  }

  // The next keys go into the header before the file changes, so that a crash at any point leaves
  // a header with keys that open the database (the next login finishes or forgets the change).
  //
  // The file is re-encrypted on the file worker (seconds for a large vault), main's connection
  // closed meanwhile: calls that need the database are refused with a message until it reopens.
  // The rekey is one transaction: if it fails, the file still opens with the old key.
  private async replaceMaster(without: string | null, summary: string): Promise<Replaced> {
    const u = this.core.unlockedOrThrow();
    const header = this.core.requireHeader();
    const next = prepareReplacement(header, u.master, without);
    writeHeader(this.core.deps.dataDir, header);
    // The WAL is copied into the file on the worker first: closing main's connection would
    // otherwise do it on main (~90 ms at 100,000 requests).
    await this.core.fileWork({ op: 'checkpoint', live: this.core.dbFile, key: u.key });
    u.db.close();
    try {
      await this.core.fileWork({ op: 'rekey', file: this.core.dbFile, from: u.key, to: next.databaseKey });
    } catch (err) {
      u.db = this.core.open(u.key, false);
      throw err;
    }
    u.db = this.core.open(next.databaseKey, false);
    promote(header);
    rekeyAnchors(header, u.master, next.master);
    writeHeader(this.core.deps.dataDir, header);
    u.key.fill(0);
    u.master.fill(0);
    u.key = next.databaseKey;
    u.master = next.master;
    u.db.transaction(() => {
      this.core.audit(
        u.db,
        'vault.rekey',
        null,
        `${summary} dropped=${next.dropped.length} recovery=${next.newRecoveryKey ? 'new' : 'kept'}`,
      );
    })();
    this.core.deps.logger.info('vault.rekeyed', { dropped: next.dropped.length });
    return { droppedAccounts: next.dropped, newRecoveryKey: next.newRecoveryKey };
  }
}
