import { imageSize } from 'image-size';
import type { EnclosureMime } from './sniff';

// Pixel dimensions read from the file's header before anything decodes it: a 249 KB TIFF of
// 16,000² pixels asks for 1 GB of RGBA. Scanners at 300 dpi make about 17 megapixels for A3.

export const MAX_MEGAPIXELS = 50;
const MAX_TIFF_PAGES = 500;

export type Dimensions = { width: number; height: number };

// The pages of a TIFF, from its IFD chain (bounded: a chain that loops or runs past
// MAX_TIFF_PAGES is refused). Only the width and height tags are read, and only as one SHORT or
// LONG held in the entry; an IFD that gives any tag twice is refused (decoders differ on which
// copy counts: a page of 100×100 then 30000×30000 was planned by one and decoded by the other).
export function tiffPages(b: Buffer): Dimensions[] | null {
  if (b.length < 8) return null;
  const le = b[0] === 0x49;
  const u16 = (o: number) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const u32 = (o: number) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const pages: Dimensions[] = [];
  const seen = new Set<number>();
  let ifd = u32(4);
  while (ifd !== 0) {
    if (seen.has(ifd) || pages.length >= MAX_TIFF_PAGES || ifd + 2 > b.length) return null;
    seen.add(ifd);
    const count = u16(ifd);
    if (ifd + 2 + count * 12 + 4 > b.length) return null;
    let width = 0;
    let height = 0;
    const tags = new Set<number>();
    for (let i = 0; i < count; i++) {
      const e = ifd + 2 + i * 12;
      const tag = u16(e);
      if (tags.has(tag)) return null;
      tags.add(tag);
      if (tag !== 256 && tag !== 257) continue;
      // SHORT (3) or LONG (4), one value, held in the entry itself.
      const type = u16(e + 2);
      if ((type !== 3 && type !== 4) || u32(e + 4) !== 1) return null;
      const value = type === 3 ? u16(e + 8) : u32(e + 8);
      if (tag === 256) width = value;
      else height = value;
    }
    pages.push({ width, height });
    ifd = u32(ifd + 2 + count * 12);
  }
  return pages;
}

export function imagePages(content: Buffer, mime: EnclosureMime): Dimensions[] | null {
  if (mime === 'application/pdf') return [];
  if (mime === 'image/tiff') return tiffPages(content);
  try {
    const d = imageSize(content);
    return d.width && d.height ? [{ width: d.width, height: d.height }] : null;
  } catch {
    return null;
  }
}

// A Japanese sentence saying why the image cannot be taken, or null.
export function imageProblem(content: Buffer, mime: EnclosureMime, maxMegapixels = MAX_MEGAPIXELS): string | null {
  const pages = imagePages(content, mime);
  if (pages === null) return '画像の大きさを読み取れませんでした（ファイルが壊れているおそれがあります）。';
  const big = pages.find((p) => p.width * p.height > maxMegapixels * 1_000_000 || p.width === 0 || p.height === 0);
  if (!big) return null;
  if (big.width === 0 || big.height === 0)
    return '画像の大きさを読み取れませんでした（ファイルが壊れているおそれがあります）。';
  const mp = Math.round((big.width * big.height) / 1_000_000);
  return `画像が大きすぎます（${big.width.toLocaleString('ja-JP')}×${big.height.toLocaleString('ja-JP')} ピクセル、約${mp.toLocaleString('ja-JP')}メガピクセル）。${maxMegapixels}メガピクセルまでの画像を取り込めます。スキャナーの解像度を300dpi程度にして読み取り直してください。`;
}
