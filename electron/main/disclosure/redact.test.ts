import { execFileSync } from 'node:child_process';
import { storeOf } from '../db/store-engines';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts, fill, rectangle, rgb, setFillingRgbColor } from 'pdf-lib';
import { PNG } from 'pngjs';
import UTIF from 'utif2';
import { describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import type { AreaMark } from '../../../core/domain/disclosure/marks';
import { call, failure, intakeInput, makeServices, setupVault, tempDataDir } from '../testing/support';
import { clearRedacted, insertRedactedPart, redactedParts } from '../db/repositories/disclosure-records';
import { tiffClaiming } from '../files/hostile-images';
import { REDACTION_DPI, redactToPdf } from './redact';
import { tiffPlan } from './tiff-plan';

// A worker that stops one page short, when a test asks for it (issue 30 §4).
const short = vi.hoisted(() => ({ on: false }));
vi.mock('./redact-worker', async (original) => {
  const real = await original<typeof import('./redact-worker')>();
  return {
    ...real,
    renderPages: async (...args: Parameters<typeof real.renderPages>) => {
      const pages = await real.renderPages(...args);
      return short.on ? pages.slice(0, -1) : pages;
    },
  };
});

// True redaction, checked with independent tools: pdftotext finds no word at all (no text layer
// survives, not even invisible OCR text), the pixels inside each rectangle are solid black in the
// image the PDF carries, and no object of the original page (text, font, annotation, image) is in
// the output.

const reason = '事業の適正な実施に著しい支障を及ぼすおそれがあるため。';
const area = (page: number, x: number, y: number, width: number, height: number): AreaMark => ({
  target: 'area',
  page,
  x,
  y,
  width,
  height,
  ground: 'a33-2-2',
  reason,
});

// A 2-page A4 call note: page 2 has a secret line (in the rectangle), a visible public line, an
// invisible OCR-like layer, an annotation and an image.
async function callNote(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const p1 = pdf.addPage([595.28, 841.89]);
  p1.drawText('PublicFirstPage', { x: 60, y: 760, size: 14, font });
  const p2 = pdf.addPage([595.28, 841.89]);
  p2.drawText('SecretOperatorNote', { x: 60, y: 760, size: 14, font });
  p2.drawText('PublicSecondPage', { x: 60, y: 400, size: 14, font });
  p2.drawText('HiddenOcrLayer', { x: 60, y: 300, size: 14, font, opacity: 0 });
  p2.drawRectangle({ x: 300, y: 740, width: 100, height: 40, color: rgb(0.2, 0.6, 0.2) });
  return Buffer.from(await pdf.save());
}

function tool(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'latin1', maxBuffer: 512 * 1024 * 1024 });
}

function saved(bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'madoguchi-redact-')), 'out.pdf');
  writeFileSync(file, bytes);
  return file;
}

// The page images the PDF carries, decoded.
function images(file: string): PNG[] {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-redact-img-'));
  execFileSync('pdfimages', ['-png', file, join(dir, 'p')]);
  return readdirSync(dir)
    .sort()
    .map((f) => PNG.sync.read(readFileSync(join(dir, f))));
}

// The pixels a rectangle covers, rounded outwards (whatever is under its edge is withheld too).
function pixelRect(m: AreaMark, width: number, height: number) {
  const x = Math.floor(m.x * width);
  const y = Math.floor(m.y * height);
  return {
    x,
    y,
    width: Math.min(width, Math.ceil((m.x + m.width) * width)) - x,
    height: Math.min(height, Math.ceil((m.y + m.height) * height)) - y,
  };
}

function solidBlack(png: PNG, m: AreaMark): boolean {
  const r = pixelRect(m, png.width, png.height);
  for (let y = r.y; y < r.y + r.height; y++) {
    for (let x = r.x; x < r.x + r.width; x++) {
      const i = (y * png.width + x) * 4;
      if (png.data[i] !== 0 || png.data[i + 1] !== 0 || png.data[i + 2] !== 0) return false;
    }
  }
  return r.width > 0 && r.height > 0;
}

