import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import type { VaultDatabase } from '../vault/database';
import { call, failure, makeServices, setupVault, tempDataDir } from '../testing/support';

// The read-back of a backup just written hits a file error (the USB stick pulled out, an I/O
// error): the file on the medium was never verified and must not stay there looking like a backup.
describe('backup read-back', () => {
  it('removes the written file when reading it back fails with a file error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-readback-'));
    const target = join(dir, 'b.mdgbak');
    const s = makeServices(tempDataDir(), {
      dialogs: { openFile: () => Promise.resolve(null), saveFile: () => Promise.resolve(target) },
    });
    await setupVault(s);
    const core = (s.vault as unknown as { core: VaultDatabase }).core;
    const original = core.fileWork.bind(core);
    let written = false;
    const spy = vi.spyOn(core, 'fileWork').mockImplementation((work) => {
      if (work.op === 'extract' && work.file === target) {
        written = existsSync(target);
        return Promise.reject(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }));
      }
      return original(work);
    });
    try {
      const refused = await failure(call(s, 'backup.create', { password: null }));
      expect(refused.code).not.toBe(ErrorCode.INTERNAL);
    } finally {
      spy.mockRestore();
    }
    // The file had been written before the read-back, and is gone after it failed.
    expect(written).toBe(true);
    expect(existsSync(target)).toBe(false);
    await s.close();
  });
});
