import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import { jpegClaiming, pngClaiming, tiffClaiming } from '../files/hostile-images';
import { call, failure, intakeInput, makeServices, setupVault, tempDataDir } from './test-support';

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
});