describe('true redaction of documents', () => {
  it('leaves nothing of a PDF page but pixels, with the rectangle solid black', async () => {
    const marks = [area(1, 0.05, 0.05, 0.5, 0.06), area(1, 0.45, 0.04, 0.3, 0.1)];
    const file = saved(await redactToPdf(await callNote(), 'pdf', marks));
    expect(tool('pdftotext', [file, '-']).trim()).toBe('');
    const pages = images(file);
    expect(pages).toHaveLength(2);
    // At least 200 dpi on A4 (210 mm = 1654 px).
    for (const p of pages) expect(p.width).toBeGreaterThanOrEqual(Math.floor((210 / 25.4) * REDACTION_DPI));
    for (const m of marks) expect(solidBlack(pages[1] as PNG, m)).toBe(true);
    // Outside the rectangles the page is still there (not all black, not all white).
    const page2 = pages[1] as PNG;
    const dark = page2.data.filter((_, i) => i % 4 === 0 && page2.data[i] === 0).length;
    expect(dark).toBeGreaterThan(0);
    expect(dark).toBeLessThan(page2.width * page2.height * 0.2);
    // No text, font, annotation or vector drawing of the original: each page draws one image.
    const objects = (
      JSON.parse(tool('qpdf', ['--json=2', '--json-key=qpdf', file])) as {
        qpdf: [unknown, Record<string, { value?: unknown; stream?: { dict: Record<string, unknown> } }>];
      }
    ).qpdf[1];
    expect(JSON.stringify(objects)).not.toMatch(/\/Font|\/Annots|Secret|Hidden|Public/);
    const streams = Object.entries(objects).filter(([, o]) => o.stream);
    const isImage = (o: { stream?: { dict: Record<string, unknown> } }) => o.stream?.dict['/Subtype'] === '/Image';
    expect(streams.filter(([, o]) => isImage(o))).toHaveLength(2);
    // Every other stream is a page's content: it draws its image and nothing else.
    for (const [key] of streams.filter(([, o]) => !isImage(o))) {
      const id = /obj:(\d+) /.exec(key)?.[1] ?? '';
      const content = tool('qpdf', [`--show-object=${id}`, '--filtered-stream-data', file]);
      expect(content.replace(/\s+/g, ' ').trim()).toMatch(/^q [\d. ]+ cm \/[\w-]+ Do Q$/);
    }
  });

  it('redacts images in their own pixels, TIFF pages included', async () => {
    const w = 400;
    const h = 300;
    const rgba = new Uint8Array(w * h * 4).fill(200);
    const png = new PNG({ width: w, height: h });
    png.data = Buffer.from(rgba);
    const mark = area(0, 0.25, 0.25, 0.5, 0.5);
    const fromPng = images(saved(await redactToPdf(PNG.sync.write(png), 'png', [mark])));
    expect(fromPng[0]?.width).toBe(w);
    expect(solidBlack(fromPng[0] as PNG, mark)).toBe(true);
    const tiff = Buffer.from(UTIF.encodeImage(rgba, w, h));
    const fromTiff = images(saved(await redactToPdf(tiff, 'tiff', [mark])));
    expect(fromTiff).toHaveLength(1);
    expect(solidBlack(fromTiff[0] as PNG, mark)).toBe(true);
  });

  it('refuses rectangles off the page or on the wrong kind of record, storing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-redact-svc-'));
    const note = join(dir, 'note.pdf');
    writeFileSync(note, await callNote());
    const csv = join(dir, 't.csv');
    writeFileSync(csv, 'a,b\n1,2\n');
    const queue = [note, csv];
    const s = makeServices(tempDataDir(), {
      dialogs: { openFile: () => Promise.resolve(queue.shift() ?? null), saveFile: () => Promise.resolve(null) },
    });
    await setupVault(s);
    const r = await call(s, 'intake.create', intakeInput());
    for (const action of ['startCheck', 'startInvestigation'] as const) {
      await call(s, 'requests.transition', { id: r.id, action, comment: '' });
    }
    const meta = { kind: 'disclosure' as const, system: 'コールセンター', exportedOn: '2026-11-23' };
    const pdf = await call(s, 'records.add', { requestId: r.id, meta });
    const table = await call(s, 'records.add', { requestId: r.id, meta });
    const refused = async (id: string, marks: unknown[]) => {
      const e = await failure(call(s, 'records.setMarks', { id, marks } as never));
      expect(e.code).toBe(ErrorCode.BAD_INPUT);
      return [e.message, ...(e.issues ?? []).map((i) => i.message)].join(' ');
    };
    const id = pdf?.id ?? '';
    expect(await refused(id, [area(0, 0.8, 0.1, 0.3, 0.1)])).toContain('範囲がページの外にあります');
    expect(await refused(id, [area(2, 0.1, 0.1, 0.3, 0.1)])).toContain('3ページ目はこの記録にありません（全2ページ）');
    expect(await refused(id, [{ ...area(0, 0.1, 0.1, 0.3, 0.1), x: 1.5 }])).toContain('範囲がページの外にあります');
    expect(await refused(id, [{ target: 'column', column: 0, ground: 'a33-2-1', reason }])).toContain(
      '範囲（黒塗り）を指定してください',
    );
    expect(await refused(table?.id ?? '', [area(0, 0.1, 0.1, 0.3, 0.1)])).toContain('列・行・セルを指定してください');
    expect((await call(s, 'records.list', { requestId: r.id })).map((x) => x.marks)).toEqual([[], []]);

    // A valid rectangle is kept, and the preview of the result has no text left.
    await call(s, 'records.setMarks', { id, marks: [area(1, 0.05, 0.05, 0.5, 0.06)] });
    const preview = await call(s, 'records.redacted', { id });
    expect(preview.pages).toBe(2);
    expect(tool('pdftotext', [saved(Buffer.from(preview.base64, 'base64')), '-']).trim()).toBe('');
    // Kept: the same file again (what was checked is what is sent); new marks make a new one.
    expect((await call(s, 'records.redacted', { id })).base64).toBe(preview.base64);
    await call(s, 'records.setMarks', { id, marks: [area(0, 0.05, 0.05, 0.5, 0.06)] });
    const again = await call(s, 'records.redacted', { id });
    expect(again.base64).not.toBe(preview.base64);
    expect(again.pages).toBe(2);
    // A kept set that is not complete (writing stopped part-way) is never read.
    const db = s.vault.connection();
    await clearRedacted(storeOf(db).q, id);
    expect(await redactedParts(storeOf(db).q, id, 'x')).toBeNull();
    await insertRedactedPart(storeOf(db).q, { id, marksSha: 'x', part: 0, parts: 2, data: Buffer.from('half') });
    expect(await redactedParts(storeOf(db).q, id, 'x')).toBeNull();
    await insertRedactedPart(storeOf(db).q, { id, marksSha: 'x', part: 1, parts: 2, data: Buffer.from('done') });
    expect(await redactedParts(storeOf(db).q, id, 'x')).toBe(2);
    await s.close();
  });
});

