import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ErrorCode, listFilter } from '../../../core/contract';
import { formatRecoveryKey } from '../../../core/domain/recovery-key';
import { openEncrypted, WrongKeyError } from '../db/connection';
import { databasePath } from '../paths';
import { readBackupMeta } from '../vault/backup-file';
import { readHeader, VaultHeader } from '../vault/header';
import { databaseKeyOf, openEntry, previousMasters } from '../vault/keyring';
import type { VaultDatabase } from '../vault/database';
import type { Services } from '../composition';
import {
  ADMIN_PASSWORD,
  call,
  failure,
  intakeInput,
  makeServices,
  OTHER_PASSWORD,
  setupVault,
  switchTo,
  switchToNewAccount,
  tempDataDir,
} from '../testing/support';

// What a revoked account's copy of vault.json and password open now: nothing current.
async function expectRevoked(dataDir: string, accountId: string, oldMaster: Buffer, oldKey: Buffer | null) {
  const live = readHeader(dataDir);
  if (!live) throw new Error('no header');
  expect(Object.values(live.accounts).map((e) => e.accountId)).not.toContain(accountId);
  for (const e of Object.values(live.accounts)) expect(await openEntry(e, OTHER_PASSWORD)).toBeNull();
  expect(databaseKeyOf(live.database, oldMaster)).toBeNull();
  expect(() => openEncrypted(databasePath(dataDir), oldKey ?? Buffer.alloc(32), { create: false })).toThrow(
    WrongKeyError,
  );
}

// A vault whose staff member tanto kept a copy of vault.json (and knows their password); the
// administrator is logged in.
async function withInsider() {
  const dataDir = tempDataDir();
  const s = makeServices(dataDir);
  await setupVault(s);
  const tantoId = await switchToNewAccount(s, 'tanto', ['staff'], '担当 三郎');
  const copy = readHeader(dataDir);
  const entry = Object.values(copy?.accounts ?? {}).find((e) => e.accountId === tantoId);
  const old = entry ? await openEntry(entry, OTHER_PASSWORD) : null;
  if (!copy || !old) throw new Error('the copy should open');
  const oldKey = databaseKeyOf(copy.database, old.master);
  await switchTo(s, 'admin', ADMIN_PASSWORD);
  return { dataDir, s, tantoId, old, oldKey };
}

// The rekey of the file fails once (a full disk, say), as the file worker would report it.
function failNextRekey(s: Services): { restore: () => void } {
  const core = (s.vault as unknown as { core: VaultDatabase }).core;
  const original = core.fileWork.bind(core);
  let failed = false;
  const spy = vi.spyOn(core, 'fileWork').mockImplementation((work) => {
    if (work.op === 'rekey' && !failed) {
      failed = true;
      return Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    }
    return original(work);
  });
  return { restore: () => spy.mockRestore() };
}

