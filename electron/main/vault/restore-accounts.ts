import { ErrorCode } from '../../../core/contract';
import { storeOf } from '../db/store-engines';
import { openEncrypted, type Db } from '../db/connection';
import {
  findAccountByLogin,
  getAccount,
  insertAccount,
  listAccountKeys,
  listAccounts,
  renameAccountLogin,
  setAccountPublicKey,
  type AccountKey,
} from '../db/repositories/accounts';
import { anchorHolds } from '../db/repositories/audit';
import { AppError } from '../errors';
import type { Unlocked, VaultDatabase } from './database';
import type { VaultHeader } from './header';
import { keysetAuthentic, putKeysetRecord, recordOf, type KeysetRecord } from './keyset';

// The accounts and keys around a restore: whose backup it is, the restorer kept in, and the keys
// the restored database takes from the live one.

// The live database's account keys and key set record, read just before a restore replaces it.
export type LiveKeys = { accounts: AccountKey[]; record: KeysetRecord | null };

// The accounts of a backup taken in another vault (none of them is the account logged in),
// or null for a backup of this vault.
export async function otherVaultAccounts(
  core: VaultDatabase,
  file: string,
  key: Buffer,
): Promise<{ loginName: string; displayName: string }[] | null> {
  const u = core.unlockedOrThrow();
  const db = openEncrypted(file, key, { create: false, nativeBinding: core.deps.nativeBinding });
  try {
    if (await getAccount(storeOf(db).q, u.session.accountId)) return null;
    return (await listAccounts(storeOf(db).q))
      .filter((a) => !a.disabled)
      .map((a) => ({ loginName: a.loginName, displayName: a.displayName }));
  } finally {
    db.close();
  }
}

// A backup from another vault: its accounts have no password wrap here, so the administrator
// restoring is added to it (a same-named account of the backup is renamed 「…-2」 so both
// stay), and keeps their own login; the others get passwords from them afterwards.
export async function keepRestorerAccess(
  core: VaultDatabase,
  file: string,
  u: Unlocked,
): Promise<{ renamed: number } | null> {
  const db = openEncrypted(file, u.key, { create: false, nativeBinding: core.deps.nativeBinding });
  try {
    if (await getAccount(storeOf(db).q, u.session.accountId)) return null;
    const current = await getAccount(u.store.q, u.session.accountId);
    if (!current) throw new AppError(ErrorCode.INTERNAL, 'ログイン中のアカウントが見つかりません。');
    const now = core.deps.clock().toISOString();
    let renamed = 0;
    await storeOf(db).transaction(async (tx) => {
      const clash = await findAccountByLogin(tx, current.loginName);
      if (clash) {
        let name = `${current.loginName}-2`;
        for (let n = 3; await findAccountByLogin(tx, name); n++) name = `${current.loginName}-${n}`;
        await renameAccountLogin(tx, clash.id, name, now);
        renamed = 1;
      }
      await insertAccount(tx, { ...current, disabled: false, mustChangePassword: false, updatedAt: now });
    });
    return { renamed };
  } finally {
    db.close();
  }
}

// After a restore: the restored database holds the account keys and key set record of the day
// of the backup (or of another vault). It takes those of the live database read just before
// (the ground truth, whatever vault.json says now): each account both know keeps its live public
// key, the others have none (they need a temporary password). Entries of accounts the restored
// database does not know open nothing and go; anchors recorded after the backup do not hold in
// the restored log and go (the restore itself is in the log, and the lock that follows anchors it).
export async function keysAfterRestore(core: VaultDatabase, u: Unlocked, db: Db, live: LiveKeys): Promise<void> {
  const header = core.header();
  if (!header) return;
  const authentic = u.keysetTrusted && keysetAuthentic(header, u.master);
  const q = storeOf(db).q;
  const anchors: NonNullable<VaultHeader['auditAnchors']> = [];
  for (const a of header.auditAnchors ?? []) if (await anchorHolds(q, a)) anchors.push(a);
  header.auditAnchors = anchors;
  const entries: [string, VaultHeader['accounts'][string]][] = [];
  for (const [lid, e] of Object.entries(header.accounts))
    if ((await getAccount(q, e.accountId)) !== null) entries.push([lid, e]);
  header.accounts = Object.fromEntries(entries);
  const keys = new Map(live.accounts.map((a) => [a.id, a.publicKey]));
  await storeOf(db).transaction(async (tx) => {
    for (const a of await listAccountKeys(tx)) await setAccountPublicKey(tx, a.id, keys.get(a.id) ?? null);
    if (live.record) {
      const anchors = recordOf(header);
      await putKeysetRecord(tx, {
        ...live.record,
        anchorTotal: anchors.anchorTotal,
        newestAnchor: anchors.newestAnchor,
      });
    }
  });
  core.saveHeader(header, authentic ? u.master : null);
}
