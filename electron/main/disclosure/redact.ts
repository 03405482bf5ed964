import { deflateSync } from 'node:zlib';
import { ErrorCode } from '../../../core/contract';
import type { AreaMark, Mark } from '../../../core/domain/disclosure/marks';
import type { RecordFormat } from '../../../core/domain/disclosure/records';
import { AppError } from '../errors';
import { tiffPages } from '../files/image-limits';

// True redaction of a document record (issue 17 §2): every page is rendered to an image (PDF pages
// at 200 dpi through pdf.js on @napi-rs/canvas; images at their own resolution), the rectangles
// are filled solid black in the pixels, and a new PDF is made of those images alone. Nothing of
// the original survives — no text layer, no original image data, no annotation, no shared
// resource — because no object of the original file is copied: every page of a document with a
// rectangle is rasterised, not only the pages with one.

export const REDACTION_DPI = 200;
export const MAX_REDACTED_PAGES = 300;
const DOCUMENT_FORMATS: readonly RecordFormat[] = ['pdf', 'png', 'jpeg', 'tiff'];
export const isDocument = (f: RecordFormat) => DOCUMENT_FORMATS.includes(f);

type Canvas = import('@napi-rs/canvas').Canvas;
type PdfLib = typeof import('pdf-lib');
type PageImage = { canvas: Canvas; widthPt: number; heightPt: number };

const unreadable = () =>
  new AppError(
    ErrorCode.BAD_INPUT,
    'この記録のページを読み取れませんでした（ファイルが壊れているか、暗号化されています）。',
  );

async function pdfjs() {
  const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return lib;
}

function fontData(): { standardFontDataUrl: string; cMapUrl: string } {
  // Fonts a PDF names but does not embed (Helvetica, MS-Mincho via CMaps) come with pdf.js.
  const root = require.resolve('pdfjs-dist/package.json').replace(/package\.json$/, '');
  return { standardFontDataUrl: `${root}standard_fonts/`, cMapUrl: `${root}cmaps/` };
}

async function openPdf(content: Uint8Array) {
  const { getDocument } = await pdfjs();
  try {
    return await getDocument({
      data: new Uint8Array(content),
      ...fontData(),
      cMapPacked: true,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch {
    throw unreadable();
  }
}

// The number of pages a document record has (an image has one; a TIFF one per IFD).
export async function documentPageCount(content: Buffer, format: RecordFormat): Promise<number> {
  if (format === 'png' || format === 'jpeg') return 1;
  if (format === 'tiff') return tiffPages(content)?.length ?? 0;
  const pdf = await openPdf(content);
  const n = pdf.numPages;
  await pdf.destroy();
  return n;
}

// Each page as pixels, one at a time (a 100-page scan is never all in memory).
async function* pages(content: Buffer, format: RecordFormat): AsyncGenerator<PageImage> {
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const ptPerPx = 72 / REDACTION_DPI;
  if (format === 'png' || format === 'jpeg') {
    const image = await loadImage(content).catch(() => {
      throw unreadable();
    });
    const canvas = createCanvas(image.width, image.height);
    canvas.getContext('2d').drawImage(image, 0, 0);
    yield { canvas, widthPt: image.width * ptPerPx, heightPt: image.height * ptPerPx };
    return;
  }
  if (format === 'tiff') {
    const { default: UTIF } = await import('utif2');
    const ifds = UTIF.decode(content);
    for (const ifd of ifds) {
      UTIF.decodeImage(content, ifd);
      const rgba = UTIF.toRGBA8(ifd);
      const canvas = createCanvas(ifd.width, ifd.height);
      const ctx = canvas.getContext('2d');
      const data = ctx.createImageData(ifd.width, ifd.height);
      data.data.set(rgba);
      ctx.putImageData(data, 0, 0);
      yield { canvas, widthPt: ifd.width * ptPerPx, heightPt: ifd.height * ptPerPx };
    }
    return;
  }
  const pdf = await openPdf(content);
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: REDACTION_DPI / 72 });
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvas: canvas as never, canvasContext: ctx as never, viewport, annotationMode: 0 }).promise;
      page.cleanup();
      yield { canvas, widthPt: base.width, heightPt: base.height };
    }
  } finally {
    await pdf.destroy();
  }
}

// The pixel rectangle of a mark on a canvas: rounded outwards, so that no partial pixel at an
// edge keeps a trace of what is under it.
export function pixelRect(m: AreaMark, width: number, height: number) {
  const x0 = Math.max(0, Math.floor(m.x * width));
  const y0 = Math.max(0, Math.floor(m.y * height));
  const x1 = Math.min(width, Math.ceil((m.x + m.width) * width));
  const y1 = Math.min(height, Math.ceil((m.y + m.height) * height));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

// A page of the new PDF that draws the canvas's pixels and nothing else: an RGB image (no alpha
// mask; Flate-compressed by zlib) scaled to the page.
function drawPixels(lib: PdfLib, out: import('pdf-lib').PDFDocument, page: PageImage): void {
  const { PDFName, concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState } = lib;
  const { width, height } = page.canvas;
  const rgba = page.canvas.getContext('2d').getImageData(0, 0, width, height).data;
  const rgb = Buffer.allocUnsafe(width * height * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    rgb[j] = rgba[i] as number;
    rgb[j + 1] = rgba[i + 1] as number;
    rgb[j + 2] = rgba[i + 2] as number;
  }
  const image = out.context.register(
    out.context.stream(deflateSync(rgb, { level: 6 }), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: width,
      Height: height,
      ColorSpace: 'DeviceRGB',
      BitsPerComponent: 8,
      Filter: 'FlateDecode',
    }),
  );
  const p = out.addPage([page.widthPt, page.heightPt]);
  const name = p.node.newXObject('Page', image);
  p.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(page.widthPt, 0, 0, page.heightPt, 0, 0),
    drawObject(name),
    popGraphicsState(),
  );
  // pdf-lib gives a page empty /Annots and font lists; this page has neither.
  p.node.delete(PDFName.of('Annots'));
  p.node.Resources()?.delete(PDFName.of('Font'));
  p.node.Resources()?.delete(PDFName.of('ExtGState'));
}

// The redacted document as a new PDF of page images; onPage reports progress.
export async function redactToPdf(
  content: Buffer,
  format: RecordFormat,
  marks: readonly Mark[],
  onPage?: (done: number) => void,
): Promise<Uint8Array> {
  const lib = await import('pdf-lib');
  const out = await lib.PDFDocument.create();
  out.setProducer('Madoguchi');
  out.setCreator('Madoguchi');
  const areas = marks.filter((m): m is AreaMark => m.target === 'area');
  let n = 0;
  for await (const page of pages(content, format)) {
    if (n >= MAX_REDACTED_PAGES) {
      throw new AppError(ErrorCode.BAD_INPUT, `黒塗りできるのは1つの記録につき${MAX_REDACTED_PAGES}ページまでです。`);
    }
    const ctx = page.canvas.getContext('2d');
    ctx.fillStyle = '#000000';
    for (const m of areas.filter((a) => a.page === n)) {
      const r = pixelRect(m, page.canvas.width, page.canvas.height);
      ctx.fillRect(r.x, r.y, r.width, r.height);
    }
    drawPixels(lib, out, page);
    n += 1;
    onPage?.(n);
  }
  if (n === 0) throw unreadable();
  return out.save({ useObjectStreams: false });
}