// A member of staff copies vault.json while enabled, is disabled, the database key is rotated
// and work goes on: with the copy and their old password they open neither the live database
// nor a backup made after.
describe('revocation', () => {
  it('leaves a disabled account’s copy of vault.json opening nothing current', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-revoke-'));
    let save = '';
    let open = '';
    const dataDir = tempDataDir();
    const s = makeServices(dataDir, {
      dialogs: { openFile: () => Promise.resolve(open), saveFile: () => Promise.resolve(save) },
    });
    const { recoveryKey } = await setupVault(s);
    const tantoId = await switchToNewAccount(s, 'tanto', ['staff'], '担当 三郎');
    await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-01' }));
    // The insider's copy, taken while enabled.
    const stolen = join(dir, 'vault.json');
    copyFileSync(join(dataDir, 'vault.json'), stolen);
    const copy = VaultHeader.parse(JSON.parse(readFileSync(stolen, 'utf8')));
    const entry = Object.values(copy.accounts).find((e) => e.accountId === tantoId);
    const old = entry ? await openEntry(entry, OTHER_PASSWORD) : null;
    if (!old) throw new Error('the copy should open with the password the account had');
    const oldDatabaseKey = databaseKeyOf(copy.database, old.master);
    // Before the revocation, the copy opens the live database: that is what is closed below.
    openEncrypted(databasePath(dataDir), oldDatabaseKey ?? Buffer.alloc(32), { create: false }).close();
    save = join(dir, 'before.mdgbak');
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    await call(s, 'backup.create', { password: null });

    // Disabled, then the database key rotated, then more work and a backup.
    const disabled = await call(s, 'accounts.update', { id: tantoId, disabled: true });
    expect(disabled.keys).toEqual({ newRecoveryKey: null, accountsNeedingPassword: 0 });
    // From the disable on, vault.json has no entry for the account, and nothing in it opens with
    // its password; the copy's keys open neither the database nor the current master key's box.
    await expectRevoked(dataDir, tantoId, old.master, oldDatabaseKey);
    await call(s, 'backup.rotateKey', {});
    await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-02' }));
    save = join(dir, 'after.mdgbak');
    await call(s, 'backup.create', { password: null });

    // The copy opens nothing current: not the live database …
    expect(() => openEncrypted(databasePath(dataDir), oldDatabaseKey ?? Buffer.alloc(32), { create: false })).toThrow(
      WrongKeyError,
    );
    expect(() => openEncrypted(databasePath(dataDir), old.master, { create: false })).toThrow(WrongKeyError);
    const live = readHeader(dataDir);
    if (!live) throw new Error('no header');
    expect(databaseKeyOf(live.database, old.master)).toBeNull();
    expect(previousMasters(live, old.master)).toEqual([]);
    // … nor a backup made after: its sealed database key does not open with the old master key.
    const after = readBackupMeta(join(dir, 'after.mdgbak')).meta;
    expect(after.database).toBeDefined();
    expect(databaseKeyOf(after.database, old.master)).toBeNull();
    // The account itself has no entry any more.
    await s.vault.lock('logout');
    const refused = await failure(call(s, 'session.login', { loginName: 'tanto', password: OTHER_PASSWORD }));
    expect(refused.code).toBe(ErrorCode.AUTH_FAILED);

    // Everyone else carries on: the administrator, the recovery key, and the backup from before.
    await call(s, 'session.login', { loginName: 'admin', password: ADMIN_PASSWORD });
    expect((await call(s, 'requests.list', listFilter())).rows).toHaveLength(2);
    open = join(dir, 'before.mdgbak');
    await call(s, 'backup.choose', {});
    expect(await call(s, 'backup.inspect', { password: null })).toMatchObject({ check: 'ok', counts: { requests: 1 } });
    await s.vault.lock('logout');
    await call(s, 'session.recover', { recoveryKey, loginName: 'admin', newPassword: 'a brand new passphrase' });
    expect((await call(s, 'requests.list', listFilter())).rows).toHaveLength(2);
    await s.close();
  });

  it.each([
    ['at the next login, before anything else', 'login'],
    ['when the account is disabled again', 'again'],
  ] as const)('finishes a revocation whose key replacement failed %s', async (_name, how) => {
    const { dataDir, s, tantoId, old, oldKey } = await withInsider();

    const failing = failNextRekey(s);
    const refused = await failure(call(s, 'accounts.update', { id: tantoId, disabled: true }));
    failing.restore();
    // Said as it is: the account is disabled, its old keys are not yet revoked.
    expect(refused.code).toBe(ErrorCode.CONFLICT);
    expect(refused.message).toContain('アカウントは無効にしました。ただし、鍵の更新に失敗したため');
    expect(refused.message).not.toContain('何も変更していません');
    const listed = (await call(s, 'accounts.list', {})).find((a) => a.id === tantoId);
    expect(listed?.disabled).toBe(true);
    expect(
      s.vault.connection().prepare('SELECT revocation_pending FROM accounts WHERE id = ?').pluck().get(tantoId),
    ).toBe(1);

    if (how === 'login') {
      // Nothing else happens first: the next login replaces the keys before the session is given.
      await switchTo(s, 'admin', ADMIN_PASSWORD);
      const rekeys = await call(s, 'audit.list', { action: 'vault.rekey', limit: 10, offset: 0 });
      expect(rekeys.entries[0]?.summary).toMatch(/at_login/);
    } else {
      await call(s, 'accounts.update', { id: tantoId, disabled: true });
    }
    await expectRevoked(dataDir, tantoId, old.master, oldKey);
    expect(
      s.vault.connection().prepare('SELECT revocation_pending FROM accounts WHERE id = ?').pluck().get(tantoId),
    ).toBe(0);
    // And later rotations keep it out.
    await call(s, 'backup.rotateKey', {});
    await expectRevoked(dataDir, tantoId, old.master, oldKey);
    await s.close();
  });

  it.each([
    ['a revocation left pending, with vault.json edited since (its key set no longer verifies)', 'edited'],
    ['a disabled account that vault.json still holds an entry for (a vault of the old design)', 'entry'],
  ] as const)('revokes at the next login %s', async (_name, how) => {
    const { dataDir, s, tantoId, old, oldKey } = await withInsider();
    if (how === 'edited') {
      const failing = failNextRekey(s);
      await failure(call(s, 'accounts.update', { id: tantoId, disabled: true }));
      failing.restore();
      // The disabled insider edits vault.json so that the replacement would wait for a repair.
      const file = join(dataDir, 'vault.json');
      const header = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      delete header['keysetMac'];
      writeFileSync(file, JSON.stringify(header));
    } else {
      // Disabled in the database with no mark, its entry still in vault.json: as the old design
      // left it when the key replacement failed.
      s.vault.connection().prepare('UPDATE accounts SET disabled = 1 WHERE id = ?').run(tantoId);
    }
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    await expectRevoked(dataDir, tantoId, old.master, oldKey);
    await s.close();
  });

  it('upgrades an entry of the first format at its next login, and cannot carry one not used since', async () => {
    const dataDir = tempDataDir();
    const s = makeServices(dataDir);
    await setupVault(s);
    const tantoId = await switchToNewAccount(s, 'tanto', ['staff'], '担当 三郎');
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    const sato = await switchToNewAccount(s, 'sato', ['staff'], '佐藤 五郎');
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    // Rewrite two entries as the first format held them: the master key wrapped under the password.
    const master = (s.vault as unknown as { core: { unlocked: { master: Buffer } } }).core.unlocked.master;
    const { wrapKey } = await import('../vault/wrap');
    const { newKdfParams } = await import('../vault/kdf');
    const header = readHeader(dataDir);
    if (!header) throw new Error('no header');
    for (const [lid, e] of Object.entries(header.accounts)) {
      if (e.accountId !== tantoId && e.accountId !== sato) continue;
      header.accounts[lid] = {
        accountId: e.accountId,
        wrap: await wrapKey(
          master,
          OTHER_PASSWORD,
          newKdfParams(header.kdfCost),
          `madoguchi:v1:account:${e.accountId}`,
        ),
      };
    }
    // And the recovery key as the first format held it: no key pair to box a new master key to.
    const { writeHeader } = await import('../vault/header');
    const legacyRecovery = randomBytes(15);
    header.recovery = await wrapKey(master, legacyRecovery, newKdfParams(header.kdfCost), 'madoguchi:v1:recovery');
    delete header.recoveryPublic;
    delete header.recoveryMaster;
    // A vault of that time had no authenticated key set, nor public keys in its database.
    delete header.keysetMac;
    writeHeader(dataDir, header);
    const db = s.vault.connection();
    db.prepare("DELETE FROM settings WHERE key = 'vault.keyset'").run();
    db.prepare('UPDATE accounts SET public_key = NULL').run();
    // tanto logs in once: the entry gets its key pair.
    await switchTo(s, 'tanto', OTHER_PASSWORD);
    const upgraded = Object.values(readHeader(dataDir)?.accounts ?? {}).find((e) => e.accountId === tantoId);
    expect(upgraded?.publicKey).toBeDefined();
    // sato never logged in since: a replacement cannot carry that entry, and says so.
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    const rotated = await call(s, 'backup.rotateKey', {});
    expect(rotated.keys.accountsNeedingPassword).toBe(1);
    // A new recovery key, shown once; it opens the vault, the old one no longer does.
    expect(rotated.keys.newRecoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4})+$/);
    await s.vault.lock('logout');
    const stale = await failure(
      call(s, 'session.recover', {
        recoveryKey: formatRecoveryKey(legacyRecovery),
        loginName: 'admin',
        newPassword: 'a brand new passphrase',
      }),
    );
    expect(stale.code).toBe(ErrorCode.AUTH_FAILED);
    await call(s, 'session.recover', {
      recoveryKey: rotated.keys.newRecoveryKey ?? '',
      loginName: 'admin',
      newPassword: 'a brand new passphrase',
    });
    await switchTo(s, 'tanto', OTHER_PASSWORD);
    await s.vault.lock('logout');
    expect((await failure(call(s, 'session.login', { loginName: 'sato', password: OTHER_PASSWORD }))).code).toBe(
      ErrorCode.AUTH_FAILED,
    );
    await s.close();
  });
});

