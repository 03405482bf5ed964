import { ErrorCode } from '../../../core/contract';
import { AppError } from '../errors';
import { MAX_MEGAPIXELS, type Dimensions } from '../files/image-limits';

// What a TIFF record will cost before any page of it is decoded (issue 30 §5): its pages counted
// from the IFD chain, each page's size, and the pixels of all pages together, read from the tags
// alone. A 41 KB file can name 400 pages of 3000×3000 pixels; decoding them all at once took 24 GB.
// The reading is strict where the decoder (utif2) is not: every tag the decoder would loop over
// must fit in the file, nested IFDs are followed the way the decoder follows them and counted,
// tiles and samples are bounded. A file that passes costs the decoder at most what this says.
// Where the decoder differs from a plain reading it is refused, not guessed at (issue 30 review):
// a tag given twice (the decoder keeps the last copy), a photometric interpretation from which it
// derives the bit depth from the strips' byte counts (CFA, LinearRaw), strips or tiles that run
// past the file or beyond what their page can hold, and more tag data than a scan carries (the
// decoder turns every value into a JavaScript array: 64 tags over one 4 MB block took 2.5 GB).

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
// Bytes of tag values in all IFDs, each time the decoder reads them, leaving aside byte arrays
// (the decoder keeps those as views of the file) and a page's strip and tile arrays (bounded by
// the page's own strip count, below): a scan's tags take a few kilobytes.
const TAG_DATA_BUDGET = 1024 * 1024;
// Strips or tiles of all pages together: 300 pages of A4 at 300 dpi, a strip per row, are 1.05 million.
const STRIP_BUDGET = 1_100_000;
// Offsets and byte counts of strips (273, 279) and tiles (324, 325).
const STRIP_TAGS = [273, 279, 324, 325];
// WhiteIsZero … CIELab, ICCLab, ITULab; not CFA (32803) or LinearRaw (34892).
const PHOTOMETRICS = [0, 1, 2, 3, 4, 5, 6, 8, 9, 10];
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

// What the worker checks the decoder's reading of each page against before decoding it.
export type PageTags = { bits: number[]; samples: number; photometric: number | null; compression: number };
export type TiffPlan = { pages: Dimensions[]; tags: PageTags[]; megapixels: number };

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
  tagData = 0;
  strips = 0;
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
    const seen = new Set<number>();
    for (let i = 0; i < n; i++) {
      const e = at + 2 + i * 12;
      const tagId = this.u16(e);
      if (seen.has(tagId)) throw unreadable();
      seen.add(tagId);
      const type = this.u16(e + 2);
      const size = TYPE_SIZES[type];
      if (size === undefined) {
        if (page && i === 0) throw unreadable();
        continue;
      }
      const count = this.u32(e + 4);
      const bytes = count * size;
      if (bytes > 4 && this.u32(e + 8) + bytes > this.b.length) throw unreadable();
      if (type !== 1 && type !== 7 && !(page && STRIP_TAGS.includes(tagId))) {
        this.tagData += bytes;
        if (this.tagData > TAG_DATA_BUDGET) throw unreadable();
      }
      entries.push({ tag: tagId, type, count, at: bytes > 4 ? this.u32(e + 8) : e + 8 });
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

// One page's size and the tags the decoder sizes it by, checked against what its decoding allocates.
function page(r: Reader, entries: Entry[]): Dimensions & PageTags {
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
  const compression = single(259, 1);
  if (!COMPRESSIONS.includes(compression)) throw unreadable();
  const photometric = tag(262) ? single(262, null) : null;
  if (photometric !== null && !PHOTOMETRICS.includes(photometric)) throw unreadable();
  const samples = single(277, 1);
  const bitsTag = tag(258);
  if (bitsTag && (bitsTag.count < 1 || bitsTag.count > 8)) throw unreadable();
  const bits = bitsTag ? Array.from({ length: bitsTag.count }, (_, i) => r.value(bitsTag, i)) : [1];
  const bitsPerSample = Math.max(...bits);
  if (samples < 1 || samples > 5 || bitsPerSample < 1 || bitsPerSample > 16) throw unreadable();
  const tiled = Boolean(tag(322) || tag(323));
  const unit = { width, height: single(278, height) };
  if (tiled) {
    unit.width = single(322, null);
    unit.height = single(323, null);
    const { width: tw, height: th } = unit;
    if (tw === 0 || th === 0 || tw > 8192 || th > 8192 || tw * th > width * height + 1_048_576) throw unreadable();
  }
  strips(r, tag, { width, height, samples, bitsPerSample, compression, tiled, unit, planar: single(284, 1) });
  return { width, height, bits, samples, photometric, compression };
}

// A page's strips (or tiles): no more than its size makes, each within the file, and for
// uncompressed data no more bytes than the page holds (the decoder reads what the counts say).
function strips(
  r: Reader,
  tag: (t: number) => Entry | undefined,
  p: {
    width: number;
    height: number;
    samples: number;
    bitsPerSample: number;
    compression: number;
    tiled: boolean;
    unit: Dimensions;
    planar: number;
  },
): void {
  const offsets = tag(p.tiled ? 324 : 273);
  const counts = tag(p.tiled ? 325 : 279);
  if (!offsets) {
    // Old-style JPEG may give its data as one stream instead (JPEGInterchangeFormat).
    if (p.compression === 6 && !counts) return;
    throw unreadable();
  }
  if (!counts || counts.count !== offsets.count || p.unit.height === 0) throw unreadable();
  const planes = p.planar === 2 ? p.samples : 1;
  const units = Math.ceil(p.width / p.unit.width) * Math.ceil(p.height / p.unit.height) * planes;
  if (offsets.count < 1 || offsets.count > units) throw unreadable();
  r.strips += units;
  if (r.strips > STRIP_BUDGET) throw unreadable();
  const unitBytes = Math.ceil((p.unit.width * p.bitsPerSample * (p.samples / planes)) / 8) * p.unit.height;
  let total = 0;
  for (let i = 0; i < offsets.count; i++) {
    const n = r.value(counts, i);
    if (r.value(offsets, i) + n > r.b.length) throw unreadable();
    total += n;
  }
  if (p.compression === 1 && total > units * unitBytes) throw unreadable();
}

// Pages, sizes and total pixels of a TIFF, or a clear Japanese refusal: more pages than maxPages,
// a page over MAX_MEGAPIXELS, all pages over MAX_RECORD_MEGAPIXELS, or anything unreadable.
export function tiffPlan(content: Buffer, maxPages: number): TiffPlan {
  const r = new Reader(content);
  const seen = new Set<number>();
  const pages: Dimensions[] = [];
  const tags: PageTags[] = [];
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
    const { width, height, ...rest } = page(r, entries);
    pages.push({ width, height });
    tags.push(rest);
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
  return { pages, tags, megapixels };
}
