import { deflateSync, inflateSync } from 'node:zlib';
import { PDFDocument, concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { imageProblem, type Dimensions } from '../files/image-limits';
import { renderPages } from './redact-worker';
import { tiffPlan, type PageTags } from './tiff-plan';

// TIFFs and a PDF built to cost the decoder more than main planned (issue 30 §5, security
// review). The plans are checked without decoding: none of these files is ever decoded here on
// today's code except the small ones given to the worker.

// A tag: a value held in the entry (SHORT or LONG, one), or `count` values written after the IFD.
type Tag = { tag: number; type: number; value: number } | { tag: number; type: number; count: number; data: Buffer };

const LONG = 4;
const SHORT = 3;

// A little-endian one-page TIFF: the IFD at 8, then each tag's data, then `tail`.
function tiff(tags: Tag[], tail = Buffer.alloc(0)): Buffer {
  const ifdEnd = 8 + 2 + tags.length * 12 + 4;
  const blocks: Buffer[] = [];
  let dataAt = ifdEnd;
  const head = Buffer.alloc(ifdEnd);
  head.write('II', 0, 'latin1');
  head.writeUInt16LE(42, 2);
  head.writeUInt32LE(8, 4);
  head.writeUInt16LE(tags.length, 8);
  tags.forEach((t, i) => {
    const e = 10 + i * 12;
    head.writeUInt16LE(t.tag, e);
    head.writeUInt16LE(t.type, e + 2);
    if ('value' in t) {
      head.writeUInt32LE(1, e + 4);
      if (t.type === SHORT) head.writeUInt16LE(t.value, e + 8);
      else head.writeUInt32LE(t.value, e + 8);
    } else {
      head.writeUInt32LE(t.count, e + 4);
      head.writeUInt32LE(dataAt, e + 8);
      blocks.push(t.data);
      dataAt += t.data.length;
    }
  });
  return Buffer.concat([head, ...blocks, tail]);
}

// An uncompressed 8-bit grey page of width × height, its one strip last (its byte count
// `stripCount` if given).
function grey(width: number, height: number, extra: Tag[] = [], stripCount?: number): Buffer {
  const strip = Buffer.alloc(width * height, 0x80);
  const tags = (at: number): Tag[] => [
    { tag: 256, type: LONG, value: width },
    { tag: 257, type: LONG, value: height },
    { tag: 258, type: SHORT, value: 8 },
    { tag: 259, type: SHORT, value: 1 },
    { tag: 262, type: SHORT, value: 1 },
    { tag: 273, type: LONG, value: at },
    { tag: 277, type: SHORT, value: 1 },
    { tag: 278, type: LONG, value: height },
    { tag: 279, type: LONG, value: stripCount ?? strip.length },
    ...extra,
  ];
  const length = tiff(tags(0)).length;
  return tiff(tags(length), strip);
}

const refused = (b: Buffer) => () => tiffPlan(b, 300);

describe('TIFF tags the decoder reads otherwise than the plan', () => {
  it('refuses a tag given twice, in a page and in a nested IFD, in both readers', () => {
    // 100 × 100, then 30000 × 30000: the decoder keeps the last copy.
    const twice = grey(100, 100, [
      { tag: 256, type: LONG, value: 30_000 },
      { tag: 257, type: LONG, value: 30_000 },
    ]);
    expect(refused(twice)).toThrow('読み取れませんでした');
    expect(imageProblem(twice, 'image/tiff')).toContain('読み取れませんでした');
    // An EXIF IFD with one tag twice.
    const exif = Buffer.alloc(2 + 2 * 12 + 4);
    exif.writeUInt16LE(2, 0);
    for (const i of [0, 1]) {
      exif.writeUInt16LE(0x9000, 2 + i * 12);
      exif.writeUInt16LE(7, 2 + i * 12 + 2);
      exif.writeUInt32LE(4, 2 + i * 12 + 4);
    }
    const page = grey(10, 10, [{ tag: 34665, type: LONG, value: 0 }]);
    const nested = Buffer.concat([page, exif]);
    nested.writeUInt32LE(page.length, 10 + 9 * 12 + 8);
    expect(refused(nested)).toThrow('読み取れませんでした');
    expect(tiffPlan(grey(10, 10), 300).pages).toEqual([{ width: 10, height: 10 }]);
  });

  it('refuses CFA and LinearRaw pages, and strips past the file or the page', () => {
    for (const photometric of [32803, 34892]) {
      const cfa = grey(10, 10);
      cfa.writeUInt16LE(photometric, 10 + 4 * 12 + 8);
      expect(refused(cfa)).toThrow('読み取れませんでした');
    }
    // 1000 × 1000 whose strip claims 10^9 bytes (the decoder took its bit depth from that).
    expect(refused(grey(1000, 1000, [], 1e9))).toThrow('読み取れませんでした');
    // Within the file, but more than a 10 × 10 page of 8 bits holds.
    const padded = Buffer.concat([grey(10, 10, [], 1000), Buffer.alloc(1000)]);
    expect(refused(padded)).toThrow('読み取れませんでした');
  });

  it('refuses more tag data than a scan carries (many tags over one shared block)', () => {
    // 64 private RATIONAL tags of 20,000 values each, all over one 160 KB block: 10 MB to read.
    const block = Buffer.alloc(20_000 * 8, 1);
    const tags: Tag[] = Array.from({ length: 64 }, (_, i) => ({
      tag: 40_000 + i,
      type: 5,
      count: 20_000,
      data: Buffer.alloc(0),
    }));
    const withTags = grey(10, 10, tags);
    // Point every one of them at the block appended after the file.
    const file = Buffer.concat([withTags, block]);
    for (let i = 0; i < 64; i++) file.writeUInt32LE(withTags.length, 10 + (9 + i) * 12 + 8);
    expect(refused(file)).toThrow('読み取れませんでした');
  });

  it('has the worker refuse a page the decoder reads otherwise than main planned', async () => {
    const file = grey(20, 20);
    // What main reads of this file, and the same with another bit depth.
    const honest = [{ width: 20, height: 20, bits: [8], samples: 1, photometric: 1, compression: 1 }];
    const sizes = [{ ...(honest[0] as Dimensions & PageTags), bits: [16] }];
    const job = { content: file, format: 'tiff' as const, marks: [], dpi: 200, pageCount: 1, maxPagePixels: 50e6 };
    await expect(renderPages({ ...job, sizes })).rejects.toThrow('読み取れませんでした');
    expect((await renderPages({ ...job, sizes: honest })).length).toBe(1);
    expect(tiffPlan(file, 300)).toMatchObject({
      pages: [{ width: 20, height: 20 }],
      tags: [{ bits: [8], samples: 1 }],
    });
  });
});

describe('PDF images larger than a page may be', () => {
  it('leaves out a 51.8 megapixel picture instead of decoding it', { timeout: 30_000 }, async () => {
    const side = 7_200;
    const pdf = await PDFDocument.create();
    // Black pixels, 52 MB deflated to 50 KB.
    const image = pdf.context.register(
      pdf.context.stream(deflateSync(Buffer.alloc(side * side)), {
        Type: 'XObject',
        Subtype: 'Image',
        Width: side,
        Height: side,
        ColorSpace: 'DeviceGray',
        BitsPerComponent: 8,
        Filter: 'FlateDecode',
      }),
    );
    const page = pdf.addPage([595.28, 841.89]);
    const name = page.node.newXObject('Big', image);
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(595.28, 0, 0, 841.89, 0, 0),
      drawObject(name),
      popGraphicsState(),
    );
    const bytes = Buffer.from(await pdf.save());
    expect(bytes.length).toBeLessThan(512 * 1024);
    const [out] = await renderPages({
      content: bytes,
      format: 'pdf',
      marks: [],
      dpi: 72,
      pageCount: 1,
      sizes: null,
      maxPagePixels: 50e6,
    });
    const rgb = inflateSync(Buffer.from(out?.data ?? []));
    const middle =
      ((Math.floor((out?.height ?? 0) / 2) * (out?.width ?? 0) + Math.floor((out?.width ?? 0) / 2)) * 3) | 0;
    // White: the picture was not drawn (on today's code it was decoded and drawn black).
    expect(rgb[middle]).toBe(255);
  });
});
