import { ErrorCode } from '../../../core/contract';
import { clearRevocationsPending, listAccountKeys } from '../db/repositories/accounts';
import { anchorHolds } from '../db/repositories/audit';
import { AppError } from '../errors';
import { putSetting } from '../db/repositories/settings';

// Keys replaced at a login that an administrator must be shown (BackupService.status).
export const KEYS_TO_SHOW = 'vault.keysToShow';
import { anchorAuthentic, anchorMacFor, prepareReplacement, promote, rekeyAnchors } from './keyring';
import { lookupId, type VaultHeader } from './header';
import { keysetProblems, putKeysetRecord, readKeysetRecord, recordOf, trustedKeys } from './keyset';
import type { VaultDatabase, Replaced, Unlocked } from './database';

// vault.json's key set does not verify (issue 30 §1): the replacement stops and says why.
export const keysetTampered = () =>
  new AppError(
    ErrorCode.CONFLICT,
    '鍵情報ファイル（vault.json）がアプリの外で変更されています。新しい鍵を渡す相手を確認できないため、鍵の更新を中止しました（鍵は変更していません）。管理者が［設定］→［バックアップ］の「データベース鍵の更新」から鍵情報を作り直してください。',
    [{ path: ['keyset'], message: '鍵情報ファイル（vault.json）がアプリの外で変更されています。' }],
  );

// Replacing the master key and the database key: a key rotation, and revoking a disabled
// account (its old wrap then opens nothing).
export class VaultRekey {
  constructor(private readonly core: VaultDatabase) {}

  // A disabled account loses its entry, and the master key and the database key are replaced:
  // a copy of vault.json it kept opens neither the database nor a backup made from now on. The
  // account was marked revocation_pending in the transaction that disabled it; the mark is
  // cleared with the replacement, or the replacement is finished at the next login.
  revokeAccount(accountId: string): Promise<Replaced> {
    return this.core.serial(() => this.replaceMaster(`revoked=${accountId}`, false));
  }

  // データベース鍵の更新: a new database key, under a new master key boxed to every account and
  // the recovery key. The caller makes a backup first. `repair`: vault.json's key set did not
  // verify and the administrator chose to rebuild it from the database (only the enabled accounts
  // it lists, with their public keys, and the recovery key it records).
  rotateKey(repair = false): Promise<Replaced> {
    return this.core.serial(() => this.replaceMaster(repair ? 'keyset repaired' : 'database key rotated', repair));
  }

  // Disabled accounts whose revocation did not finish (a failure, a crash), and any disabled
  // account vault.json still has an entry for (a vault upgraded, a restore): revoked now, inside
  // the login that found them, before the session is handed out. Where vault.json's key set does
  // not verify, the replacement rebuilds it from the database (it only removes keys: the new key
  // goes to what the database lists), rather than wait for an administrator.
  async finishPendingRevocations(): Promise<void> {
    const u = this.core.unlockedOrThrow();
    const header = this.core.requireHeader();
    const withEntry = new Set(Object.values(header.accounts).map((e) => e.accountId));
    const pending = (await listAccountKeys(u.store.q)).filter(
      (a) => a.revocationPending || (a.disabled && withEntry.has(a.id)),
    );
    if (!pending.length) return;
    const replaced = await this.replaceMaster(
      `revoked=${pending.map((a) => a.id).join(',')} at_login`,
      !u.keysetTrusted,
    );
    // Nobody may be there to read what an administrator must know (a new recovery key, accounts
    // left out): kept in the encrypted database until an administrator notes it. Any logged-in
    // account holds the master key anyway; a revoked one opens the database no more.
    if (replaced.newRecoveryKey || replaced.droppedAccounts.length) {
      await u.store.transaction(async (tx) => {
        await putSetting(tx, KEYS_TO_SHOW, {
          newRecoveryKey: replaced.newRecoveryKey,
          accountsNeedingPassword: replaced.droppedAccounts.length,
        });
      });
    }
  }

