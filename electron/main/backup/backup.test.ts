import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorCode, listFilter } from '../../../core/contract';
import { openEncrypted, WrongKeyError } from '../db/connection';
import { databasePath } from '../paths';
import { readHeader } from '../vault/header';
import { databaseKeyOf, openEntry } from '../vault/keyring';
import {
  ADMIN_PASSWORD,
  call,
  failure,
  intakeInput,
  logicalDump,
  makeServices,
  OTHER_PASSWORD,
  setupVault,
  switchTo,
  switchToNewAccount,
  tempDataDir,
} from '../testing/support';
import { fileErrorMessage } from '../errors';
import type { Services } from '../composition';

// A vault whose save/open dialogs point at files the test names.
function rig(opts: { now?: () => Date } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-backups-'));
  let save: string | null = null;
  let open: string | null = null;
  const dataDir = tempDataDir();
  const s = makeServices(dataDir, {
    clock: opts.now ?? (() => new Date()),
    dialogs: {
      openFile: () => Promise.resolve(open),
      saveFile: (o) => Promise.resolve(save ?? join(dir, o.defaultName)),
    },
  });
  return {
    s,
    dir,
    dataDir,
    saveTo: (p: string | null) => {
      save = p;
    },
    openFrom: (p: string | null) => {
      open = p;
    },
  };
}

const auditCount = (s: Services) =>
  s.vault.connection().prepare('SELECT count(*) FROM audit_log').pluck().get() as number;

async function backupTo(r: ReturnType<typeof rig>, name: string, password: string | null = null) {
  r.saveTo(join(r.dir, name));
  const out = await call(r.s, 'backup.create', { password });
  expect(out.saved).toBe(true);
  return join(r.dir, name);
}

