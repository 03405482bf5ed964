import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { formatRecoveryKey, RECOVERY_KEY_BYTES } from '../../../core/domain/recovery-key';
import { lookupId, type AccountEntry, type VaultHeader } from './header';
import type { TrustedKeys } from './keyset';
import { newKdfParams, type KdfCost } from './kdf';
import { boxTo, keyPair, openBox, sealKey, unsealKey, unwrapKey, wrapKey } from './wrap';

// The keys of vault.json. The master key opens the database key (sealed under it); every
// account and the recovery key reach the master key through a box sealed to their public key.
// Replacing the master key (when an account is disabled, or the database key rotated) boxes the
// new one to the remaining public keys: a disabled account's old copy of vault.json then opens
// nothing current. Entries of the first format (the master key wrapped directly under the
// password) still open, and are upgraded at the account's next login.

export const DATABASE_AAD = 'madoguchi:v1:database-key';
const LEGACY_RECOVERY_AAD = 'madoguchi:v1:recovery';
const legacyAccountAad = (accountId: string) => `madoguchi:v1:account:${accountId}`;
const accountKeyAad = (accountId: string) => `madoguchi:v2:account-key:${accountId}`;
const masterAad = (accountId: string) => `madoguchi:v2:master:${accountId}`;
const RECOVERY_MASTER_AAD = 'madoguchi:v2:master:recovery';

const b64 = (b: Buffer) => b.toString('base64');
const raw = (s: string) => Buffer.from(s, 'base64');

export function isLegacy(entry: AccountEntry): boolean {
  return entry.publicKey === undefined || entry.master === undefined;
}

// A new entry: a new key pair, its private key wrapped under the password, the master key boxed
// to its public key.
export async function newEntry(
  accountId: string,
  password: string,
  master: Buffer,
  cost: KdfCost,
): Promise<AccountEntry> {
  const pair = keyPair();
  try {
    return {
      accountId,
      wrap: await wrapKey(pair.privateKey, password, newKdfParams(cost), accountKeyAad(accountId)),
      publicKey: b64(pair.publicKey),
      master: boxTo(pair.publicKey, master, masterAad(accountId)),
    };
  } finally {
    pair.privateKey.fill(0);
  }
}

export type Opened = { master: Buffer; privateKey: Buffer | null };

// The master key an entry gives for a password (and the account's private key, which opens a
// pending box after a crash), or null for a wrong password.
export async function openEntry(entry: AccountEntry, password: string): Promise<Opened | null> {
  if (isLegacy(entry)) {
    const master = await unwrapKey(entry.wrap, password, legacyAccountAad(entry.accountId));
    return master ? { master, privateKey: null } : null;
  }
  const privateKey = await unwrapKey(entry.wrap, password, accountKeyAad(entry.accountId));
  if (!privateKey || !entry.master) return null;
  const master = openBox(entry.master, privateKey, masterAad(entry.accountId));
  if (!master) {
    privateKey.fill(0);
    return null;
  }
  return { master, privateKey };
}

// The recovery key's key pair: its private key derived from the recovery key's bytes.
function recoveryPair(recoveryBytes: Uint8Array) {
  const seed = Buffer.from(hkdfSync('sha256', recoveryBytes, Buffer.alloc(0), 'madoguchi:v2:recovery-key-pair', 32));
  try {
    return keyPair(seed);
  } finally {
    seed.fill(0);
  }
}

// The recovery key's public key (what a box for it is sealed to).
export function recoveryPublicOf(recoveryBytes: Uint8Array): string {
  const pair = recoveryPair(recoveryBytes);
  pair.privateKey.fill(0);
  return b64(pair.publicKey);
}

export function recoveryBoxFor(
  recoveryBytes: Uint8Array,
  master: Buffer,
): Pick<VaultHeader, 'recoveryPublic' | 'recoveryMaster'> {
  const pair = recoveryPair(recoveryBytes);
  pair.privateKey.fill(0);
  return { recoveryPublic: b64(pair.publicKey), recoveryMaster: boxTo(pair.publicKey, master, RECOVERY_MASTER_AAD) };
}

export async function openRecovery(header: VaultHeader, recoveryBytes: Uint8Array): Promise<Opened | null> {
  if (header.recoveryMaster) {
    const pair = recoveryPair(recoveryBytes);
    const master = openBox(header.recoveryMaster, pair.privateKey, RECOVERY_MASTER_AAD);
    if (!master) {
      pair.privateKey.fill(0);
      return null;
    }
    return { master, privateKey: pair.privateKey };
  }
  if (!header.recovery) return null;
  const master = await unwrapKey(header.recovery, recoveryBytes, LEGACY_RECOVERY_AAD);
  return master ? { master, privateKey: null } : null;
}

// The master key a pending replacement gives the holder of this private key (an account's, by its
// lookup id, or the recovery key's: 'recovery'), or null.
export function openPending(header: VaultHeader, opened: Opened, lookup: string): Buffer | null {
  const pending = header.pendingMaster;
  if (!pending || !opened.privateKey) return null;
  if (lookup === 'recovery') return openBox(pending.recoveryMaster, opened.privateKey, RECOVERY_MASTER_AAD);
  const entry = pending.accounts[lookup];
  return entry?.master ? openBox(entry.master, opened.privateKey, masterAad(entry.accountId)) : null;
}

