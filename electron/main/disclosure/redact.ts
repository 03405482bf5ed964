import { ErrorCode } from '../../../core/contract';
import type { AreaMark, Mark } from '../../../core/domain/disclosure/marks';
import type { RecordFormat } from '../../../core/domain/disclosure/records';
import { AppError } from '../errors';
import { MAX_MEGAPIXELS, type Dimensions } from '../files/image-limits';
import { renderPages, type RenderedPage } from './redact-worker';
import { tiffPlan, type PageTags } from './tiff-plan';

// True redaction of a document record (issue 17 §2): every page is rendered to an image (PDF pages
// at 200 dpi through pdf.js on @napi-rs/canvas; images at their own resolution) on a worker
// thread, the rectangles are filled solid black in the pixels, and a new PDF is made of those
// images alone. Nothing of
// the original survives — no text layer, no original image data, no annotation, no shared
// resource — because no object of the original file is copied: every page of a document with a
// rectangle is rasterised, not only the pages with one.

export const REDACTION_DPI = 200;
export const MAX_REDACTED_PAGES = 300;
const DOCUMENT_FORMATS: readonly RecordFormat[] = ['pdf', 'png', 'jpeg', 'tiff'];
export const isDocument = (f: RecordFormat) => DOCUMENT_FORMATS.includes(f);

type PdfLib = typeof import('pdf-lib');

const unreadable = () =>
  new AppError(
    ErrorCode.BAD_INPUT,
    'この記録のページを読み取れませんでした（ファイルが壊れているか、暗号化されています）。',
  );

async function pdfjs() {
  const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return lib;
}

async function openPdf(content: Uint8Array) {
  const { getDocument } = await pdfjs();
  try {
    return await getDocument({
      data: new Uint8Array(content),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      maxImageSize: MAX_MEGAPIXELS * 1_000_000,
      verbosity: 0,
    }).promise;
  } catch {
    throw unreadable();
  }
}

// The number of pages a document record has (an image has one; a TIFF one per IFD, read from
// the chain without decoding a page, and refused over the page and pixel limits).
export async function documentPageCount(content: Buffer, format: RecordFormat): Promise<number> {
  return (await documentPages(content, format)).count;
}

async function documentPages(
  content: Buffer,
  format: RecordFormat,
): Promise<{ count: number; sizes: readonly (Dimensions & PageTags)[] | null }> {
  if (format === 'png' || format === 'jpeg') return { count: 1, sizes: null };
  if (format === 'tiff') {
    const { pages, tags } = tiffPlan(content, MAX_REDACTED_PAGES);
    return { count: pages.length, sizes: pages.map((p, i) => ({ ...p, ...(tags[i] as PageTags) })) };
  }
  const pdf = await openPdf(content);
  const count = pdf.numPages;
  await pdf.destroy();
  return { count, sizes: null };
}

// At attach (issue 30 review), a PDF over the page limit is refused as a TIFF is: even sent as its
// original, a record staff cannot preview and redact page by page is not taken. One that pdf.js
// cannot open is left as before (the preview and the package say so; an encrypted PDF may go as
// its original).
export async function refuseLongPdf(content: Buffer): Promise<void> {
  let count: number;
  try {
    count = await documentPageCount(content, 'pdf');
  } catch {
    return;
  }
  if (count > MAX_REDACTED_PAGES) {
    throw new AppError(
      ErrorCode.BAD_INPUT,
      `この PDF は${count.toLocaleString('ja-JP')}ページあります。1つの記録として扱えるのは${MAX_REDACTED_PAGES}ページまでです。ファイルを分けて出力し直してください。`,
    );
  }
}

const tooManyPages = (n: number) =>
  new AppError(
    ErrorCode.BAD_INPUT,
    `この記録は${n.toLocaleString('ja-JP')}ページあります。黒塗りできるのは1つの記録につき${MAX_REDACTED_PAGES}ページまでです。`,
  );

// A page of the new PDF that draws the page's pixels and nothing else: an RGB image (no alpha
// mask; Flate-compressed by the worker) scaled to the page.
function drawPixels(lib: PdfLib, out: import('pdf-lib').PDFDocument, page: RenderedPage): void {
  const { PDFName, concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState } = lib;
  const image = out.context.register(
    out.context.stream(page.data, {
      Type: 'XObject',
      Subtype: 'Image',
      Width: page.width,
      Height: page.height,
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

// The redacted document as a new PDF of page images, the pixel work on a worker thread; onPage
// reports progress, the signal cancels.
export async function redactToPdf(
  content: Buffer,
  format: RecordFormat,
  marks: readonly Mark[],
  opts: { onPage?: (done: number) => void; signal?: AbortSignal } = {},
): Promise<Uint8Array> {
  const lib = await import('pdf-lib');
  const out = await lib.PDFDocument.create();
  out.setProducer('Madoguchi');
  out.setCreator('Madoguchi');
  const areas = marks.filter((m): m is AreaMark => m.target === 'area');
  // Counted here, before any page is drawn; the worker's pages must be exactly these.
  const { count, sizes } = await documentPages(content, format);
  if (count === 0) throw unreadable();
  if (count > MAX_REDACTED_PAGES) throw tooManyPages(count);
  const pages = await renderPages(
    {
      content,
      format,
      marks: areas,
      dpi: REDACTION_DPI,
      pageCount: count,
      sizes,
      maxPagePixels: MAX_MEGAPIXELS * 1_000_000,
    },
    opts.onPage,
    opts.signal,
  );
  // A worker that stopped short (or said more) never yields a document of other length.
  if (pages.length !== count || pages.some((p, i) => p.index !== i)) {
    throw new AppError(
      ErrorCode.INTERNAL,
      `黒塗りした結果のページ数（${pages.length}ページ）が元の記録（${count}ページ）と一致しないため、作成を中止しました。もう一度お試しください。`,
    );
  }
  for (const page of pages) drawPixels(lib, out, page);
  return out.save({ useObjectStreams: false });
}