// A TIFF as a scanner writes it: RGB pages, each one Deflate strip (here all pages share one).
function scanTiff(pages: number, width: number, height: number, pixels?: Buffer): Buffer {
  const rgbPixels = pixels ?? Buffer.alloc(width * height * 3, 0xff);
  // Lines of "text": dark bars across the page.
  for (let y = 150; !pixels && y + 20 < height - 150; y += 60) {
    for (let row = y; row < y + 20; row++)
      rgbPixels.fill(0x20, (row * width + 150) * 3, (row * width + width - 150) * 3);
  }
  const strip = deflateSync(rgbPixels, { level: 6 });
  const tags = 10;
  const ifdSize = 2 + tags * 12 + 4;
  const bpsAt = 8 + pages * ifdSize;
  const stripAt = bpsAt + 6;
  const out = Buffer.alloc(stripAt + strip.length);
  out.write('II', 0, 'latin1');
  out.writeUInt16LE(42, 2);
  out.writeUInt32LE(8, 4);
  [8, 8, 8].forEach((v, i) => out.writeUInt16LE(v, bpsAt + i * 2));
  strip.copy(out, stripAt);
  for (let p = 0; p < pages; p++) {
    const at = 8 + p * ifdSize;
    out.writeUInt16LE(tags, at);
    const entries: [number, number, number, number][] = [
      [256, 4, 1, width],
      [257, 4, 1, height],
      [258, 3, 3, bpsAt],
      [259, 3, 1, 8],
      [262, 3, 1, 2],
      [273, 4, 1, stripAt],
      [277, 3, 1, 3],
      [278, 4, 1, height],
      [279, 4, 1, strip.length],
      [284, 3, 1, 1],
    ];
    entries.forEach(([tag, type, count, value], j) => {
      const e = at + 2 + j * 12;
      out.writeUInt16LE(tag, e);
      out.writeUInt16LE(type, e + 2);
      out.writeUInt32LE(count, e + 4);
      if (type === 3 && count === 1) out.writeUInt16LE(value, e + 8);
      else out.writeUInt32LE(value, e + 8);
    });
    out.writeUInt32LE(p < pages - 1 ? at + ifdSize : 0, at + 2 + tags * 12);
  }
  return out;
}