export type Replacement = {
  master: Buffer;
  databaseKey: Buffer;
  // Accounts whose entry could not be carried over (first format, not logged in since): they
  // need a new temporary password.
  dropped: string[];
  // A new recovery key, when the old one could not be carried over (first format): shown once.
  newRecoveryKey: string | null;
};

// Writes the next master key's entries into header.pendingMaster (the caller writes the header,
// rekeys the database, then calls promote). `without` is left out: a disabled account.
const PREVIOUS_AAD = 'madoguchi:v2:previous-master';
const MAX_PREVIOUS = 50;

// The earlier master keys, newest first (the current one not included).
export function previousMasters(header: VaultHeader, master: Buffer): Buffer[] {
  return (header.previousMasters ?? [])
    .map((sealed) => unsealKey(sealed, master, PREVIOUS_AAD))
    .filter((k): k is Buffer => k !== null);
}

// The new master key is boxed only to the accounts the database lists as enabled with the public
// key vault.json also gives (issue 30 §1): an entry vault.json alone holds (a made-up account, a
// replaced public key, a disabled account) receives nothing. The recovery public key is the one
// the database records.
export function prepareReplacement(header: VaultHeader, current: Buffer, trusted: TrustedKeys): Replacement {
  const master = randomBytes(32);
  const databaseKey = randomBytes(32);
  const accounts: Record<string, AccountEntry> = {};
  const dropped: string[] = [];
  for (const a of trusted.accounts) {
    const lookup = lookupId(header, a.loginName);
    const e = header.accounts[lookup];
    if (!e || isLegacy(e) || e.accountId !== a.id || !e.publicKey || e.publicKey !== a.publicKey) {
      dropped.push(a.id);
      continue;
    }
    accounts[lookup] = { ...e, master: boxTo(raw(e.publicKey), master, masterAad(e.accountId)) };
  }
  let newRecoveryKey: string | null = null;
  let recoveryPublic: Buffer;
  if (trusted.recoveryPublic) recoveryPublic = raw(trusted.recoveryPublic);
  else {
    const bytes = randomBytes(RECOVERY_KEY_BYTES);
    const pair = recoveryPair(bytes);
    pair.privateKey.fill(0);
    recoveryPublic = pair.publicKey;
    newRecoveryKey = formatRecoveryKey(bytes);
    bytes.fill(0);
  }
  header.pendingMaster = {
    accounts,
    recoveryPublic: b64(recoveryPublic),
    recoveryMaster: boxTo(recoveryPublic, master, RECOVERY_MASTER_AAD),
    database: sealKey(databaseKey, master, DATABASE_AAD),
    previousMasters: [current, ...previousMasters(header, current)]
      .slice(0, MAX_PREVIOUS)
      .map((k) => sealKey(k, master, PREVIOUS_AAD)),
  };
  return { master, databaseKey, dropped, newRecoveryKey };
}

// The pending replacement becomes the header's keys; the first-format recovery wrap goes.
export function promote(header: VaultHeader): void {
  const pending = header.pendingMaster;
  if (!pending) return;
  header.accounts = pending.accounts;
  header.recoveryPublic = pending.recoveryPublic;
  header.recoveryMaster = pending.recoveryMaster;
  header.database = pending.database;
  header.previousMasters = pending.previousMasters;
  delete header.recovery;
  delete header.pendingMaster;
  delete header.pendingDatabase;
}

export function databaseKeyOf(sealed: VaultHeader['database'], master: Buffer): Buffer | null {
  return sealed ? unsealKey(sealed, master, DATABASE_AAD) : Buffer.from(master);
}

// Audit anchors in vault.json carry a MAC keyed from the master key, so that an edit by anyone
// without the keys shows; they are re-keyed when the master key is replaced.
type Anchor = NonNullable<VaultHeader['auditAnchors']>[number];
const MAX_ANCHORS = 200;

export function anchorMacFor(master: Buffer, a: Omit<Anchor, 'mac'>): string {
  const key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'madoguchi:v2:audit-anchor', 32));
  return createHmac('sha256', key)
    .update(JSON.stringify([a.id, a.hash, a.at]))
    .digest('hex');
}

export function addAnchor(header: VaultHeader, master: Buffer, a: Omit<Anchor, 'mac'>): void {
  const last = header.auditAnchors?.at(-1);
  if (last && last.id === a.id && last.hash === a.hash) return;
  const total = header.anchorTotal ?? header.auditAnchors?.length ?? 0;
  header.auditAnchors = [...(header.auditAnchors ?? []), { ...a, mac: anchorMacFor(master, a) }].slice(-MAX_ANCHORS);
  header.anchorTotal = total + 1;
}

export function anchorAuthentic(master: Buffer, a: Anchor): boolean {
  return timingSafeEqual(Buffer.from(anchorMacFor(master, a), 'hex'), Buffer.from(a.mac, 'hex'));
}

export function rekeyAnchors(header: VaultHeader, from: Buffer, to: Buffer): void {
  header.auditAnchors = (header.auditAnchors ?? [])
    .filter((a) => anchorAuthentic(from, a))
    .map((a) => ({ ...a, mac: anchorMacFor(to, a) }));
}
