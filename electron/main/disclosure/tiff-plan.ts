import { ErrorCode } from '../../../core/contract';
import { AppError } from '../errors';
import { MAX_MEGAPIXELS, type Dimensions } from '../files/image-limits';

// What a TIFF record will cost before any page of it is decoded (issue 30 §5): its pages counted
// from the IFD chain, each page's size, and the pixels of all pages together, read from the tags
// alone. A 41 KB file can name 400 pages of 3000×3000 pixels; decoding them all at once took 24 GB.
// The reading is strict where the decoder (utif2) is not: every tag the decoder would loop over
// must fit in the file, nested IFDs are followed the way the decoder follows them and counted,
// tiles and samples are bounded. A file that passes costs the decoder at most what this says.

// All pages of one record together: 1,200 megapixels is 300 A4 pages at 200 dpi (what a PDF
// record becomes), or about 135 A4 pages scanned at 300 dpi in colour.
export const MAX_RECORD_MEGAPIXELS = 1_200;
// An IFD chain longer than this is not counted further.
const COUNT_LIMIT = 10_000;
// IFDs read in all, nested ones (EXIF, GPS, SubIFDs) included, each time the decoder would read them.
const IFD_BUDGET = 4_000;
const NESTED_DEPTH = 3;
// Scanners write a few dozen tags per page.
const MAX_TAGS = 1_000;
const TYPE_SIZES: Record<number, number> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
  13: 4,
};
// The decoder follows these as IFDs (SubIFDs, EXIF, GPS); camera-raw private IFDs are refused.
const NESTED = [330, 34665, 34853];
const CAMERA_RAW = [50740, 61440];
// None, CCITT (2, 3, 4), LZW, JPEG (old and new), Deflate, PackBits: what scanners write.
const COMPRESSIONS = [1, 2, 3, 4, 5, 6, 7, 8, 32773, 32946];

export type TiffPlan = { pages: Dimensions[]; megapixels: number };

const unreadable = () =>
  new AppError(
    ErrorCode.BAD_INPUT,
    'この TIFF 画像を読み取れませんでした（ファイルが壊れているか、対応していない形式です）。',
  );
const ja = (n: number) => n.toLocaleString('ja-JP');

type Entry = { tag: number; type: number; count: number; at: number };

class Reader {
  readonly le: boolean;
  budget = IFD_BUDGET;
  constructor(readonly b: Buffer) {
    if (b.length < 8) throw unreadable();
    const order = b.toString('latin1', 0, 2);
    if (order !== 'II' && order !== 'MM') throw unreadable();
    this.le = order === 'II';
    if (this.u16(2) !== 42) throw unreadable();
  }
  u16(o: number): number {
    if (o < 0 || o + 2 > this.b.length) throw unreadable();
    return this.le ? this.b.readUInt16LE(o) : this.b.readUInt16BE(o);
  }
  u32(o: number): number {
    if (o < 0 || o + 4 > this.b.length) throw unreadable();
    return this.le ? this.b.readUInt32LE(o) : this.b.readUInt32BE(o);
  }
  tags(at: number): number {
    const n = this.u16(at);
    if (n === 0 || n > MAX_TAGS || at + 2 + n * 12 + 4 > this.b.length) throw unreadable();
    return n;
  }
  next(at: number): number {
    return this.u32(at + 2 + this.tags(at) * 12);
  }
  // The entries of the IFD at `at` and the offset of the next one; every value fits in the file.
  // An entry of a type the decoder does not know is skipped, as the decoder does (EXIF 3.0 has
  // new ones), except first in a page's IFD, where the decoder would drop the page.
  entries(at: number, page: boolean): { entries: Entry[]; next: number } {
    const n = this.tags(at);
    const entries: Entry[] = [];
    for (let i = 0; i < n; i++) {
      const e = at + 2 + i * 12;
      const type = this.u16(e + 2);
      const size = TYPE_SIZES[type];
      if (size === undefined) {
        if (page && i === 0) throw unreadable();
        continue;
      }
      const count = this.u32(e + 4);
      const bytes = count * size;
      if (bytes > 4 && this.u32(e + 8) + bytes > this.b.length) throw unreadable();
      entries.push({ tag: this.u16(e), type, count, at: bytes > 4 ? this.u32(e + 8) : e + 8 });
    }
    return { entries, next: this.u32(at + 2 + n * 12) };
  }
  value(e: Entry, i = 0): number {
    if (e.type === 3 || e.type === 8) return this.u16(e.at + 2 * i);
    if (e.type === 4 || e.type === 9 || e.type === 13) return this.u32(e.at + 4 * i);
    if (e.type === 1 || e.type === 7) return this.b[e.at + i] ?? 0;
    throw unreadable();
  }
  // A nested IFD as the decoder reads it (recursively), counted against the budget.
  nested(at: number, depth: number): void {
    this.budget -= 1;
    if (this.budget < 0 || depth > NESTED_DEPTH) throw unreadable();
    for (const e of this.entries(at, false).entries) this.follow(e, depth);
  }
  follow(e: Entry, depth: number): void {
    if (CAMERA_RAW.includes(e.tag)) throw unreadable();
    if (!NESTED.includes(e.tag)) return;
    if (e.count > 16) throw unreadable();
    for (let i = 0; i < e.count; i++) this.nested(this.value(e, i), depth + 1);
  }
}

