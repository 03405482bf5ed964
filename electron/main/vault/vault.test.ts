import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCode, listFilter } from '../../../core/contract';
import { openEncrypted } from '../db/connection';
import { databasePath } from '../paths';
import { readHeader } from './header';
import { AppError } from '../errors';
import { ADMIN_PASSWORD, call, intakeInput, makeServices, setupVault, tempDataDir } from '../testing/support';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

describe('vault', () => {
  it('leaves no personal data in clear anywhere under the data folder', async () => {
    const dataDir = tempDataDir();
    const services = makeServices(dataDir, { fileLog: true });
    await setupVault(services, '山田太郎');
    await call(services, 'accounts.create', {
      loginName: 'yamada',
      displayName: 'ヤマダタロウ',
      roles: ['staff'],
      temporaryPassword: 'temporary passphrase',
    });
    const { organisation } = await call(services, 'settings.get', {});
    await call(services, 'settings.updateOrganisation', { ...organisation, officerName: '山田太郎' });

    const scan = () => {
      const all = files(dataDir);
      expect(all.some((f) => f.endsWith('madoguchi.db'))).toBe(true);
      for (const name of ['山田太郎', 'ヤマダタロウ']) {
        const needles = [
          Buffer.from(name, 'utf8'),
          Buffer.from(name, 'utf16le'),
          Buffer.from(name, 'utf16le').swap16(),
        ];
        for (const file of all) {
          const bytes = readFileSync(file);
          for (const needle of needles) expect(bytes.includes(needle), `${name} in ${file}`).toBe(false);
        }
      }
      return all;
    };
    // While open (the WAL holds the recent writes) and after everything is closed.
    expect(scan().some((f) => f.endsWith('-wal'))).toBe(true);
    await services.vault.lock('manual');
    await services.close();
    expect(scan().some((f) => f.includes('logs'))).toBe(true);
    const head = readFileSync(databasePath(dataDir)).subarray(0, 16).toString('latin1');
    expect(head.startsWith('SQLite format 3')).toBe(false);
  });

  it('refuses a wrong password clearly, opens nothing, throttles the sixth attempt across a restart', async () => {
    const dataDir = tempDataDir();
    let now = new Date('2026-11-22T09:00:00Z');
    const clock = () => now;
    const first = makeServices(dataDir, { clock });
    await setupVault(first);
    await first.vault.lock('logout');
    for (let i = 1; i <= 5; i++) {
      const err = await rejection(first.vault.login('admin', `wrong password ${i}`));
      expect(err.code).toBe(ErrorCode.AUTH_FAILED);
      expect(err.message).toBe('ログイン名またはパスワードが正しくありません。');
      expect(first.vault.state()).toBe('locked');
      expect(() => first.vault.connection()).toThrow(AppError);
    }
    const sixth = await rejection(first.vault.login('admin', ADMIN_PASSWORD));
    expect(sixth.code).toBe(ErrorCode.THROTTLED);
    expect(sixth.message).toMatch(/30秒後/);
    await first.close();

    const restarted = makeServices(dataDir, { clock });
    const again = await rejection(restarted.vault.login('admin', ADMIN_PASSWORD));
    expect(again.code).toBe(ErrorCode.THROTTLED);
    now = new Date(now.getTime() + 31_000);
    const session = await restarted.vault.login('admin', ADMIN_PASSWORD);
    expect(session.loginName).toBe('admin');
    await restarted.close();
  });

  it('answers an unknown account exactly like a wrong password, and throttles it the same', async () => {
    const dataDir = tempDataDir();
    const services = makeServices(dataDir);
    await setupVault(services);
    await services.vault.lock('logout');
    const unknown = await rejection(services.vault.login('nobody', 'whatever password'));
    const wrong = await rejection(services.vault.login('admin', 'whatever password'));
    expect(unknown.code).toBe(wrong.code);
    expect(unknown.message).toBe(wrong.message);
    for (let i = 0; i < 4; i++) await rejection(services.vault.login('nobody', 'x'));
    expect((await rejection(services.vault.login('nobody', 'x'))).code).toBe(ErrorCode.THROTTLED);
    await services.close();
  });

  it('opens with a changed password and with the recovery key, and no longer with the old password', async () => {
    const dataDir = tempDataDir();
    const services = makeServices(dataDir);
    const { recoveryKey } = await setupVault(services);
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
    const newPassword = 'a brand new passphrase';
    await services.vault.changePassword(ADMIN_PASSWORD, newPassword);
    await services.vault.lock('logout');

    expect((await rejection(services.vault.login('admin', ADMIN_PASSWORD))).code).toBe(ErrorCode.AUTH_FAILED);
    const s1 = await services.vault.login('admin', newPassword);
    const id1 = services.vault.connection().pragma('user_version', { simple: true });
    await services.vault.lock('logout');

    const recovered = 'recovered passphrase!';
    const s2 = await services.vault.recover(recoveryKey.toLowerCase(), 'admin', recovered);
    expect(s2.accountId).toBe(s1.accountId);
    expect(services.vault.connection().pragma('user_version', { simple: true })).toBe(id1);
    await services.vault.lock('logout');
    expect((await rejection(services.vault.login('admin', newPassword))).code).toBe(ErrorCode.AUTH_FAILED);
    await services.vault.login('admin', recovered);
    await services.close();
  });

  it('refuses a wrong recovery key and a non-administrator', async () => {
    const dataDir = tempDataDir();
    const services = makeServices(dataDir);
    const { recoveryKey } = await setupVault(services);
    await call(services, 'accounts.create', {
      loginName: 'staff1',
      displayName: '担当 一郎',
      roles: ['staff'],
      temporaryPassword: 'temporary passphrase',
    });
    await services.vault.lock('logout');
    const wrongKey = recoveryKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await rejection(services.vault.recover(wrongKey, 'admin', 'another passphrase'))).code).toBe(
      ErrorCode.AUTH_FAILED,
    );
    expect((await rejection(services.vault.recover(recoveryKey, 'staff1', 'another passphrase'))).code).toBe(
      ErrorCode.BAD_INPUT,
    );
    expect(services.vault.state()).toBe('locked');
    await services.close();
  });

  it('refuses a weak password with the policy message', async () => {
    const services = makeServices(tempDataDir());
    await setupVault(services);
    const err = await rejection(services.vault.changePassword(ADMIN_PASSWORD, 'password1234'));
    expect(err.code).toBe(ErrorCode.BAD_INPUT);
    expect(err.issues?.[0]?.path).toEqual(['newPassword']);
    expect(err.message).toMatch(/よく使われている/);
    await services.close();
  });

  it('refuses a database from a newer app version and leaves it byte-identical', async () => {
    const dataDir = tempDataDir();
    const services = makeServices(dataDir);
    await setupVault(services);
    // Simulate a newer app: raise user_version with the raw key read back from the open vault.
    const db = services.vault.connection();
    db.pragma('user_version = 99');
    await services.vault.lock('logout');
    await services.close();
    const before = readFileSync(databasePath(dataDir));
    const headerBefore = readFileSync(join(dataDir, 'vault.json'));

    const again = makeServices(dataDir);
    const err = await rejection(again.vault.login('admin', ADMIN_PASSWORD));
    expect(err.code).toBe(ErrorCode.UNAVAILABLE);
    expect(err.message).toMatch(/新しいバージョン/);
    expect(again.vault.state()).toBe('locked');
    await again.close();
    expect(readFileSync(databasePath(dataDir)).equals(before)).toBe(true);
    expect(readFileSync(join(dataDir, 'vault.json')).equals(headerBefore)).toBe(true);
  });

  it('refuses to create the live database on a network folder', async () => {
    const services = makeServices(tempDataDir(), { isNetworkLocation: () => Promise.resolve(true) });
    const err = await rejection(setupVault(services));
    expect(err.code).toBe(ErrorCode.UNAVAILABLE);
    expect(err.message).toMatch(/ネットワーク/);
    expect(services.vault.state()).toBe('absent');
    await services.close();
  });

  it('keeps the vault locked when the login cannot be audited (a forged audit row), and says so', async () => {
    const s = makeServices(tempDataDir());
    await setupVault(s);
    // An insider with the database open forges the next entry of the chain without its head.
    const db = s.vault.connection();
    const head = db.prepare('SELECT last_id, last_hash FROM audit_head').get() as {
      last_id: number;
      last_hash: string;
    };
    db.prepare(
      "INSERT INTO audit_log (id, at, account_id, action, target_id, summary, prev_hash, hash) VALUES (?, 'x', NULL, 'session.login', NULL, 'forged', ?, 'x')",
    ).run(head.last_id + 1, head.last_hash);
    await s.vault.lock('logout');
    const refused = await call(s, 'session.login', { loginName: 'admin', password: ADMIN_PASSWORD }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe(ErrorCode.UNAVAILABLE);
    expect((refused as AppError).message).toContain('監査ログに記録できないため、ログインを中止しました');
    expect(s.vault.session()).toBeNull();
    expect(() => s.vault.connection()).toThrow(AppError);
    const listed = await call(s, 'requests.list', listFilter()).catch((e: unknown) => e);
    expect((listed as AppError).code).toBe(ErrorCode.LOCKED);
    await s.close();
  });

  it('refuses a second setup', async () => {
    const services = makeServices(tempDataDir());
    await setupVault(services);
    expect((await rejection(setupVault(services))).code).toBe(ErrorCode.CONFLICT);
    await services.close();
  });

  it('stores the database key only wrapped, and zeroes it on lock', async () => {
    const dataDir = tempDataDir();
    const services = makeServices(dataDir);
    await setupVault(services);
    const header = readHeader(dataDir);
    expect(header && Object.keys(header.accounts)).toHaveLength(1);
    expect(JSON.stringify(header)).not.toContain('admin');
    await services.vault.lock('manual');
    expect(services.vault.state()).toBe('locked');
    // A raw open with a random key fails: the file really is encrypted.
    expect(() => openEncrypted(databasePath(dataDir), Buffer.alloc(32, 1), { create: false })).toThrow();
    writeFileSync(join(dataDir, 'vault.json'), '{ broken');
    const err = await rejection(services.vault.login('admin', ADMIN_PASSWORD));
    expect(err.code).toBe(ErrorCode.UNAVAILABLE);
    await services.close();
  });
});

describe('file modes', () => {
  it.skipIf(process.platform === 'win32')(
    'keeps every file of the data folder to its owner (0600 files, 0700 folders), tightening an older folder',
    async () => {
      const dir = tempDataDir();
      // A file left by an earlier version, readable by everyone.
      writeFileSync(join(dir, 'old.txt'), 'x', { mode: 0o644 });
      chmodSync(join(dir, 'old.txt'), 0o644);
      chmodSync(dir, 0o755);
      const s = makeServices(dir, { fileLog: true });
      await setupVault(s);
      await call(s, 'intake.create', intakeInput());
      const backup = join(dir, 'backups');
      mkdirSync(backup, { recursive: true });
      await s.close();
      const loose: string[] = [];
      const walk = (p: string) => {
        const info = statSync(p);
        if ((info.mode & 0o077) !== 0) loose.push(`${p} ${(info.mode & 0o777).toString(8)}`);
        if (info.isDirectory()) for (const n of readdirSync(p)) walk(join(p, n));
      };
      walk(dir);
      expect(loose).toEqual([]);
      expect(readdirSync(dir)).toEqual(expect.arrayContaining(['vault.json', 'old.txt']));
    },
  );
});