describe('backup and restore', () => {
  it('round-trips: the restored database has the logical dump the backup was taken from', async () => {
    const r = rig();
    await setupVault(r.s);
    await call(r.s, 'intake.create', intakeInput({ arrivalDate: '2026-10-01' }));
    // The key set record follows the anchors, like audit_head: compared apart from the data.
    const before = logicalDump(r.s.vault.connection(), { auditUpTo: Number.MAX_SAFE_INTEGER });
    const beforeAudit = auditCount(r.s);
    const file = await backupTo(r, 'one.mdgbak');
    // The file holds no personal data in clear.
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from('山田', 'utf8'))).toBe(false);
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('MDGBAK01');

    // Work goes on after the backup, then the backup is restored.
    await call(r.s, 'intake.create', intakeInput({ arrivalDate: '2026-10-02' }));
    r.openFrom(file);
    expect(await call(r.s, 'backup.choose', {})).toMatchObject({ protection: 'vault' });
    const info = await call(r.s, 'backup.inspect', { password: null });
    expect(info).toMatchObject({ check: 'ok', counts: { requests: 1, open: 1 } });
    const restored = await call(r.s, 'backup.restore', { password: null });
    expect(restored.counts.requests).toBe(1);
    // The vault locks after a restore; the administrator logs in again.
    expect(r.s.vault.state()).toBe('locked');
    await call(r.s, 'session.login', { loginName: 'admin', password: ADMIN_PASSWORD });
    const db = r.s.vault.connection();
    expect(logicalDump(db, { auditUpTo: beforeAudit })).toBe(
      JSON.stringify({ ...JSON.parse(before), audit_head: undefined }),
    );
    const later = db.prepare('SELECT action FROM audit_log WHERE id > ? ORDER BY id').pluck().all(beforeAudit);
    expect(later).toEqual(['vault.restore', 'session.lock', 'session.login']);
    // The data before the restore was kept as a verified backup of its own.
    const safety = readdirSync(join(r.dataDir, 'backups')).filter((f) => f.startsWith('pre-restore-'));
    expect(safety).toHaveLength(1);
    // No work files are left in the data folder.
    expect(readdirSync(r.dataDir).filter((f) => f.includes('partial'))).toEqual([]);
    await r.s.close();
  });

  it('protects a backup with its own password, refuses a wrong one, and restores under the vault key', async () => {
    const r = rig();
    await setupVault(r.s);
    await call(r.s, 'intake.create', intakeInput({ arrivalDate: '2026-10-01' }));
    const weak = await failure(call(r.s, 'backup.create', { password: 'short' }));
    expect(weak.code).toBe(ErrorCode.BAD_INPUT);
    const file = await backupTo(r, 'pw.mdgbak', 'backup staple battery');
    r.openFrom(file);
    expect(await call(r.s, 'backup.choose', {})).toMatchObject({ protection: 'password' });
    expect((await failure(call(r.s, 'backup.inspect', { password: null }))).code).toBe(ErrorCode.BAD_INPUT);
    const wrong = await failure(call(r.s, 'backup.inspect', { password: 'not the backup password' }));
    expect(wrong.code).toBe(ErrorCode.AUTH_FAILED);
    expect(wrong.message).toBe('バックアップのパスワードが正しくありません。');
    expect((await failure(call(r.s, 'backup.restore', { password: 'nope nope nope' }))).code).toBe(
      ErrorCode.AUTH_FAILED,
    );
    expect(r.s.vault.state()).toBe('unlocked');
    expect(await call(r.s, 'backup.inspect', { password: 'backup staple battery' })).toMatchObject({
      check: 'ok',
      protection: 'password',
    });
    await call(r.s, 'backup.restore', { password: 'backup staple battery' });
    await call(r.s, 'session.login', { loginName: 'admin', password: ADMIN_PASSWORD });
    expect((await call(r.s, 'requests.list', listFilter())).rows).toHaveLength(1);
    await r.s.close();
  });

  it('refuses a corrupted backup, a file that is not a backup and another vault’s backup, changing nothing', async () => {
    const r = rig();
    await setupVault(r.s);
    await call(r.s, 'intake.create', intakeInput({ arrivalDate: '2026-10-01' }));
    const file = await backupTo(r, 'good.mdgbak');
    const before = logicalDump(r.s.vault.connection());

    const corrupt = join(r.dir, 'corrupt.mdgbak');
    const bytes = readFileSync(file);
    bytes[bytes.length - 5000] = (bytes[bytes.length - 5000] ?? 0) ^ 0xff;
    writeFileSync(corrupt, bytes);
    r.openFrom(corrupt);
    await call(r.s, 'backup.choose', {});
    const broken = await failure(call(r.s, 'backup.restore', { password: null }));
    expect(broken.code).toBe(ErrorCode.BAD_INPUT);
    expect(broken.message).toContain('バックアップが壊れています');

    const text = join(r.dir, 'notes.mdgbak');
    writeFileSync(text, 'これはバックアップではありません');
    r.openFrom(text);
    const notBackup = await failure(call(r.s, 'backup.choose', {}));
    expect(notBackup.message).toBe('選んだファイルは Madoguchi のバックアップではないか、壊れています。');

    const other = rig();
    await setupVault(other.s);
    const foreign = await backupTo(other, 'foreign.mdgbak');
    await other.s.close();
    r.openFrom(foreign);
    await call(r.s, 'backup.choose', {});
    const otherVault = await failure(call(r.s, 'backup.restore', { password: null }));
    expect(otherVault.message).toContain('別の保管庫');

    expect(r.s.vault.state()).toBe('unlocked');
    const now = logicalDump(r.s.vault.connection());
    // Only audit entries of the attempts may differ (none are written for refusals).
    expect(now).toBe(before);
    expect(existsSync(join(r.dataDir, 'backups'))).toBe(false);
    await r.s.close();
  });

  it('refuses a backup in which any single byte of the head or the description was changed', async () => {
    const r = rig();
    await setupVault(r.s);
    await call(r.s, 'intake.create', intakeInput({ arrivalDate: '2026-10-01' }));
    const file = await backupTo(r, 'signed.mdgbak');
    const bytes = readFileSync(file);
    const length = bytes.readUInt32BE(8);
    const tampered = join(r.dir, 'tampered.mdgbak');
    let accepted = 0;
    // Every byte of the magic, the length and the JSON description, changed once.
    for (let at = 0; at < 12 + length; at++) {
      const copy = Buffer.from(bytes);
      copy[at] = (copy[at] ?? 0) ^ (at % 2 ? 0x01 : 0x04);
      writeFileSync(tampered, copy);
      r.openFrom(tampered);
      const chosen = await call(r.s, 'backup.choose', {}).catch(() => null);
      if (!chosen) continue;
      const inspected = await call(r.s, 'backup.inspect', { password: null }).catch(() => null);
      if (inspected?.check === 'ok') accepted++;
    }
    expect(length).toBeGreaterThan(200);
    expect(accepted).toBe(0);
    // The untouched file still inspects as good.
    r.openFrom(file);
    await call(r.s, 'backup.choose', {});
    expect(await call(r.s, 'backup.inspect', { password: null })).toMatchObject({ check: 'ok' });
    await r.s.close();
  });

  it('restores a password backup from another PC without locking anyone out: named first, the restorer keeps their login', async () => {
    // The other PC: its own administrator 'admin' and a colleague, and one request.
    const other = rig();
    await setupVault(other.s, '別PC 管理者');
    await call(other.s, 'accounts.create', {
      loginName: 'yamada',
      displayName: '山田 担当',
      roles: ['staff'],
      temporaryPassword: 'temporary password 1',
    });
    await call(other.s, 'intake.create', intakeInput({ arrivalDate: '2026-10-01' }));
    const file = await backupTo(other, 'other-pc.mdgbak', 'backup staple battery');
    await other.s.close();

    // This PC: an administrator also called 'admin', and a colleague.
    const r = rig();
    await setupVault(r.s);
    await switchToNewAccount(r.s, 'tanaka', ['staff']);
    await switchTo(r.s, 'admin', ADMIN_PASSWORD);
    r.openFrom(file);
    await call(r.s, 'backup.choose', {});
    const inspected = await call(r.s, 'backup.inspect', { password: 'backup staple battery' });
    expect(inspected.otherVault?.accounts.map((a) => a.loginName).sort()).toEqual(['admin', 'yamada']);
    const restored = await call(r.s, 'backup.restore', { password: 'backup staple battery' });
    expect(restored.otherVault?.accounts).toHaveLength(2);
    expect(r.s.vault.state()).toBe('locked');

    // The administrator who restored logs in with their own password and sees the backup's data.
    await call(r.s, 'session.login', { loginName: 'admin', password: ADMIN_PASSWORD });
    expect((await call(r.s, 'requests.list', listFilter())).rows).toHaveLength(1);
    const accounts = await call(r.s, 'accounts.list', {});
    expect(accounts.map((a) => a.loginName).sort()).toEqual(['admin', 'admin-2', 'yamada']);
    // The backup's colleague gets a temporary password and can log in.
    const yamada = accounts.find((a) => a.loginName === 'yamada');
    await call(r.s, 'accounts.resetPassword', { id: yamada?.id ?? '', temporaryPassword: 'temporary password 2' });
    await switchTo(r.s, 'yamada', 'temporary password 2');
    expect(r.s.vault.session()?.loginName).toBe('yamada');
    // The key set agrees with the restored data (which came with the other PC's record and keys):
    // keys can be replaced, and only the backup's administrator, with no password here, is left out.
    await switchTo(r.s, 'admin', ADMIN_PASSWORD);
    expect((await call(r.s, 'audit.list', { action: 'vault.keyset_mismatch', limit: 5, offset: 0 })).total).toBe(0);
    const rotated = await call(r.s, 'backup.rotateKey', {});
    expect(rotated.keys.accountsNeedingPassword).toBe(1);
    await switchTo(r.s, 'yamada', 'temporary password 2');
    // This PC's colleague, whom the restored data does not know, cannot log in to it.
    await r.s.vault.lock('logout');
    const gone = await failure(call(r.s, 'session.login', { loginName: 'tanaka', password: OTHER_PASSWORD }));
    expect(gone.code).toBe(ErrorCode.AUTH_FAILED);
    await r.s.close();
  });

  it('reminds when the last backup is older than the policy', async () => {
    let now = new Date('2026-11-01T01:00:00Z');
    const r = rig({ now: () => now });
    await setupVault(r.s);
    expect(await call(r.s, 'backup.status', {})).toMatchObject({ lastBackupAt: null, due: true });
    await backupTo(r, 'b.mdgbak');
    expect(await call(r.s, 'backup.status', {})).toMatchObject({ due: false, settings: { reminderDays: 7 } });
    now = new Date('2026-11-08T01:00:00Z');
    expect((await call(r.s, 'backup.status', {})).due).toBe(true);
    await call(r.s, 'backup.updateSettings', { reminderDays: 14 });
    expect((await call(r.s, 'backup.status', {})).due).toBe(false);
    const bad = await failure(call(r.s, 'backup.updateSettings', { reminderDays: 0 }));
    expect(bad.code).toBe(ErrorCode.BAD_INPUT);
    await r.s.close();
  });
});

