import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import { jpegClaiming, pngClaiming, tiffClaiming } from '../files/hostile-images';
import {
  ADMIN_PASSWORD,
  call,
  failure,
  intakeInput,
  makeServices,
  setupVault,
  switchTo,
  switchToNewAccount,
  tempDataDir,
} from '../testing/support';

// Files that would freeze or exhaust the app if decoded are refused from their header, before
// any decoding, with a Japanese message; nothing is stored.
describe('hostile files', () => {
  it('refuses enclosures and a seal that claim too many pixels, quickly and without memory growth', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-hostile-'));
    const file = (name: string, bytes: Buffer) => {
      writeFileSync(join(dir, name), bytes);
      return join(dir, name);
    };
    const queue = [
      file('fax-16k.tif', tiffClaiming([{ width: 16_000, height: 16_000 }])),
      file('fax-30k.tif', tiffClaiming([{ width: 30_000, height: 30_000 }])),
      file(
        'two-pages.tif',
        tiffClaiming([
          { width: 200, height: 200 },
          { width: 30_000, height: 30_000 },
        ]),
      ),
      file('loop.tif', tiffClaiming([{ width: 200, height: 200 }], true)),
      file('scan.png', pngClaiming(30_000, 30_000)),
      file('scan.jpg', jpegClaiming(30_000, 30_000)),
      file('seal.png', pngClaiming(5_000, 5_000)),
      file('a4.tif', tiffClaiming([{ width: 2480, height: 3508 }])),
    ];
    const s = makeServices(tempDataDir(), {
      dialogs: { openFile: () => Promise.resolve(queue.shift() ?? null), saveFile: () => Promise.resolve(null) },
    });
    await setupVault(s);
    const r = await call(s, 'intake.create', intakeInput());
    const before = process.memoryUsage().rss;
    for (let i = 0; i < 6; i++) {
      const refused = await failure(call(s, 'enclosures.add', { requestId: r.id, type: 'identity' }));
      expect(refused.code).toBe(ErrorCode.BAD_INPUT);
      expect(refused.message).toMatch(/画像が大きすぎます|画像の大きさを読み取れませんでした/);
    }
    const seal = await failure(call(s, 'letters.importSeal', {}));
    expect(seal.message).toMatch(/^社印の画像が大きすぎます（5,000×5,000 ピクセル/);
    // Refused from headers: no decoder ran, so the process did not grow by the gigabytes a
    // 30,000² image asks for.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    expect((await call(s, 'requests.get', { id: r.id })).enclosures).toHaveLength(0);
    // An ordinary A4 page at 300 dpi is taken.
    expect(await call(s, 'enclosures.add', { requestId: r.id, type: 'identity' })).toMatchObject({
      mime: 'image/tiff',
    });
    await s.close();
  });

  it('lets an administrator remove an enclosure at once, with a reason, audited; staff cannot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-hostile-'));
    const scan = join(dir, 'other-person.tif');
    writeFileSync(scan, tiffClaiming([{ width: 1728, height: 2200 }]));
    const s = makeServices(tempDataDir(), {
      dialogs: { openFile: () => Promise.resolve(scan), saveFile: () => Promise.resolve(null) },
    });
    await setupVault(s);
    const r = await call(s, 'intake.create', intakeInput());
    const added = await call(s, 'enclosures.add', { requestId: r.id, type: 'identity' });
    const id = added?.id ?? '';
    const noReason = await failure(call(s, 'enclosures.remove', { id, reason: ' ' }));
    expect(noReason.code).toBe(ErrorCode.BAD_INPUT);
    await switchToNewAccount(s, 'tanto', ['staff'], '担当 三郎');
    const staff = await failure(call(s, 'enclosures.remove', { id, reason: '他人の書類' }));
    expect(staff.code).toBe(ErrorCode.FORBIDDEN);
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    await call(s, 'enclosures.remove', { id, reason: '別の方の本人確認書類が誤って同封されていたため' });
    const detail = await call(s, 'requests.get', { id: r.id });
    expect(detail.enclosures).toEqual([]);
    expect(detail.history.at(-1)).toMatchObject({
      action: 'enclosureRemoved',
      comment: '別の方の本人確認書類が誤って同封されていたため',
    });
    expect((await failure(call(s, 'enclosures.content', { id }))).code).toBe(ErrorCode.NOT_FOUND);
    const audit = await call(s, 'audit.list', { offset: 0, limit: 10, action: 'enclosures.remove' });
    expect(audit.entries[0]?.summary).toBe(`enclosure=${id} type=identity sha256=${added?.sha256 ?? ''}`);
    await s.close();
  });
});
