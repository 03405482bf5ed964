import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { Sealed, Wrap } from './wrap';

// A backup file (.mdgbak): a magic line, the length of a JSON description, the description, then
// the encrypted database as VACUUM INTO wrote it. The description holds counts and key material
// only (a wrap or a sealed key), never personal data. From format 2 the description ends with a
// MAC over its own bytes, keyed from the backup's database key, so that no byte of it can change
// unseen (the database part is covered by the SHA-256 the description holds).

const MAGIC = Buffer.from('MDGBAK01', 'latin1');
const MAX_META = 1 << 20;
const CHUNK = 1 << 20;

export const BackupMeta = z
  .object({
    // 1: written before descriptions were authenticated (read, not written).
    format: z.union([z.literal(1), z.literal(2)]),
    createdAt: z.iso.datetime(),
    appVersion: z.string().max(50),
    schemaVersion: z.number().int().nonnegative(),
    counts: z
      .object({
        requests: z.number().int().nonnegative(),
        open: z.number().int().nonnegative(),
        audit: z.number().int().nonnegative(),
      })
      .strict(),
    // vault: opens with this vault's keys (the database key sealed under the master key, or the
    // master key itself); password: its own key, wrapped under the backup password.
    protection: z.enum(['vault', 'password']),
    database: Sealed.optional(),
    wrap: Wrap.optional(),
    size: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    // The audit chain's head in the copy: an anchor for later verifications of the live log.
    auditHead: z
      .object({ id: z.number().int().nonnegative(), hash: z.string().regex(/^[0-9a-f]{64}$/) })
      .strict()
      .optional(),
    // How many anchors vault.json had recorded when the backup was made: a vault.json with fewer
    // later had some deleted.
    anchorTotal: z.number().int().nonnegative().optional(),
    // Format 2: HMAC-SHA256 of the description's bytes before this field (always written last).
    mac: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  })
  .strict();
export type BackupMeta = z.infer<typeof BackupMeta>;

function macKey(databaseKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', databaseKey, Buffer.alloc(0), 'madoguchi:v2:backup-description', 32));
}

const macOf = (databaseKey: Buffer, bytes: Buffer) => createHmac('sha256', macKey(databaseKey)).update(bytes).digest();

// The description as written: the JSON without the MAC, then the MAC appended as its last member.
function describe(meta: BackupMeta, databaseKey: Buffer): Buffer {
  const rest: BackupMeta = { ...BackupMeta.parse(meta) };
  delete rest.mac;
  const body = Buffer.from(JSON.stringify(rest), 'utf8');
  const mac = macOf(databaseKey, body).toString('hex');
  return Buffer.concat([body.subarray(0, body.length - 1), Buffer.from(`,"mac":"${mac}"}`, 'utf8')]);
}

// Whether the description read from a file is the one written with this key: the MAC over its
// bytes up to the MAC member. A format-1 description has none (legacy): false.
export function descriptionAuthentic(raw: Buffer, databaseKey: Buffer): boolean {
  const text = raw.toString('utf8');
  const m = /,"mac":"([0-9a-f]{64})"\}$/.exec(text);
  if (!m) return false;
  const body = Buffer.concat([raw.subarray(0, raw.length - m[0].length), Buffer.from('}', 'utf8')]);
  return timingSafeEqual(macOf(databaseKey, body), Buffer.from(m[1] ?? '', 'hex'));
}

export class BackupFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupFormatError';
  }
}

// writeSync may write less than asked (a full disk reports ENOSPC only on the next call).
function writeAll(fd: number, buffer: Buffer, length = buffer.length): void {
  let done = 0;
  while (done < length) done += writeSync(fd, buffer, done, length - done);
}

function copyRange(fromPath: string, start: number, to: number, hash?: ReturnType<typeof createHash>): number {
  const from = openSync(fromPath, 'r');
  const buffer = Buffer.alloc(CHUNK);
  let position = start;
  let total = 0;
  try {
    for (;;) {
      const n = readSync(from, buffer, 0, CHUNK, position);
      if (n === 0) break;
      hash?.update(buffer.subarray(0, n));
      writeAll(to, buffer, n);
      position += n;
      total += n;
    }
  } finally {
    closeSync(from);
  }
  return total;
}

export function sha256File(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(CHUNK);
  try {
    for (let pos = 0; ;) {
      const n = readSync(fd, buffer, 0, CHUNK, pos);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
      pos += n;
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

// Writes beside the target, flushes, then renames: a failure leaves no half-written backup.
export function writeBackupFile(target: string, meta: BackupMeta, databaseFile: string, databaseKey: Buffer): void {
  const partial = `${target}.partial`;
  const json = describe(meta, databaseKey);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  try {
    const fd = openSync(partial, 'w', 0o600);
    try {
      writeAll(fd, MAGIC);
      writeAll(fd, length);
      writeAll(fd, json);
      copyRange(databaseFile, 0, fd);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, target);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}

export function readBackupMeta(file: string): { meta: BackupMeta; offset: number; raw: Buffer } {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(MAGIC.length + 4);
    if (readSync(fd, head, 0, head.length, 0) !== head.length || !head.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw new BackupFormatError('not a backup file');
    }
    const length = head.readUInt32BE(MAGIC.length);
    if (length === 0 || length > MAX_META) throw new BackupFormatError('bad description length');
    const json = Buffer.alloc(length);
    if (readSync(fd, json, 0, length, head.length) !== length) throw new BackupFormatError('truncated');
    let parsed: unknown;
    try {
      parsed = JSON.parse(json.toString('utf8'));
    } catch {
      throw new BackupFormatError('bad description');
    }
    const meta = BackupMeta.safeParse(parsed);
    if (!meta.success || (meta.data.format === 2) !== (meta.data.mac !== undefined)) {
      throw new BackupFormatError('bad description');
    }
    return { meta: meta.data, offset: head.length + length, raw: json };
  } finally {
    closeSync(fd);
  }
}

// Copies the database out of a backup file and checks its size and digest.
export function extractDatabase(file: string, offset: number, meta: BackupMeta, out: string): void {
  rmSync(out, { force: true });
  const hash = createHash('sha256');
  const fd = openSync(out, 'w', 0o600);
  let size: number;
  try {
    size = copyRange(file, offset, fd, hash);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (size !== meta.size || hash.digest('hex') !== meta.sha256) {
    rmSync(out, { force: true });
    throw new BackupFormatError('database digest mismatch');
  }
}

export function removeDatabaseFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    if (existsSync(f)) rmSync(f, { force: true });
  }
}
