import { randomBytes } from 'node:crypto';
import { listFilter } from '../../../core/contract';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CIPHER, cipherOf, openEncrypted, WrongKeyError } from '../db/connection';
import { changeCipher } from '../db/maintenance';
import {
  ADMIN_PASSWORD,
  call,
  databaseKeyForTest,
  dumpHash,
  intakeInput,
  makeServices,
  setupVault,
  tempDataDir,
} from '../testing/support';

describe('the database cipher', () => {
  it('new databases use AEGIS-256; a wrong key opens neither cipher', () => {
    const file = join(tempDataDir(), 'x.db');
    const key = randomBytes(32);
    const db = openEncrypted(file, key, { create: true });
    expect(CIPHER).toBe('aegis');
    expect(cipherOf(db)).toBe('aegis');
    db.exec('CREATE TABLE t (x TEXT)');
    changeCipher(db, key, 'chacha20');
    db.close();
    const legacy = openEncrypted(file, key, { create: false });
    expect(cipherOf(legacy)).toBe('chacha20');
    legacy.close();
    expect(() => openEncrypted(file, randomBytes(32), { create: false })).toThrow(WrongKeyError);
  });

  it('a vault written with ChaCha20 is re-encrypted with AEGIS at the next login, after a copy, holding the same data', async () => {
    const dataDir = tempDataDir();
    const s = makeServices(dataDir);
    await setupVault(s);
    await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-01' }));
    const key = databaseKeyForTest(s.vault);
    // As the versions before this one wrote it.
    changeCipher(s.vault.connection(), key, 'chacha20');
    await s.close();

    const again = makeServices(dataDir);
    await again.vault.login('admin', ADMIN_PASSWORD);
    expect(cipherOf(again.vault.connection())).toBe('aegis');
    expect(dumpHash(again.vault.connection(), { skipAudit: true })).toBe(
      dumpHash(openLegacyCopy(dataDir, key), { skipAudit: true }),
    );
    expect((await call(again, 'requests.list', listFilter())).total).toBe(1);
    await again.close();
    // The file itself now opens only as AEGIS.
    const db = openEncrypted(join(dataDir, 'madoguchi.db'), key, { create: false });
    expect(cipherOf(db)).toBe('aegis');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});

// The copy made before the change: still ChaCha20, same key.
function openLegacyCopy(dataDir: string, key: Buffer) {
  const dir = join(dataDir, 'backups');
  const copy = readdirSync(dir).find((f) => f.startsWith('pre-aegis-'));
  if (!copy) throw new Error(`no copy in ${readdirSync(dir).join(', ')}`);
  const db = openEncrypted(join(dir, copy), key, { create: false });
  expect(cipherOf(db)).toBe('chacha20');
  return db;
}