describe('hostile environment', () => {
  const mounts: string[] = [];
  afterAll(() => {
    for (const m of mounts) execFileSync('umount', [m]);
  });

  // A small or read-only tmpfs where the machine allows mounting one (root); otherwise a folder
  // under a regular file, which fails the same code path.
  function tinyFolder(options: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-tiny-'));
    try {
      if (process.env['MADOGUCHI_TEST_NO_MOUNT']) throw new Error('mounting disabled');
      execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
      mounts.push(dir);
      return dir;
    } catch {
      writeFileSync(join(dir, 'file'), '');
      return join(dir, 'file');
    }
  }

  it('maps disk full, read-only and missing folders to clear messages', () => {
    const err = (code: string) => Object.assign(new Error(code), { code });
    expect(fileErrorMessage(err('ENOSPC'), 'バックアップ')?.message).toContain('空き容量がありません');
    expect(fileErrorMessage(err('EROFS'), 'バックアップ')?.message).toContain('書き込めません');
    expect(fileErrorMessage(err('EACCES'), 'バックアップ')?.message).toContain('書き込めません');
    expect(fileErrorMessage(err('ENOENT'), 'バックアップ')?.message).toContain('見つかりません');
    expect(fileErrorMessage(new Error('other'), 'バックアップ')).toBeNull();
  });

  it('a backup to a full or read-only folder fails with a Japanese message and leaves nothing behind', async () => {
    const r = rig();
    await setupVault(r.s);
    for (let i = 0; i < 5; i++) await call(r.s, 'intake.create', intakeInput({ arrivalDate: '2026-10-01' }));
    const before = logicalDump(r.s.vault.connection());
    for (const options of ['size=16k', 'ro,size=1m']) {
      const folder = tinyFolder(options);
      r.saveTo(join(folder, 'x.mdgbak'));
      const e = await failure(call(r.s, 'backup.create', { password: null }));
      expect(e.code, e.message).toBe(ErrorCode.UNAVAILABLE);
      expect(e.message).toMatch(/空き容量がありません|書き込めません|見つかりません/);
      expect(e.message).toContain('何も変更していません');
      if (existsSync(folder) && !folder.endsWith('file')) expect(readdirSync(folder)).toEqual([]);
    }
    expect(readdirSync(r.dataDir).filter((f) => f.includes('partial'))).toEqual([]);
    expect(logicalDump(r.s.vault.connection())).toBe(before);
    expect((await call(r.s, 'backup.status', {})).lastBackupAt).toBeNull();
    await r.s.close();
  });
});

