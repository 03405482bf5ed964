import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Q } from '../db/store';
import { listAccountKeys, setAccountPublicKey, type AccountKey } from '../db/repositories/accounts';
import { getSetting, putSetting } from '../db/repositories/settings';
import { lookupId, type VaultHeader } from './header';
import { KdfParams } from './kdf';

// The key set of vault.json (issue 30 §1): the account entries (lookup, account id, key pair,
// boxes), the recovery key, the database key, the earlier master keys and the audit anchors,
// authenticated as a whole by a MAC keyed from the master key. Anyone can edit vault.json; only
// the app, holding the master key, can make a key set that verifies.
//
// Not covered: the login throttle and the failed attempts waiting to be audited. A failed login
// has no key to authenticate what it writes; deleting them lets an insider guess faster, but an
// insider with the folder can guess offline anyway, and the KDF's cost is what bounds that.
//
// The encrypted database holds what the key set must agree with: each account's public key and
// whether it is enabled (accounts table), the recovery public key, the lookup salt and the audit
// anchors' total and newest (this setting). A replacement of the master key boxes the new key only
// to what the database lists, so an entry added to vault.json receives nothing even where the
// MAC check were bypassed.

const SETTING = 'vault.keyset';

const Anchor = z.object({ id: z.number().int().nonnegative(), hash: z.string(), at: z.string() }).strict();
export type KeysetAnchor = z.infer<typeof Anchor>;

export const KeysetRecord = z
  .object({
    lookupSalt: z.string(),
    recoveryPublic: z.string().nullable(),
    anchorTotal: z.number().int().nonnegative(),
    newestAnchor: Anchor.nullable(),
    // The KDF cost of new wraps: a lower one put into vault.json would make guessing cheaper.
    kdfCost: KdfParams.omit({ salt: true }).optional(),
  })
  .strict();
export type KeysetRecord = z.infer<typeof KeysetRecord>;

// JSON with object keys sorted, so that the MAC does not depend on the order of writing.
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function macOf(header: VaultHeader, master: Buffer): Buffer {
  const covered: Partial<VaultHeader> = { ...header };
  delete covered.throttle;
  delete covered.pendingAudit;
  delete covered.keysetMac;
  const key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'madoguchi:v3:keyset', 32));
  return createHmac('sha256', key).update(canonical(covered)).digest();
}

export function sealKeyset(header: VaultHeader, master: Buffer): void {
  header.keysetMac = macOf(header, master).toString('hex');
}

export function keysetAuthentic(header: VaultHeader, master: Buffer): boolean {
  if (!header.keysetMac) return false;
  const given = Buffer.from(header.keysetMac, 'hex');
  const expected = macOf(header, master);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function readKeysetRecord(db: Q): Promise<KeysetRecord | null> {
  const parsed = KeysetRecord.safeParse(await getSetting(db, SETTING));
  return parsed.success ? parsed.data : null;
}

export function recordOf(header: VaultHeader): KeysetRecord {
  const newest = header.auditAnchors?.at(-1);
  return {
    lookupSalt: header.lookupSalt,
    recoveryPublic: header.recoveryPublic ?? null,
    anchorTotal: header.anchorTotal ?? header.auditAnchors?.length ?? 0,
    newestAnchor: newest ? { id: newest.id, hash: newest.hash, at: newest.at } : null,
    kdfCost: header.kdfCost,
  };
}

export async function writeKeysetRecord(db: Q, header: VaultHeader): Promise<void> {
  await putKeysetRecord(db, recordOf(header));
}

export async function putKeysetRecord(db: Q, record: KeysetRecord): Promise<void> {
  await putSetting(db, SETTING, KeysetRecord.parse(record));
}

// After an anchor: only the anchors' total and newest follow vault.json; the lookup salt and the
// recovery key the database records change only with the keys themselves.
export async function writeAnchorRecord(db: Q, header: VaultHeader): Promise<void> {
  const current = await readKeysetRecord(db);
  const next = recordOf(header);
  await putSetting(
    db,
    SETTING,
    current ? { ...current, anchorTotal: next.anchorTotal, newestAnchor: next.newestAnchor } : next,
  );
}

// What a key set that verifies may still disagree on with the database: an older copy of
// vault.json put back (fewer anchors, an older recovery key), or a database from elsewhere.
export type KeysetProblem = 'mac' | 'lookup_salt' | 'recovery' | 'anchors' | 'kdf_cost';

export function keysetProblems(header: VaultHeader, master: Buffer, record: KeysetRecord | null): KeysetProblem[] {
  const problems: KeysetProblem[] = keysetAuthentic(header, master) ? [] : ['mac'];
  if (!record) return problems;
  if (record.lookupSalt !== header.lookupSalt) problems.push('lookup_salt');
  if (record.kdfCost && JSON.stringify(record.kdfCost) !== JSON.stringify(header.kdfCost)) problems.push('kdf_cost');
  if (record.recoveryPublic !== null && record.recoveryPublic !== (header.recoveryPublic ?? null))
    problems.push('recovery');
  const anchors = header.auditAnchors ?? [];
  const total = header.anchorTotal ?? anchors.length;
  const newest = record.newestAnchor;
  if (total < record.anchorTotal || (newest && !anchors.some((a) => a.id === newest.id && a.hash === newest.hash)))
    problems.push('anchors');
  return problems;
}

// The first login of a vault made before key sets were authenticated: vault.json's public keys are
// taken into the database for the accounts it knows, with its recovery key (trust on first use:
// what an insider changed in vault.json before this version ran is taken too, as the old design
// would have), entries for accounts the database does not know are removed, and the key set is
// sealed. Not done where the witness outside the data folder exists (this version ran here: a
// database without a record is one put back), and the witness is written at every trusted login,
// so the window is the first login only.
export async function adoptKeyset(db: Q, header: VaultHeader): Promise<{ removed: number }> {
  const known = new Map((await listAccountKeys(db)).map((a) => [a.id, a]));
  const kept = Object.entries(header.accounts).filter(([lid, e]) => {
    const a = known.get(e.accountId);
    return a !== undefined && lookupId(header, a.loginName) === lid;
  });
  for (const [, e] of kept) await setAccountPublicKey(db, e.accountId, e.publicKey ?? null);
  const removed = Object.keys(header.accounts).length - kept.length;
  header.accounts = Object.fromEntries(kept);
  await writeKeysetRecord(db, header);
  return { removed };
}

// Who a replacement of the master key may box the new key to: the enabled accounts of the
// database with a public key, and the recovery public key the database records.
export type TrustedKeys = { accounts: AccountKey[]; recoveryPublic: string | null };

export async function trustedKeys(db: Q): Promise<TrustedKeys> {
  return {
    accounts: (await listAccountKeys(db)).filter((a) => !a.disabled),
    recoveryPublic: (await readKeysetRecord(db))?.recoveryPublic ?? null,
  };
}
