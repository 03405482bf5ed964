import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { PNG } from 'pngjs';
import UTIF from 'utif2';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import type { AreaMark } from '../../../core/domain/disclosure/marks';
import { call, failure, intakeInput, makeServices, setupVault, tempDataDir } from '../testing/support';
import { clearRedacted, insertRedactedPart, redactedParts } from '../db/repositories/disclosure-records';
import { REDACTION_DPI, redactToPdf } from './redact';

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
    clearRedacted(db, id);
    expect(redactedParts(db, id, 'x')).toBeNull();
    insertRedactedPart(db, { id, marksSha: 'x', part: 0, parts: 2, data: Buffer.from('half') });
    expect(redactedParts(db, id, 'x')).toBeNull();
    insertRedactedPart(db, { id, marksSha: 'x', part: 1, parts: 2, data: Buffer.from('done') });
    expect(redactedParts(db, id, 'x')).toBe(2);
    await s.close();
  });
});