  // The next keys go into the header before the file changes, so that a crash at any point leaves
  // a header with keys that open the database (the next login finishes or forgets the change).
  //
  // The file is re-encrypted on the file worker (seconds for a large vault), main's connection
  // closed meanwhile: calls that need the database are refused with a message until it reopens.
  // The rekey is one transaction: if it fails, the file still opens with the old key.
  private async replaceMaster(summary: string, repair: boolean): Promise<Replaced> {
    const u = this.core.unlockedOrThrow();
    const header = this.core.requireHeader();
    const problems = keysetProblems(header, u.master, await readKeysetRecord(u.store.q));
    if (!repair && (!u.keysetTrusted || problems.length)) {
      u.keysetTrusted = false;
      throw keysetTampered();
    }
    const keepRecordAnchors = repair && (await this.repairFromDatabase(u, header));
    const next = prepareReplacement(header, u.master, await trustedKeys(u.store.q));
    // Sealed under the current master key: a promotion after a crash checks it first.
    this.core.saveHeader(header, u.master);
    // The embedded vault's file is re-encrypted; on PostgreSQL only vault.json changes here (the
    // re-sealing of the server's fields is team mode's).
    if (u.db) {
      // The WAL is copied into the file on the worker first: closing main's connection would
      // otherwise do it on main (~90 ms at 100,000 requests).
      await this.core.fileWork({ op: 'checkpoint', live: this.core.dbFile, key: u.key });
      const old = u.db;
      await u.store.exclusive(() => old.close());
      try {
        await this.core.fileWork({ op: 'rekey', file: this.core.dbFile, from: u.key, to: next.databaseKey });
      } catch (err) {
        u.db = this.core.open(u.key, false);
        throw err;
      }
      u.db = this.core.open(next.databaseKey, false);
    }
    promote(header);
    rekeyAnchors(header, u.master, next.master);
    this.core.saveHeader(header, next.master);
    u.key.fill(0);
    u.master.fill(0);
    u.key = next.databaseKey;
    u.master = next.master;
    u.keysetTrusted = true;
    await u.store.transaction(async (tx) => {
      await clearRevocationsPending(tx);
      const record = await readKeysetRecord(tx);
      const written = recordOf(header);
      await putKeysetRecord(
        tx,
        keepRecordAnchors && record
          ? { ...written, anchorTotal: record.anchorTotal, newestAnchor: record.newestAnchor }
          : written,
      );
      await this.core.audit(
        tx,
        'vault.rekey',
        null,
        `${summary} dropped=${next.dropped.length} recovery=${next.newRecoveryKey ? 'new' : 'kept'}`,
      );
    });
    this.core.deps.logger.info('vault.rekeyed', { dropped: next.dropped.length, repair });
    return { droppedAccounts: next.dropped, newRecoveryKey: next.newRecoveryKey };
  }

  // A repair keeps the anchors that verify under the master key and still hold in the log, and
  // puts back the newest the database recorded. Where the log no longer holds that one (it was
  // rewritten, or the database put back), the database's record of the anchors is kept as it is
  // (returned true), so that verification goes on failing: a repair must not seal over evidence.
  //
  // Before the header is sealed (with the pending keys, ahead of the rekey), the entries, the
  // recovery key and the KDF cost the database does not confirm go too: if the rekey then fails,
  // what is sealed is only what the database lists.
  private async repairFromDatabase(u: Unlocked, header: VaultHeader): Promise<boolean> {
    const record = await readKeysetRecord(u.store.q);
    if (record) {
      header.lookupSalt = record.lookupSalt;
      if (record.kdfCost) header.kdfCost = record.kdfCost;
      if (record.recoveryPublic !== (header.recoveryPublic ?? null)) {
        // A recovery key the database does not know: its box goes; the replacement boxes the new
        // master key to the recorded one, or makes a new recovery key where none is recorded.
        delete header.recoveryMaster;
        if (record.recoveryPublic) header.recoveryPublic = record.recoveryPublic;
        else delete header.recoveryPublic;
      }
    }
    const listed = new Map((await trustedKeys(u.store.q)).accounts.map((a) => [lookupId(header, a.loginName), a]));
    header.accounts = Object.fromEntries(
      Object.entries(header.accounts).filter(([lookup, e]) => {
        const a = listed.get(lookup);
        return a !== undefined && a.id === e.accountId && a.publicKey !== null && a.publicKey === e.publicKey;
      }),
    );
    const kept: NonNullable<VaultHeader['auditAnchors']> = [];
    for (const a of header.auditAnchors ?? [])
      if (anchorAuthentic(u.master, a) && (await anchorHolds(u.store.q, a))) kept.push(a);
    const newest = record?.newestAnchor;
    header.auditAnchors = kept;
    header.anchorTotal = Math.max(record?.anchorTotal ?? 0, kept.length);
    if (!newest) return false;
    if (!(await anchorHolds(u.store.q, newest))) return true;
    if (!kept.some((a) => a.id === newest.id && a.hash === newest.hash)) {
      header.auditAnchors = [...kept, { ...newest, mac: anchorMacFor(u.master, newest) }].sort((a, b) => a.id - b.id);
    }
    return false;
  }
}