// One page's size, checked against what its decoding allocates.
function page(r: Reader, entries: Entry[]): Dimensions {
  const tag = (t: number) => entries.find((e) => e.tag === t);
  const single = (t: number, fallback: number | null) => {
    const e = tag(t);
    if (!e) {
      if (fallback === null) throw unreadable();
      return fallback;
    }
    if (e.count < 1 || (e.type !== 3 && e.type !== 4)) throw unreadable();
    return r.value(e);
  };
  // The decoder reads the first value of each of these.
  const width = single(256, null);
  const height = single(257, null);
  if (width === 0 || height === 0) throw unreadable();
  if (!COMPRESSIONS.includes(single(259, 1))) throw unreadable();
  const samples = single(277, 1);
  const bits = tag(258);
  const bitsPerSample = bits
    ? Math.max(...Array.from({ length: Math.min(bits.count, 8) }, (_, i) => r.value(bits, i)))
    : 1;
  if (samples < 1 || samples > 5 || bitsPerSample < 1 || bitsPerSample > 16) throw unreadable();
  if (tag(322) || tag(323)) {
    const tw = single(322, null);
    const th = single(323, null);
    if (tw === 0 || th === 0 || tw > 8192 || th > 8192 || tw * th > width * height + 1_048_576) throw unreadable();
  }
  return { width, height };
}

// Pages, sizes and total pixels of a TIFF, or a clear Japanese refusal: more pages than maxPages,
// a page over MAX_MEGAPIXELS, all pages over MAX_RECORD_MEGAPIXELS, or anything unreadable.
export function tiffPlan(content: Buffer, maxPages: number): TiffPlan {
  const r = new Reader(content);
  const seen = new Set<number>();
  const pages: Dimensions[] = [];
  let count = 0;
  for (let at = r.u32(4); at !== 0;) {
    if (seen.has(at)) throw unreadable();
    seen.add(at);
    count += 1;
    if (count > COUNT_LIMIT) break;
    // Past the limit only the chain is walked, to say how many pages there are.
    if (count > maxPages) {
      at = r.next(at);
      continue;
    }
    const { entries, next } = r.entries(at, true);
    r.budget -= 1;
    if (r.budget < 0) throw unreadable();
    for (const e of entries) r.follow(e, 0);
    pages.push(page(r, entries));
    at = next;
  }
  if (count === 0) throw unreadable();
  if (count > maxPages) {
    const n = count > COUNT_LIMIT ? `${ja(COUNT_LIMIT)}ページ以上` : `${ja(count)}ページ`;
    throw new AppError(
      ErrorCode.BAD_INPUT,
      `この TIFF 画像は${n}あります。1つの記録として扱えるのは${ja(maxPages)}ページまでです。ページを分けて読み取り直してください。`,
    );
  }
  const big = pages.find((p) => p.width * p.height > MAX_MEGAPIXELS * 1_000_000);
  if (big) {
    throw new AppError(
      ErrorCode.BAD_INPUT,
      `画像が大きすぎます（${ja(big.width)}×${ja(big.height)} ピクセル）。1ページ${MAX_MEGAPIXELS}メガピクセルまでの画像を取り込めます。スキャナーの解像度を300dpi程度にして読み取り直してください。`,
    );
  }
  const megapixels = pages.reduce((sum, p) => sum + p.width * p.height, 0) / 1_000_000;
  if (megapixels > MAX_RECORD_MEGAPIXELS) {
    throw new AppError(
      ErrorCode.BAD_INPUT,
      `この TIFF 画像は全${ja(pages.length)}ページで合計約${ja(Math.round(megapixels))}メガピクセルあり、1つの記録で扱える上限（${ja(MAX_RECORD_MEGAPIXELS)}メガピクセル、A4・300dpi のカラーで約135ページ）を超えています。ページを分けるか、解像度を下げて読み取り直してください。`,
    );
  }
  return { pages, megapixels };
}
