import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import {
  ADMIN_PASSWORD,
  call,
  failure,
  makeServices,
  OTHER_PASSWORD,
  setupVault,
  switchTo,
  switchToNewAccount,
  tempDataDir,
} from '../testing/support';
import type { Services } from '../composition';
import { readHeader, VaultHeader } from './header';
import { sealKeyset } from './keyset';
import { fileWitness } from './witness';
import { setTimeout as sleep } from 'node:timers/promises';
import { keyPair, openBox, wrapKey } from './wrap';
import { newKdfParams } from './kdf';

// An insider who can write the data folder but knows no password edits vault.json so that the
// next replacement of the master key (a disable, a rotation) hands it to a key of theirs.

const masterAad = (accountId: string) => `madoguchi:v2:master:${accountId}`;
const RECOVERY_AAD = 'madoguchi:v2:master:recovery';

type Rig = { s: Services; dataDir: string; recoveryKey: string; tantoId: string };

async function rig(): Promise<Rig> {
  const dataDir = tempDataDir();
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-keyset-'));
  const s = makeServices(dataDir, {
    dialogs: { openFile: () => Promise.resolve(null), saveFile: () => Promise.resolve(join(dir, 'b.mdgbak')) },
  });
  const { recoveryKey } = await setupVault(s);
  const tantoId = await switchToNewAccount(s, 'tanto', ['staff'], '担当 三郎');
  await switchTo(s, 'admin', ADMIN_PASSWORD);
  return { s, dataDir, recoveryKey, tantoId };
}

function editHeader(dataDir: string, edit: (h: VaultHeader) => void): void {
  const file = join(dataDir, 'vault.json');
  const header = VaultHeader.parse(JSON.parse(readFileSync(file, 'utf8')));
  edit(header);
  writeFileSync(file, JSON.stringify(header));
}

// Every master key the attacker's private key opens in vault.json now.
function stolen(dataDir: string, attacker: Buffer): Buffer[] {
  const h = readHeader(dataDir);
  if (!h) throw new Error('no header');
  const boxes = [
    ...Object.values(h.accounts).map((e) => (e.master ? openBox(e.master, attacker, masterAad(e.accountId)) : null)),
    h.recoveryMaster ? openBox(h.recoveryMaster, attacker, RECOVERY_AAD) : null,
  ];
  return boxes.filter((k): k is Buffer => k !== null);
}

async function waitFor(done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i++) await sleep(10);
  expect(done()).toBe(true);
}

const liveKey = (dataDir: string) => readHeader(dataDir)?.database;

const attacks: [string, (r: Rig, attacker: { publicKey: Buffer }) => void][] = [
  [
    'a ghost entry',
    (r, attacker) =>
      editHeader(r.dataDir, (h) => {
        const model = Object.values(h.accounts)[0];
        if (!model) throw new Error('no entry');
        h.accounts['ghost-lookup'] = { ...model, accountId: 'ghost', publicKey: attacker.publicKey.toString('base64') };
      }),
  ],
  [
    'a replaced recovery public key',
    (r, attacker) =>
      editHeader(r.dataDir, (h) => {
        h.recoveryPublic = attacker.publicKey.toString('base64');
      }),
  ],
  [
    'a replaced account public key',
    (r, attacker) =>
      editHeader(r.dataDir, (h) => {
        const entry = Object.values(h.accounts).find((e) => e.accountId === r.tantoId);
        if (!entry) throw new Error('no entry');
        entry.publicKey = attacker.publicKey.toString('base64');
      }),
  ],
];

