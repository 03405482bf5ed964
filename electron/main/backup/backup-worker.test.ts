import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFilter } from '../../../core/contract';
import { openEncrypted, WrongKeyError } from '../db/connection';
import { lastFileWorkThread } from '../vault/in-worker';
import { call, databaseKeyForTest, intakeInput, makeServices, setupVault, tempDataDir } from '../testing/support';

describe('a backup on the file worker', () => {
  it('copies and checks on another thread while main goes on writing; the copy is the database as of one commit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-backup-worker-'));
    let open: string | null = null;
    const data = tempDataDir();
    const s = makeServices(data, {
      dialogs: {
        openFile: () => Promise.resolve(open),
        saveFile: (o) => Promise.resolve(join(dir, o.defaultName)),
      },
    });
    await setupVault(s);
    await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-01' }));
    // A write made while the backup is under way: main is not held by the copy, so the write is
    // stored before the backup (copy, check and clean-up on the worker) has finished.
    const order: string[] = [];
    const backup = call(s, 'backup.create', { password: null }).then((r) => {
      order.push('backup');
      return r;
    });
    await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-02' }));
    order.push('write');
    expect((await backup).saved).toBe(true);
    expect(order).toEqual(['write', 'backup']);
    expect(lastFileWorkThread()).not.toBe(0);
    const files = readdirSync(dir).filter((f) => f.endsWith('.mdgbak'));
    expect(files).toHaveLength(1);
    expect(statSync(join(dir, files[0] ?? '')).size).toBeGreaterThan(4096);
    // The scratch copies (made, checked, then deleted on the worker) are gone.
    expect(readdirSync(data).filter((f) => f.includes('.partial.db'))).toEqual([]);
    expect((await call(s, 'requests.list', listFilter({ statuses: [] }))).total).toBe(2);
    open = join(dir, files[0] ?? '');
    await call(s, 'backup.choose', {});
    const info = await call(s, 'backup.inspect', { password: null });
    // Whole and consistent, with or without the request written meanwhile.
    expect(info.check).toBe('ok');
    expect([1, 2]).toContain(info.counts.requests);
    await s.close();
  });

  it('re-encrypts on the worker for a key rotation; a call meanwhile gets a clear refusal, never an error', async () => {
    const s = makeServices(tempDataDir(), {
      dialogs: { openFile: () => Promise.resolve(null), saveFile: () => Promise.resolve(null) },
    });
    await setupVault(s);
    await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-01' }));
    const oldKey = databaseKeyForTest(s.vault);
    const state = { done: false };
    const rotation = call(s, 'backup.rotateKey', {}).finally(() => {
      state.done = true;
    });
    const refusals = new Set<string>();
    while (!state.done) {
      try {
        await call(s, 'requests.list', listFilter({ statuses: [] }));
      } catch (err) {
        refusals.add(err instanceof Error ? err.message : String(err));
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    await rotation;
    expect(lastFileWorkThread()).not.toBe(0);
    // At least one call came while the rotation held the database (an empty set would mean no call
    // overlapped it and nothing was tested), and every one was the clear refusal.
    expect([...refusals]).toEqual(['データベースの鍵を更新しています。終わるまでしばらくお待ちください。']);
    expect((await call(s, 'requests.list', listFilter({ statuses: [] }))).total).toBe(1);
    // The file really was re-encrypted: a new key, and the old one opens nothing.
    const newKey = databaseKeyForTest(s.vault);
    expect(newKey.equals(oldKey)).toBe(false);
    const file = s.vault.dbFile;
    await s.close();
    expect(() => openEncrypted(file, oldKey, { create: false })).toThrow(WrongKeyError);
    openEncrypted(file, newKey, { create: false }).close();
  });

  it("empties the WAL into the database file from its own connection, with main's connection left open", async () => {
    const s = makeServices(tempDataDir());
    await setupVault(s);
    await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-01' }));
    const wal = `${s.vault.dbFile}-wal`;
    expect(statSync(wal).size).toBeGreaterThan(0);
    // What a key rotation does before main's connection closes, so that closing has nothing to copy.
    await s.vault.fileWork({ op: 'checkpoint', live: s.vault.dbFile, key: databaseKeyForTest(s.vault) });
    expect(lastFileWorkThread()).not.toBe(0);
    expect(statSync(wal).size).toBe(0);
    await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-02' }));
    expect((await call(s, 'requests.list', listFilter({ statuses: [] }))).total).toBe(2);
    await s.close();
  });
});