// The work's outcome, how long it took and how far the process's resident memory (main and the
// worker threads) rose above where it was, sampled every 10 ms.
async function measured<T>(work: () => Promise<T>) {
  const base = process.memoryUsage.rss();
  let peak = base;
  const probe = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  const started = performance.now();
  try {
    const result = await work().catch((e: unknown) => e as Error);
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, ms: performance.now() - started, growthMb: (peak - base) / 1024 / 1024 };
  } finally {
    clearInterval(probe);
  }
}

// Stops work the old way of decoding would go on with for minutes (and gigabytes).
const stopAfter = (ms: number) => {
  const c = new AbortController();
  setTimeout(() => c.abort(), ms).unref();
  return c.signal;
};

describe('hostile and large documents (issue 30)', () => {
  it('refuses a 41 KB TIFF of 400 pages of 3000×3000 before decoding any page', async () => {
    const hostile = tiffClaiming(Array.from({ length: 400 }, () => ({ width: 3000, height: 3000 })));
    expect(hostile.length).toBeLessThan(64 * 1024);
    const run = await measured(() => redactToPdf(hostile, 'tiff', [], { signal: stopAfter(3000) }));
    expect(run.result).toMatchObject({ code: ErrorCode.BAD_INPUT });
    expect((run.result as Error).message).toContain('この TIFF 画像は400ページあります');
    expect(run.ms).toBeLessThan(1000);
    expect(run.growthMb).toBeLessThan(100);
    // Under the page limit, but 1,800 megapixels in all: refused by the record's pixel limit.
    const wide = tiffClaiming(Array.from({ length: 200 }, () => ({ width: 3000, height: 3000 })));
    const run2 = await measured(() => redactToPdf(wide, 'tiff', [], { signal: stopAfter(3000) }));
    expect((run2.result as Error).message).toContain('合計約1,800メガピクセル');
    expect(run2.ms).toBeLessThan(1000);
    expect(run2.growthMb).toBeLessThan(100);
  });

  it('refuses a TIFF whose tags hide a larger page before decoding it', async () => {
    // The width and height as LONG pairs stored elsewhere: the decoder reads 60,000 × 60,000.
    const small = scanTiff(1, 100, 100);
    const pair = Buffer.alloc(8);
    pair.writeUInt32LE(60_000, 0);
    const hidden = Buffer.concat([small, pair]);
    for (const entry of [0, 1]) {
      hidden.writeUInt32LE(2, 8 + 2 + entry * 12 + 4);
      hidden.writeUInt32LE(small.length, 8 + 2 + entry * 12 + 8);
    }
    const run = await measured(() => redactToPdf(hidden, 'tiff', [], { signal: stopAfter(3000) }));
    expect((run.result as Error).message).toContain('画像が大きすぎます（60,000×60,000 ピクセル）');
    expect(run.growthMb).toBeLessThan(100);
  });

  it('refuses a TIFF whose nested IFDs would be read 2^40 times, before the decoder sees it', async () => {
    // Page 1 points (as its EXIF IFD) at a chain of SubIFD lists, each naming the next IFD twice.
    const base = tiffClaiming([{ width: 100, height: 100 }]);
    const levels = 40;
    const nested = Buffer.alloc(levels * (2 + 12 + 4 + 8));
    const at = (k: number) => base.length + k * 26;
    for (let k = 0; k < levels; k++) {
      const o = k * 26;
      nested.writeUInt16LE(1, o);
      // The last one is a leaf (any other tag).
      nested.writeUInt16LE(k + 1 < levels ? 330 : 1, o + 2);
      nested.writeUInt16LE(4, o + 4);
      nested.writeUInt32LE(2, o + 6);
      nested.writeUInt32LE(at(k) + 18, o + 10);
      nested.writeUInt32LE(0, o + 14);
      const next = k + 1 < levels ? at(k + 1) : at(k);
      nested.writeUInt32LE(next, o + 18);
      nested.writeUInt32LE(next, o + 22);
    }
    const dag = Buffer.concat([base, nested]);
    // The photometric entry (the fifth) becomes the EXIF pointer.
    dag.writeUInt16LE(34665, 8 + 2 + 4 * 12);
    dag.writeUInt16LE(4, 8 + 2 + 4 * 12 + 2);
    dag.writeUInt32LE(at(0), 8 + 2 + 4 * 12 + 8);
    const run = await measured(() => redactToPdf(dag, 'tiff', [], { signal: stopAfter(3000) }));
    expect(run.result).toMatchObject({ code: ErrorCode.BAD_INPUT });
    expect(run.ms).toBeLessThan(1000);
    // One EXIF IFD is fine, even with a tag of a type the decoder skips (EXIF 3.0's UTF-8, 129).
    const exif = Buffer.from(dag.subarray(0, base.length + 26));
    exif.writeUInt16LE(0x9010, base.length + 2);
    exif.writeUInt16LE(129, base.length + 4);
    expect(tiffPlan(exif, 300).pages).toEqual([{ width: 100, height: 100 }]);
  });

  it('refuses a TIFF whose Deflate strip inflates past its page', async () => {
    // A 100 × 100 page whose one strip inflates to 64 MB.
    const bomb = scanTiff(1, 100, 100, Buffer.alloc(64 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(200 * 1024);
    const run2 = await measured(() => redactToPdf(bomb, 'tiff', [], { signal: stopAfter(3000) }));
    expect(run2.result).toMatchObject({ code: ErrorCode.BAD_INPUT });
    expect((run2.result as Error).message).toContain('読み取れませんでした');
    expect(run2.growthMb).toBeLessThan(100);
  });

  it('redacts a 40-page A4 300 dpi colour scan one page at a time', { timeout: 120_000 }, async () => {
    const scan = scanTiff(40, 2480, 3508);
    const mark = area(39, 0.1, 0.1, 0.5, 0.2);
    const run = await measured(() => redactToPdf(scan, 'tiff', [mark]));
    if (run.result instanceof Error) throw run.result;
    const out = await PDFDocument.load(run.result);
    expect(out.getPageCount()).toBe(40);
    // Each page held only while it is drawn: about 150 MB for one page, not 1 GB for all.
    expect(run.growthMb).toBeLessThan(600);
  });

  it('refuses a result one page short of the document (a worker that stopped early)', async () => {
    short.on = true;
    try {
      const e = await failure(redactToPdf(await callNote(), 'pdf', []));
      expect(e.code).toBe(ErrorCode.INTERNAL);
      expect(e.message).toContain('黒塗りした結果のページ数（1ページ）が元の記録（2ページ）と一致しない');
    } finally {
      short.on = false;
    }
  });

  it('draws filled-in form fields and annotations as a viewer shows them', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([595.28, 841.89]);
    const field = pdf.getForm().createTextField('member.name');
    field.setText('FILLED IN BY THE MEMBER');
    const box = { x: 60, y: 600, width: 300, height: 30 };
    field.addToPage(page, { ...box, borderWidth: 0, backgroundColor: rgb(1, 1, 1) });
    // A square annotation drawn by its appearance, and the same one hidden (flag 2): a viewer
    // shows the first only.
    const square = { x: 400, y: 100, width: 100, height: 50 };
    const hiddenSquare = { x: 400, y: 300, width: 100, height: 50 };
    const appearance = pdf.context.register(
      pdf.context.formXObject([setFillingRgbColor(0, 0, 0), rectangle(0, 0, 100, 50), fill()], {
        BBox: [0, 0, 100, 50],
      }),
    );
    for (const [r, flags] of [
      [square, 4],
      [hiddenSquare, 2],
    ] as const) {
      const annot = pdf.context.obj({
        Type: 'Annot',
        Subtype: 'Square',
        Rect: [r.x, r.y, r.x + r.width, r.y + r.height],
        F: flags,
        AP: { N: appearance },
      });
      page.node.addAnnot(pdf.context.register(annot));
    }
    const file = saved(await redactToPdf(Buffer.from(await pdf.save()), 'pdf', [area(0, 0.7, 0.9, 0.2, 0.05)]));
    const [image] = images(file);
    if (!image) throw new Error('no page image');
    // The dark pixels inside a box given in PDF points.
    const scale = image.width / 595.28;
    const ink = (b: { x: number; y: number; width: number; height: number }) => {
      let n = 0;
      const top = Math.floor((841.89 - b.y - b.height) * scale);
      for (let y = top; y < top + Math.floor(b.height * scale); y++) {
        for (let x = Math.floor(b.x * scale); x < Math.floor((b.x + b.width) * scale); x++) {
          if ((image.data[(y * image.width + x) * 4] ?? 255) < 128) n += 1;
        }
      }
      return n;
    };
    // The field's text, drawn from its value; the annotation solid; the hidden one not at all.
    expect(ink(box)).toBeGreaterThan(500);
    expect(ink(square)).toBeGreaterThan(0.9 * square.width * square.height * scale * scale);
    expect(ink(hiddenSquare)).toBe(0);
    expect(tool('pdftotext', [file, '-']).trim()).toBe('');
  });
});