describe('a full or read-only data folder', () => {
  // The data folder on a small tmpfs where the machine allows mounting one; otherwise the same
  // SQLite errors are injected (a page limit for a full disk, query_only for a read-only folder).
  function dataFolder(): { dir: string; mounted: boolean } {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-tinydata-'));
    try {
      if (process.env['MADOGUCHI_TEST_NO_MOUNT']) throw new Error('mounting disabled');
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', dir], { stdio: 'ignore' });
      return { dir, mounted: true };
    } catch {
      return { dir, mounted: false };
    }
  }

  it('refuses a write with a clear message, keeps the database whole and the failed write absent', async () => {
    const { dir, mounted } = dataFolder();
    const big = join(mkdtempSync(join(tmpdir(), 'madoguchi-big-')), 'scan.pdf');
    writeFileSync(big, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4 * 1024 * 1024, 0x41)]));
    const files = [big];
    const s = makeServices(join(dir, 'data'), {
      dialogs: { openFile: () => Promise.resolve(files.shift() ?? null), saveFile: () => Promise.resolve(null) },
    });
    try {
      await setupVault(s);
      const r = await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-01' }));
      const db = s.vault.connection();
      if (!mounted) db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 50}`);
      const full = await failure(call(s, 'enclosures.add', { requestId: r.id, type: 'identity' }));
      expect(full.code).toBe(ErrorCode.UNAVAILABLE);
      expect(full.message).toContain('ディスクの空き容量が足りないため保存できませんでした。何も保存されていません');
      expect((await call(s, 'requests.get', { id: r.id })).enclosures).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

      // The folder turns read-only while the app is open (injected: SQLite's query_only) …
      db.pragma('query_only = ON');
      const readOnly = await failure(call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-02' })));
      expect(readOnly.code).toBe(ErrorCode.UNAVAILABLE);
      expect(readOnly.message).toContain('データフォルダーに書き込めないため保存できませんでした');
      db.pragma('query_only = OFF');
      expect((await call(s, 'requests.list', listFilter({ statuses: [] }))).total).toBe(1);
      // … or is read-only when the app starts (a real read-only mount where the machine allows).
      if (mounted) {
        await s.vault.lock('logout');
        execFileSync('mount', ['-o', 'remount,ro', dir]);
        const login = await failure(call(s, 'session.login', { loginName: 'admin', password: ADMIN_PASSWORD }));
        expect(login.code).toBe(ErrorCode.UNAVAILABLE);
        expect(login.message).toMatch(/書き込めない|書き込めません/);
      }
    } finally {
      await s.vault.close();
      if (mounted) execFileSync('umount', ['-l', dir]);
    }
  });
});

// A rotation, then the header as a crash right after PRAGMA rekey would leave it: the old keys,
// with the new master key's boxes and database key pending.
async function rotateThenCut(r: ReturnType<typeof rig>) {
  await call(r.s, 'intake.create', intakeInput({ arrivalDate: '2026-10-01' }));
  const before = readHeader(r.dataDir);
  await call(r.s, 'backup.rotateKey', {});
  await r.s.vault.lock('logout');
  const after = readHeader(r.dataDir);
  if (!before || !after?.recoveryPublic || !after.recoveryMaster || !after.database) throw new Error('no header');
  const pendingMaster = {
    accounts: after.accounts,
    recoveryPublic: after.recoveryPublic,
    recoveryMaster: after.recoveryMaster,
    database: after.database,
    previousMasters: after.previousMasters ?? [],
  };
  return { before, after, pendingMaster };
}

describe('database key rotation', () => {
  it('backs up first; afterwards the old key no longer opens the database, every account and the recovery key still do', async () => {
    const r = rig();
    const { recoveryKey } = await setupVault(r.s);
    await switchToNewAccount(r.s, 'tanto', ['staff']);
    await switchTo(r.s, 'admin', ADMIN_PASSWORD);
    await call(r.s, 'intake.create', intakeInput({ arrivalDate: '2026-10-01' }));
    const header = readHeader(r.dataDir);
    const adminEntry = Object.values(header?.accounts ?? {}).find(
      (a) => a.accountId === r.s.vault.session()?.accountId,
    );
    const opened = adminEntry ? await openEntry(adminEntry, ADMIN_PASSWORD) : null;
    const oldKey = opened ? databaseKeyOf(header?.database, opened.master) : null;
    expect(oldKey).not.toBeNull();
    const before = logicalDump(r.s.vault.connection(), { auditUpTo: Number.MAX_SAFE_INTEGER });
    const auditBefore = auditCount(r.s);

    const { safetyCopy, keys } = await call(r.s, 'backup.rotateKey', {});
    expect(keys).toEqual({ newRecoveryKey: null, accountsNeedingPassword: 0 });
    expect(existsSync(join(r.dataDir, 'backups', safetyCopy))).toBe(true);
    // The old master key opens nothing the new header names.
    expect(databaseKeyOf(readHeader(r.dataDir)?.database, opened?.master ?? Buffer.alloc(32))).toBeNull();
    expect(logicalDump(r.s.vault.connection(), { auditUpTo: auditBefore })).toBe(
      JSON.stringify({ ...JSON.parse(before), audit_head: undefined }),
    );
    await r.s.vault.lock('logout');
    expect(() => openEncrypted(databasePath(r.dataDir), oldKey ?? Buffer.alloc(32), { create: false })).toThrow(
      WrongKeyError,
    );
    await call(r.s, 'session.login', { loginName: 'tanto', password: OTHER_PASSWORD });
    await switchTo(r.s, 'admin', ADMIN_PASSWORD);
    await r.s.vault.lock('logout');
    await call(r.s, 'session.recover', { recoveryKey, loginName: 'admin', newPassword: 'a brand new passphrase' });
    const actions = r.s.vault
      .connection()
      .prepare('SELECT action FROM audit_log WHERE id > ? ORDER BY id')
      .pluck()
      .all(auditBefore);
    expect(actions.slice(0, 2)).toEqual(['vault.backup', 'vault.rekey']);
    // The backup taken before the rotation still restores (it opens under the old key).
    r.openFrom(join(r.dataDir, 'backups', safetyCopy));
    await call(r.s, 'backup.choose', {});
    expect(await call(r.s, 'backup.inspect', { password: null })).toMatchObject({ check: 'ok' });
    await r.s.close();
  });

  it('removes leftover work files and safety copies older than 30 days at start', () => {
    const dataDir = tempDataDir();
    const dir = join(dataDir, 'backups');
    mkdirSync(dir, { recursive: true });
    const old = Date.now() / 1000 - 40 * 86_400;
    for (const f of ['pre-restore-20260101-000000-000.mdgbak', 'pre-migration-v5-20260101.db']) {
      writeFileSync(join(dir, f), 'x');
      utimesSync(join(dir, f), old, old);
    }
    writeFileSync(join(dir, 'pre-rekey-20261120-000000-000.mdgbak'), 'recent');
    writeFileSync(join(dir, 'keep-me.mdgbak'), 'not a safety copy');
    utimesSync(join(dir, 'keep-me.mdgbak'), old, old);
    writeFileSync(join(dataDir, 'restore.partial.db'), 'left by a crash');
    writeFileSync(join(dir, 'pre-rekey-20261121-000000-000.mdgbak.partial'), 'left by a crash');
    const s = makeServices(dataDir);
    expect(readdirSync(dataDir).filter((f) => f.includes('partial'))).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['keep-me.mdgbak', 'pre-rekey-20261120-000000-000.mdgbak']);
    void s.close();
  });

  it('keeps safety copies as long as the policy says, refusing a period out of range', async () => {
    const r = rig();
    await setupVault(r.s);
    const dir = join(r.dataDir, 'backups');
    mkdirSync(dir, { recursive: true });
    const fifteenDays = Date.now() / 1000 - 15 * 86_400;
    writeFileSync(join(dir, 'pre-restore-20261101-000000-000.mdgbak'), 'x');
    utimesSync(join(dir, 'pre-restore-20261101-000000-000.mdgbak'), fifteenDays, fifteenDays);
    for (const bad of [0, 366, 1.5]) {
      const refused = await failure(call(r.s, 'backup.updateSettings', { reminderDays: 7, safetyCopyDays: bad }));
      expect(refused.code).toBe(ErrorCode.BAD_INPUT);
      expect(refused.issues?.[0]?.message).toMatch(/安全のための控えを残す日数は/);
    }
    expect(readdirSync(dir)).toHaveLength(1);
    await call(r.s, 'backup.updateSettings', { reminderDays: 7, safetyCopyDays: 10 });
    expect(readdirSync(dir)).toEqual([]);
    expect((await call(r.s, 'backup.status', {})).settings).toEqual({ reminderDays: 7, safetyCopyDays: 10 });
    await r.s.close();
  });

  it('keeps the newest five safety copies of each kind', async () => {
    const r = rig({ now: () => new Date('2026-11-22T01:00:00Z') });
    await setupVault(r.s);
    for (let i = 0; i < 7; i++) await call(r.s, 'backup.rotateKey', {});
    const copies = readdirSync(join(r.dataDir, 'backups')).sort();
    expect(copies).toEqual([2, 3, 4, 5, 6].map((n) => `pre-rekey-20261122-010000-00${n}.mdgbak`));
    await r.s.close();
  });

  it('finishes a rotation cut short between the rekey and the header', async () => {
    const r = rig();
    await setupVault(r.s);
    const { before, after, pendingMaster } = await rotateThenCut(r);
    const cut = { ...before, pendingMaster };
    writeFileSync(join(r.dataDir, 'vault.json'), JSON.stringify(cut));
    await call(r.s, 'session.login', { loginName: 'admin', password: ADMIN_PASSWORD });
    expect((await call(r.s, 'requests.list', listFilter())).rows).toHaveLength(1);
    expect(readHeader(r.dataDir)).toMatchObject({ database: after.database, recoveryMaster: after.recoveryMaster });
    expect(readHeader(r.dataDir)?.pendingMaster).toBeUndefined();
    await r.s.close();
  });

  it('finishes a cut-short rotation through the recovery key too, and forgets one whose rekey never ran', async () => {
    const r = rig();
    const { recoveryKey } = await setupVault(r.s);
    const { before, pendingMaster } = await rotateThenCut(r);
    writeFileSync(join(r.dataDir, 'vault.json'), JSON.stringify({ ...before, pendingMaster }));
    await call(r.s, 'session.recover', { recoveryKey, loginName: 'admin', newPassword: 'a brand new passphrase' });
    expect((await call(r.s, 'requests.list', listFilter())).rows).toHaveLength(1);
    expect(readHeader(r.dataDir)?.pendingMaster).toBeUndefined();
    // A replacement prepared but never applied (the rekey did not run) is forgotten.
    await r.s.vault.lock('logout');
    const current = readHeader(r.dataDir);
    writeFileSync(
      join(r.dataDir, 'vault.json'),
      JSON.stringify({
        ...current,
        pendingMaster,
      }),
    );
    await call(r.s, 'session.login', { loginName: 'admin', password: 'a brand new passphrase' });
    expect(readHeader(r.dataDir)?.pendingMaster).toBeUndefined();
    expect((await call(r.s, 'requests.list', listFilter())).rows).toHaveLength(1);
    await r.s.close();
  });
});
