import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ErrorCode, listFilter } from '../../../core/contract';
import { call, failure, intakeInput, makeServices, setupVault, tempDataDir } from '../testing/support';

// The last step of a restore (renaming the verified copy over the database) fails as a full or
// denied folder would make it fail.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    renameSync: (from: string, to: string) => {
      if (from.endsWith('restore.partial.db')) {
        throw Object.assign(new Error('denied'), { code: 'EACCES' });
      }
      fs.renameSync(from, to);
    },
  };
});

describe('a restore whose final rename fails', () => {
  it('keeps working on the old database, says so, and leaves no work file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-restore-fail-'));
    let open: string | null = null;
    const dataDir = tempDataDir();
    const s = makeServices(dataDir, {
      dialogs: {
        openFile: () => Promise.resolve(open),
        saveFile: (o) => Promise.resolve(join(dir, o.defaultName)),
      },
    });
    await setupVault(s);
    const saved = await call(s, 'backup.create', { password: null });
    expect(saved.saved).toBe(true);
    await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-01' }));
    open = join(dir, readdirSync(dir).find((f) => f.endsWith('.mdgbak')) ?? '');
    await call(s, 'backup.choose', {});
    const e = await failure(call(s, 'backup.restore', { password: null }));
    expect(e.code).toBe(ErrorCode.UNAVAILABLE);
    expect(e.message).toContain('何も変更していません');
    // Still logged in, still on the current data (the request made after the backup is there).
    expect(s.vault.state()).toBe('unlocked');
    expect((await call(s, 'requests.list', listFilter({ statuses: [] }))).total).toBe(1);
    expect(readdirSync(dataDir).filter((f) => f.includes('partial'))).toEqual([]);
    await s.close();
  });
});
