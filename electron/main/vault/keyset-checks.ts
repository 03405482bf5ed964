import { listAccountKeys, setAccountPublicKey } from '../db/repositories/accounts';
import { anchorHolds, auditHead } from '../db/repositories/audit';
import type { Handle, VaultDatabase, Unlocked } from './database';
import type { VaultHeader } from './header';
import { addAnchor } from './keyring';
import {
  adoptKeyset,
  keysetProblems,
  readKeysetRecord,
  sealKeyset,
  writeAnchorRecord,
  writeKeysetRecord,
} from './keyset';

// The key set's checks that need the open vault: at login, and at each anchor (issue 30 §1, §3).

// Records the audit chain's head in vault.json (at each lock and backup), then its total and the
// newest in the database and outside the data folder. vault.json first: a crash between leaves
// vault.json ahead of the database, which verifies; the other way round would not. A key set that
// does not verify is not sealed, and the database's record is left as it is (evidence kept).
export async function recordAnchor(core: VaultDatabase, u: Unlocked): Promise<void> {
  const header = core.header();
  if (!header) return;
  const anchor = { ...(await auditHead(u.store.q)), at: core.deps.clock().toISOString() };
  const trusted = u.keysetTrusted && keysetProblems(header, u.master, await readKeysetRecord(u.store.q)).length === 0;
  addAnchor(header, u.master, anchor);
  core.saveHeader(header, trusted ? u.master : null);
  if (!trusted) return;
  await u.store.transaction(async (tx) => {
    await writeAnchorRecord(tx, header);
  });
  writeWitness(core, anchor);
}

// Written in the background (safeStorage is asynchronous); a failure is logged, and the anchors in
// vault.json and the database still hold.
function writeWitness(core: VaultDatabase, anchor: { id: number; hash: string; at: string }): void {
  void (core.deps.anchorWitness?.write(anchor) ?? Promise.resolve()).catch(() => {
    core.deps.logger.warn('vault.anchor_witness_failed');
  });
}

// At each login, with the database open: whether vault.json's key set verifies and agrees with
// the database (returns whether it is trusted for the session). A vault from before authenticated
// key sets adopts its key set once (keyset.ts, adoptKeyset); the caller then
// writes the header. Problems are audited; the session goes on, a replacement of the master key
// is refused until an administrator repairs the key set (a pending revocation repairs it itself).
export async function settleKeyset(
  core: VaultDatabase,
  db: Handle,
  login: { header: VaultHeader; master: Buffer; authentic: boolean; accountId: string },
  witness: { id: number; hash: string } | null,
): Promise<boolean> {
  const { header, master, authentic, accountId } = login;
  const record = await readKeysetRecord(db.store.q);
  // A witness outside the data folder exists only once this version ran: a database without a
  // record then is one from before, put back (or another one put in its place).
  if (!record && !header.keysetMac && !witness) {
    const adopted = await db.store.transaction((tx) => adoptKeyset(tx, header));
    sealKeyset(header, master);
    core.deps.logger.info('vault.keyset_adopted', { removed: adopted.removed });
    writeWitness(core, { ...(await auditHead(db.store.q)), at: core.deps.clock().toISOString() });
    return true;
  }
  // (`authentic` was checked before a pending replacement was promoted: under the earlier key.)
  const problems: string[] = [
    ...(authentic ? [] : ['mac']),
    ...keysetProblems(header, master, record).filter((p) => p !== 'mac'),
  ];
  if (authentic && !record) await db.store.transaction((tx) => writeKeysetRecord(tx, header));
  if (witness && !(await anchorHolds(db.store.q, witness))) problems.push('rollback');
  if (problems.length) {
    await db.store.transaction(async (tx) => {
      await core.audit(tx, 'vault.keyset_mismatch', null, `problems=${problems.join(',')}`, accountId);
    });
    core.deps.logger.warn('vault.keyset_mismatch', { problems: problems.join(',') });
  }
  // From the first trusted login on, a database without a record is not adopted again.
  if (authentic && !problems.length)
    writeWitness(core, { ...(await auditHead(db.store.q)), at: core.deps.clock().toISOString() });
  return authentic && !problems.some((p) => p !== 'rollback');
}

// The logging-in account's public key, proven by its password (the entry's private key), is the
// account's whatever else vault.json holds: the database follows it (a password change whose
// database write was lost), and an entry whose public key field was changed is put right.
export async function syncOwnPublicKey(
  db: Handle,
  header: VaultHeader,
  lid: string,
  accountId: string,
  ownPublic: string | null,
): Promise<void> {
  const entry = header.accounts[lid];
  if (!entry?.publicKey) return;
  // A first-format entry upgraded just now: its key pair was made here (ownPublic is null).
  const proven = ownPublic ?? entry.publicKey;
  if (entry.publicKey !== proven) header.accounts[lid] = { ...entry, publicKey: proven };
  const known = (await listAccountKeys(db.store.q)).find((a) => a.id === accountId);
  if (known && known.publicKey !== proven) {
    await db.store.transaction(async (tx) => {
      await setAccountPublicKey(tx, accountId, proven);
    });
  }
}