describe('the key set of vault.json', () => {
  it.each(attacks)('%s: the next rotation is refused and hands the attacker nothing', async (_name, attack) => {
    const r = await rig();
    const attacker = keyPair();
    attack(r, attacker);
    const before = liveKey(r.dataDir);
    // Logins still work (the tampering is noticed and audited) …
    await switchTo(r.s, 'admin', ADMIN_PASSWORD);
    const audit = await call(r.s, 'audit.list', { action: 'vault.keyset_mismatch', limit: 10, offset: 0 });
    expect(audit.entries.map((e) => e.summary)).toEqual([expect.stringMatching(/^problems=mac\b/)]);
    expect((await call(r.s, 'backup.status', {})).keysetChanged).toBe(true);
    // … but no key is replaced: not by a rotation, nor by disabling an account.
    const refused = await failure(call(r.s, 'backup.rotateKey', {}));
    expect(refused.code).toBe(ErrorCode.CONFLICT);
    expect(refused.message).toContain('鍵情報ファイル（vault.json）がアプリの外で変更されています');
    expect(liveKey(r.dataDir)).toEqual(before);
    const other = await call(r.s, 'accounts.create', {
      loginName: 'sato',
      displayName: '佐藤 五郎',
      roles: ['staff'],
      temporaryPassword: 'temporary password 1',
    });
    const disable = await failure(call(r.s, 'accounts.update', { id: other.id, disabled: true }));
    expect(disable.message).toContain('アカウントは無効にしました。ただし、鍵情報ファイル（vault.json）');
    expect(liveKey(r.dataDir)).toEqual(before);
    expect(stolen(r.dataDir, attacker.privateKey)).toEqual([]);

    // The administrator rebuilds the key set from the database while replacing the keys.
    const repaired = await call(r.s, 'backup.rotateKey', { repairKeyset: true });
    expect((await call(r.s, 'backup.status', {})).keysetChanged).toBe(false);
    expect(stolen(r.dataDir, attacker.privateKey)).toEqual([]);
    const header = readHeader(r.dataDir);
    expect(Object.values(header?.accounts ?? {}).map((e) => e.accountId)).not.toContain('ghost');
    expect(Object.values(header?.accounts ?? {}).map((e) => e.accountId)).not.toContain(other.id);
    expect(header?.recoveryPublic).not.toBe(attacker.publicKey.toString('base64'));
    // The owner of a replaced public key needs a new temporary password; nobody else does.
    expect(repaired.keys.accountsNeedingPassword).toBe(_name === 'a replaced account public key' ? 1 : 0);
    // Everything verifies again, and later rotations work without repair.
    await switchTo(r.s, 'admin', ADMIN_PASSWORD);
    expect(await call(r.s, 'audit.verify', {})).toMatchObject({ ok: true });
    await call(r.s, 'backup.rotateKey', {});
    // The real recovery key still opens the vault.
    await r.s.vault.lock('logout');
    await call(r.s, 'session.recover', {
      recoveryKey: r.recoveryKey,
      loginName: 'admin',
      newPassword: 'a brand new passphrase',
    });
    await r.s.close();
  });

  it('boxes a new master key only to enabled accounts the database lists, even to a key set that verifies', async () => {
    // Defence in depth: suppose the attacker could also seal the key set (they cannot without the
    // master key): the entries boxed to come from the database's accounts, not from vault.json.
    const r = await rig();
    const attacker = keyPair();
    const master = (r.s.vault as unknown as { core: { unlocked: { master: Buffer } } }).core.unlocked.master;
    const file = join(r.dataDir, 'vault.json');
    const header = VaultHeader.parse(JSON.parse(readFileSync(file, 'utf8')));
    const model = Object.values(header.accounts)[0];
    const tanto = Object.values(header.accounts).find((e) => e.accountId === r.tantoId);
    if (!model || !tanto) throw new Error('no entry');
    header.accounts['ghost-lookup'] = {
      accountId: 'ghost',
      wrap: await wrapKey(
        Buffer.alloc(32, 1),
        OTHER_PASSWORD,
        newKdfParams(header.kdfCost),
        'madoguchi:v2:account-key:ghost',
      ),
      publicKey: attacker.publicKey.toString('base64'),
      master: model.master,
    };
    tanto.publicKey = attacker.publicKey.toString('base64');
    sealKeyset(header, master);
    writeFileSync(file, JSON.stringify(header));
    // The key set verifies and agrees with the database's record: no repair, a plain rotation.
    const rotated = await call(r.s, 'backup.rotateKey', {});
    expect(stolen(r.dataDir, attacker.privateKey)).toEqual([]);
    expect(Object.values(readHeader(r.dataDir)?.accounts ?? {}).map((e) => e.accountId)).not.toContain('ghost');
    // tanto's entry no longer matches the database: left out, and said so.
    expect(rotated.keys.accountsNeedingPassword).toBe(1);
    await r.s.close();
  });

  it('adopts a vault of the old design once; the same state put back afterwards is not adopted and hands nothing over', async () => {
    const dataDir = tempDataDir();
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-keyset-'));
    const witnessFile = join(dir, 'anchor.bin');
    const plain = {
      encrypt: (t: string) => Promise.resolve(Buffer.from(t)),
      decrypt: (b: Buffer) => Promise.resolve(b.toString()),
    };
    const dialogs = { openFile: () => Promise.resolve(null), saveFile: () => Promise.resolve(join(dir, 'b.mdgbak')) };
    // As an older version left it: no MAC, no record, no public keys in the database.
    const asOldDesign = (s: Services, edit: (h: VaultHeader) => void = () => undefined) => {
      const db = s.vault.connection();
      db.prepare("DELETE FROM settings WHERE key = 'vault.keyset'").run();
      db.prepare('UPDATE accounts SET public_key = NULL').run();
      editHeader(dataDir, (h) => {
        delete h.keysetMac;
        edit(h);
      });
    };
    const old = makeServices(dataDir, { dialogs });
    await setupVault(old);
    const tantoId = await switchToNewAccount(old, 'tanto', ['staff'], '担当 三郎');
    await switchTo(old, 'admin', ADMIN_PASSWORD);
    asOldDesign(old);
    await old.close();

    // The upgraded app: the first login adopts the key set (everyone keeps access) and writes the
    // witness outside the data folder.
    const s = makeServices(dataDir, { dialogs, anchorWitness: fileWitness(witnessFile, plain) });
    await call(s, 'session.login', { loginName: 'admin', password: ADMIN_PASSWORD });
    await waitFor(() => existsSync(witnessFile));
    const rotated = await call(s, 'backup.rotateKey', {});
    expect(rotated.keys).toEqual({ newRecoveryKey: null, accountsNeedingPassword: 0 });

    // The insider puts the old-design state back, with their key as the recovery key and tanto's.
    const attacker = keyPair();
    asOldDesign(s, (h) => {
      h.recoveryPublic = attacker.publicKey.toString('base64');
      const tanto = Object.values(h.accounts).find((e) => e.accountId === tantoId);
      if (tanto) tanto.publicKey = attacker.publicKey.toString('base64');
    });
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    // This version ran here before: a database without a record is not adopted.
    const audit = await call(s, 'audit.list', { action: 'vault.keyset_mismatch', limit: 10, offset: 0 });
    expect(audit.entries[0]?.summary).toMatch(/^problems=mac/);
    await failure(call(s, 'backup.rotateKey', {}));
    const repaired = await call(s, 'backup.rotateKey', { repairKeyset: true });
    expect(stolen(dataDir, attacker.privateKey)).toEqual([]);
    // Only what a password proved since stays: the administrator; a new recovery key is shown.
    expect(repaired.keys.newRecoveryKey).not.toBeNull();
    await s.close();
  });

  it('a login puts right its own entry whose public key field was changed, so a repair keeps it', async () => {
    const r = await rig();
    const attacker = keyPair();
    const admin = r.s.vault.session()?.accountId;
    editHeader(r.dataDir, (h) => {
      const own = Object.values(h.accounts).find((e) => e.accountId === admin);
      if (own) own.publicKey = attacker.publicKey.toString('base64');
    });
    // The password proves the entry's private key: its public key is put back at login.
    await switchTo(r.s, 'admin', ADMIN_PASSWORD);
    const own = Object.values(readHeader(r.dataDir)?.accounts ?? {}).find((e) => e.accountId === admin);
    expect(own?.publicKey).not.toBe(attacker.publicKey.toString('base64'));
    const repaired = await call(r.s, 'backup.rotateKey', { repairKeyset: true });
    expect(repaired.keys.accountsNeedingPassword).toBe(0);
    expect(stolen(r.dataDir, attacker.privateKey)).toEqual([]);
    await switchTo(r.s, 'admin', ADMIN_PASSWORD);
    await r.s.close();
  });

  it('refuses a lower KDF cost put into vault.json, and the repair restores the recorded one', async () => {
    const dataDir = tempDataDir();
    const s = makeServices(dataDir, {
      kdfCost: () => Promise.resolve({ algorithm: 'scrypt', logN: 14, r: 8, p: 2 }),
      dialogs: { openFile: () => Promise.resolve(null), saveFile: () => Promise.resolve(join(dataDir, 'b.mdgbak')) },
    });
    await setupVault(s);
    const cost = readHeader(dataDir)?.kdfCost;
    editHeader(dataDir, (h) => {
      h.kdfCost = { ...h.kdfCost, p: 1 };
    });
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    const audit = await call(s, 'audit.list', { action: 'vault.keyset_mismatch', limit: 10, offset: 0 });
    expect(audit.entries[0]?.summary).toBe('problems=mac,kdf_cost');
    await call(s, 'backup.rotateKey', { repairKeyset: true });
    expect(readHeader(dataDir)?.kdfCost).toEqual(cost);
    await s.close();
  });

  it('is checked at login against the database: an older copy of vault.json put back is noticed', async () => {
    const r = await rig();
    const old = readFileSync(join(r.dataDir, 'vault.json'));
    // Work goes on: a backup and locks add anchors to vault.json and to the database's record.
    await call(r.s, 'backup.create', { password: null });
    await switchTo(r.s, 'admin', ADMIN_PASSWORD);
    await r.s.vault.lock('logout');
    // The insider puts back the older copy (its MAC verifies: the app wrote it, with fewer anchors).
    writeFileSync(join(r.dataDir, 'vault.json'), old);
    await call(r.s, 'session.login', { loginName: 'admin', password: ADMIN_PASSWORD });
    const audit = await call(r.s, 'audit.list', { action: 'vault.keyset_mismatch', limit: 10, offset: 0 });
    expect(audit.entries.map((e) => e.summary)).toEqual(['problems=anchors']);
    const verified = await call(r.s, 'audit.verify', {});
    expect(verified.ok).toBe(false);
    expect(verified.anchors.failed.map((f) => f.source)).toContain(
      '鍵情報ファイル（vault.json）の記録（件数・最新の控え）',
    );
    expect((await failure(call(r.s, 'backup.rotateKey', {}))).message).toContain('アプリの外で変更されています');
    await r.s.close();
  });
});
