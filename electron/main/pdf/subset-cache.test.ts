import { createHook } from 'node:async_hooks';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { cacheSubsetGlyphs, type SubsettableFont } from './subset-cache';

const fonts = join(__dirname, '../../../resources/fonts');

type Encodable = SubsettableFont & { numGlyphs: number; glyphsForString(s: string): { id: number }[] };
type EncodingSubset = { includeGlyph(gid: number): number; encodeStream(): NodeJS.EventEmitter };

function encode(font: Encodable, gids: number[]): Promise<Buffer> {
  const subset = font.createSubset() as unknown as EncodingSubset;
  for (const gid of gids) subset.includeGlyph(gid);
  return new Promise((resolve, reject) => {
    const parts: Uint8Array[] = [];
    subset
      .encodeStream()
      .on('data', (b: Uint8Array) => parts.push(b))
      .on('end', () => resolve(Buffer.concat(parts)))
      .on('error', reject);
  });
}

describe('the per-font glyph cache of the subsetter', () => {
  for (const file of ['ipaexm.ttf', 'ipaexg.ttf']) {
    it(`writes ${file} subsets byte for byte as fontkit does, from the cache the second time`, async () => {
      const bytes = readFileSync(join(fonts, file));
      const plain = fontkit.create(bytes) as unknown as Encodable;
      const cached = fontkit.create(bytes) as unknown as Encodable;
      cacheSubsetGlyphs(cached);
      // Glyphs from across the font, in an order of their own.
      const spread = Array.from({ length: 60 }, (_, i) => (i * 4099) % plain.numGlyphs);
      const text = plain.glyphsForString('個人情報の開示等の請求について（お知らせ）ABCabc123〒').map((g) => g.id);
      for (const gids of [text, [...spread, ...text], spread.slice().reverse(), text]) {
        // Twice per font: the second subset of the cached font is written from the cache.
        expect((await encode(cached, gids)).equals(await encode(plain, gids))).toBe(true);
        expect((await encode(cached, gids)).equals(await encode(plain, gids))).toBe(true);
      }
    });
  }
});

describe('encoding a subset of the cached font', () => {
  // Timers set while a subset is encoded and collected.
  async function timersDuring(font: Encodable, gids: number[]): Promise<{ timers: number; bytes: Buffer }> {
    let timers = 0;
    const hook = createHook({
      init(_id, type) {
        if (type === 'Timeout') timers++;
      },
    });
    hook.enable();
    try {
      const bytes = await encode(font, gids);
      return { timers, bytes };
    } finally {
      hook.disable();
    }
  }

  it('waits on no timer, where fontkit waits on setTimeout(0)', async () => {
    const bytes = readFileSync(join(fonts, 'ipaexg.ttf'));
    const plain = fontkit.create(bytes) as unknown as Encodable;
    const cached = fontkit.create(bytes) as unknown as Encodable;
    cacheSubsetGlyphs(cached);
    const gids = plain.glyphsForString('保有個人データの開示について').map((g) => g.id);
    await encode(cached, gids); // the first subset of a process also finds fontkit's stream class
    const theirs = await timersDuring(plain, gids);
    const ours = await timersDuring(cached, gids);
    expect(theirs.timers).toBeGreaterThan(0);
    expect(ours.timers).toBe(0);
    expect(ours.bytes.equals(theirs.bytes)).toBe(true);
  });

  it('reports a failing encoding as the stream would, as an error event', async () => {
    const cached = fontkit.create(readFileSync(join(fonts, 'ipaexm.ttf'))) as unknown as Encodable;
    cacheSubsetGlyphs(cached);
    const subset = cached.createSubset() as unknown as EncodingSubset & { encode(): void };
    subset.encode = () => {
      throw new Error('broken glyph');
    };
    await expect(
      new Promise((resolve, reject) => subset.encodeStream().on('end', resolve).on('error', reject)),
    ).rejects.toThrow('broken glyph');
  });
});

describe('a subset of IPAmj明朝 (glyphs of odd length)', () => {
  // The glyph records of a TrueType file, as its loca table (short or long) places them.
  function glyphRecords(ttf: Buffer): Buffer[] {
    const tables = new Map<string, { offset: number; length: number }>();
    for (let i = 0; i < ttf.readUInt16BE(4); i++) {
      const at = 12 + 16 * i;
      tables.set(ttf.toString('latin1', at, at + 4), {
        offset: ttf.readUInt32BE(at + 8),
        length: ttf.readUInt32BE(at + 12),
      });
    }
    const head = tables.get('head')?.offset ?? 0;
    const short = ttf.readInt16BE(head + 50) === 0;
    const loca = tables.get('loca') ?? { offset: 0, length: 0 };
    const glyf = tables.get('glyf')?.offset ?? 0;
    const count = loca.length / (short ? 2 : 4);
    const offsets = Array.from({ length: count }, (_, i) =>
      short ? ttf.readUInt16BE(loca.offset + 2 * i) * 2 : ttf.readUInt32BE(loca.offset + 4 * i),
    );
    return offsets.slice(0, -1).map((o, i) => ttf.subarray(glyf + o, glyf + (offsets[i + 1] ?? o)));
  }

  it('keeps each glyph where loca says it starts, after a .notdef of odd length', async () => {
    const font = fontkit.create(readFileSync(join(fonts, 'ipamjm.ttf'))) as unknown as Encodable;
    cacheSubsetGlyphs(font);
    const gids = font.glyphsForString('𠮷田').map((g) => g.id);
    const records = glyphRecords(await encode(font, gids));
    // .notdef, 𠮷 (3 contours) and 田 (5): each record starts with its number of contours.
    expect(records.map((r) => r.readInt16BE(0))).toEqual([font.getGlyph(0)._decode()?.numberOfContours, 3, 5]);
  });
});