describe('keys replaced at a login', () => {
  it('keep a new recovery key for the next administrator until noted', async () => {
    const { dataDir, s, tantoId } = await withInsider();
    const satoId = await switchToNewAccount(s, 'sato', ['staff'], '佐藤 五郎');
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    // A vault of the old design: a recovery wrap of the first format (no key pair to box a new
    // master key to), and tanto disabled while its entry stayed (the old revocation had failed).
    const master = (s.vault as unknown as { core: { unlocked: { master: Buffer } } }).core.unlocked.master;
    const { wrapKey } = await import('../vault/wrap');
    const { newKdfParams } = await import('../vault/kdf');
    const { writeHeader } = await import('../vault/header');
    const header = readHeader(dataDir);
    if (!header) throw new Error('no header');
    header.recovery = await wrapKey(master, randomBytes(15), newKdfParams(header.kdfCost), 'madoguchi:v1:recovery');
    delete header.recoveryPublic;
    delete header.recoveryMaster;
    delete header.keysetMac;
    writeHeader(dataDir, header);
    const db = s.vault.connection();
    db.prepare("DELETE FROM settings WHERE key = 'vault.keyset'").run();
    db.prepare('UPDATE accounts SET public_key = NULL, disabled = CASE WHEN id = ? THEN 1 ELSE 0 END').run(tantoId);
    // A member of staff logs in first: the revocation is finished there, with a new recovery key
    // that nobody at that desk may see.
    await switchTo(s, 'sato', OTHER_PASSWORD);
    expect(s.vault.session()?.accountId).toBe(satoId);
    expect((await call(s, 'backup.status', {})).keysToShow).toBeNull();
    // The next administrator is shown it until they note it, and it opens the vault.
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    const shown = (await call(s, 'backup.status', {})).keysToShow;
    expect(shown?.newRecoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4})+$/);
    await s.vault.lock('logout');
    await call(s, 'session.recover', {
      recoveryKey: shown?.newRecoveryKey ?? '',
      loginName: 'admin',
      newPassword: 'a brand new passphrase',
    });
    await call(s, 'backup.keysNoted', {});
    expect((await call(s, 'backup.status', {})).keysToShow).toBeNull();
    await s.close();
  });
});
