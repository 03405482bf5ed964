import { createHmac, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { KdfParams } from './kdf';
import { Box, Sealed, Wrap } from './wrap';

// vault.json: what must be readable before the database is open. It holds no personal data:
// accounts are found by an HMAC of the login name, wraps are ciphertext, and the throttle and
// pending-audit records carry only those HMACs and random account ids.
export const HEADER_FILE = 'vault.json';

const Throttle = z
  .object({ failures: z.number().int().nonnegative(), lockedUntil: z.iso.datetime().nullable() })
  .strict();

const PendingAudit = z
  .object({
    at: z.iso.datetime(),
    action: z.enum(['session.login_failed', 'session.login_throttled']),
    accountId: z.string().nullable(),
  })
  .strict();
export type PendingAudit = z.infer<typeof PendingAudit>;

// An account's way in. First format: `wrap` holds the master key under the password. Since key
// pairs: `wrap` holds the account's X25519 private key under the password, and `master` is the
// master key boxed to its public key, so that the master key can be replaced for every remaining
// account (when one is disabled) without anyone's password.
export const AccountEntry = z
  .object({ accountId: z.string(), wrap: Wrap, publicKey: z.base64().optional(), master: Box.optional() })
  .strict();
export type AccountEntry = z.infer<typeof AccountEntry>;

// A master key replacement under way: the next entries, recovery box and database key, written
// before the database is rekeyed; promoted after it (or at the next login, after a crash).
const PendingMaster = z
  .object({
    accounts: z.record(z.string(), AccountEntry),
    recoveryPublic: z.base64(),
    recoveryMaster: Box,
    database: Sealed,
    previousMasters: z.array(Sealed).max(50),
  })
  .strict();

export const VaultHeader = z
  .object({
    format: z.literal(1),
    lookupSalt: z.base64(),
    // The KDF cost calibrated on this PC at setup, used for every new wrap.
    kdfCost: KdfParams.omit({ salt: true }),
    accounts: z.record(z.string(), AccountEntry),
    // First format: the master key wrapped under the recovery key. Since key pairs: the master
    // key boxed to the public key derived from the recovery key.
    recovery: Wrap.optional(),
    recoveryPublic: z.base64().optional(),
    recoveryMaster: Box.optional(),
    // The wraps protect the master key. The database key is the master key itself until the
    // first key rotation; from then on it is sealed here under the master key. During a rotation
    // the next key is written here first, so a crash mid-rekey leaves a key that opens the file.
    database: Sealed.optional(),
    pendingDatabase: Sealed.optional(),
    pendingMaster: PendingMaster.optional(),
    // Earlier master keys, sealed under the current one: backups made under them (protected by
    // this vault's keys) still open for whoever is logged in; a disabled account's old copy of
    // vault.json opens none of them, since they are sealed under a master key it never had.
    previousMasters: z.array(Sealed).max(50).optional(),
    // The audit chain's head (position and hash) at each lock and backup, newest last, with a MAC
    // keyed from the master key: a rewrite of the log inside the database shows against them.
    auditAnchors: z
      .array(
        z
          .object({
            id: z.number().int().nonnegative(),
            hash: z.string().regex(/^[0-9a-f]{64}$/),
            at: z.iso.datetime(),
            mac: z.string().regex(/^[0-9a-f]{64}$/),
          })
          .strict(),
      )
      .max(200)
      .optional(),
    // How many anchors were ever recorded (the list keeps the newest 200): fewer anchors than this,
    // or none, means some were deleted.
    anchorTotal: z.number().int().nonnegative().optional(),
    // HMAC of everything above and the pending replacement, keyed from the master key (keyset.ts).
    keysetMac: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
    throttle: z.record(z.string(), Throttle),
    pendingAudit: z.array(PendingAudit),
  })
  .strict();
export type VaultHeader = z.infer<typeof VaultHeader>;

export function headerPath(dataDir: string): string {
  return join(dataDir, HEADER_FILE);
}

export function newLookupSalt(): string {
  return randomBytes(32).toString('base64');
}

// Login names compare case-insensitively and across full/half width (NFKC).
export function normaliseLoginName(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase();
}

export function lookupId(header: Pick<VaultHeader, 'lookupSalt'>, loginName: string): string {
  return createHmac('sha256', Buffer.from(header.lookupSalt, 'base64'))
    .update(normaliseLoginName(loginName), 'utf8')
    .digest('base64url');
}

export class HeaderCorruptError extends Error {
  constructor() {
    super('vault.json is unreadable.');
    this.name = 'HeaderCorruptError';
  }
}

export function readHeader(dataDir: string): VaultHeader | null {
  const file = headerPath(dataDir);
  if (!existsSync(file)) return null;
  try {
    return VaultHeader.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    throw new HeaderCorruptError();
  }
}

// Write beside, flush, then rename over: a crash leaves either the old or the new header.
export function writeHeader(dataDir: string, header: VaultHeader): void {
  const file = headerPath(dataDir);
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify(VaultHeader.parse(header), null, 2), { mode: 0o600 });
  const fd = openSync(temp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}
