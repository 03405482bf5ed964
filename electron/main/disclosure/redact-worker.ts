import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ErrorCode } from '../../../core/contract';
import type { AreaMark } from '../../../core/domain/disclosure/marks';
import type { RecordFormat } from '../../../core/domain/disclosure/records';
import { AppError } from '../errors';
import type { Dimensions } from '../files/image-limits';
import type { PageTags } from './tiff-plan';

// The pixel work of a redaction — rendering each page (pdf.js on @napi-rs/canvas), filling the
// rectangles, and compressing the RGB pixels — runs on a worker thread, so that main keeps
// answering the window meanwhile (issue 17 §5). The worker is a short CommonJS script given as
// source (the same file whether main runs bundled by electron-vite, in the test harness or under
// vitest); it loads its packages from the absolute paths main resolved, and sends each page back
// as soon as it is ready. Cancelling terminates it.

export type RenderedPage = {
  index: number;
  width: number;
  height: number;
  widthPt: number;
  heightPt: number;
  data: Uint8Array;
};

const SOURCE = String.raw`
const { parentPort, workerData: job } = require('node:worker_threads');
const { deflateSync, inflateSync } = require('node:zlib');
const { createCanvas, loadImage } = require(job.paths.canvas);

// utif2 inflates a Deflate strip whole, whatever it expands to; here a strip may fill at most the
// rest of its page.
function boundInflate(UTIF) {
  const decompress = UTIF.decode._decompress;
  UTIF.decode._decompress = function (img, ifds, data, off, len, cmpr, tgt, toff) {
    if (cmpr !== 8 && cmpr !== 32946) return decompress.apply(this, arguments);
    const room = Math.max(1, tgt.length - toff);
    const out = inflateSync(Buffer.from(data.subarray(off, off + len)), { maxOutputLength: room });
    tgt.set(out, toff);
  };
}

// The rectangles of a page, in its pixels (edges rounded outwards).
function rects(page, width, height) {
  return job.marks
    .filter((m) => m.page === page)
    .map((m) => {
      const x0 = Math.max(0, Math.floor(m.x * width));
      const y0 = Math.max(0, Math.floor(m.y * height));
      const x1 = Math.min(width, Math.ceil((m.x + m.width) * width));
      const y1 = Math.min(height, Math.ceil((m.y + m.height) * height));
      return { x0, y0, x1, y1 };
    });
}

// RGBA pixels with the rectangles black, sent as Flate-compressed RGB.
function sendRgba(rgba, width, height, page, widthPt, heightPt) {
  for (const r of rects(page, width, height)) {
    for (let y = r.y0; y < r.y1; y++) {
      const row = (y * width) * 4;
      for (let x = r.x0; x < r.x1; x++) {
        const i = row + x * 4;
        rgba[i] = 0;
        rgba[i + 1] = 0;
        rgba[i + 2] = 0;
        rgba[i + 3] = 255;
      }
    }
  }
  // Over white, as a viewer shows a transparent pixel (never the colour it hides).
  const rgb = Buffer.allocUnsafe(width * height * 3);
  for (let i = 0, j = 0; i < width * height * 4; i += 4, j += 3) {
    const a = rgba[i + 3];
    if (a === 255) {
      rgb[j] = rgba[i];
      rgb[j + 1] = rgba[i + 1];
      rgb[j + 2] = rgba[i + 2];
    } else {
      rgb[j] = (rgba[i] * a + 255 * (255 - a)) / 255;
      rgb[j + 1] = (rgba[i + 1] * a + 255 * (255 - a)) / 255;
      rgb[j + 2] = (rgba[i + 2] * a + 255 * (255 - a)) / 255;
    }
  }
  const data = new Uint8Array(deflateSync(rgb, { level: 6 }));
  parentPort.postMessage({ type: 'page', index: page, width, height, widthPt, heightPt, data }, [data.buffer]);
}

// A canvas's pixels, as a copy (opaque: every canvas here is filled white first). getImageData's
// arrays live outside the heap the collector watches, and 40 pages of them stayed in memory
// together; this copy is collected. (Shrinking the canvas to free its surface at once crashed the
// process under vitest: not done.)
function send(canvas, page, widthPt, heightPt) {
  sendRgba(canvas.data(), canvas.width, canvas.height, page, widthPt, heightPt);
}

// A page's tags as utif2 read them (the last copy of each, every value) against main's reading.
function sameTags(ifd, plan) {
  const first = (t, fallback) => (ifd[t] && ifd[t].length ? ifd[t][0] : fallback);
  const bits = ifd.t258 ? Array.from(ifd.t258) : [1];
  return (
    first('t256', 0) === plan.width &&
    first('t257', 0) === plan.height &&
    first('t277', 1) === plan.samples &&
    first('t259', 1) === plan.compression &&
    first('t262', null) === plan.photometric &&
    bits.length === plan.bits.length &&
    bits.every((b, i) => b === plan.bits[i])
  );
}

async function run() {
  const content = Buffer.from(job.content.buffer, job.content.byteOffset, job.content.length);
  const ptPerPx = 72 / job.dpi;
  if (job.format === 'png' || job.format === 'jpeg') {
    const image = await loadImage(content);
    const canvas = createCanvas(image.width, image.height);
    const ctx = canvas.getContext('2d');
    // On white, as a viewer shows a transparent pixel.
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0);
    send(canvas, 0, image.width * ptPerPx, image.height * ptPerPx);
  } else if (job.format === 'tiff') {
    // Main has read the IFD chain (tiff-plan.ts): the page count, sizes and total pixels are
    // within the limits. The pages are decoded one at a time and each dropped once it is sent,
    // reading the shared bytes in place (no copy per page).
    const UTIF = require(job.paths.utif);
    boundInflate(UTIF);
    const bytes = job.content.buffer;
    const ifds = UTIF.decode(bytes, { parseMN: false, debug: false });
    if (ifds.length !== job.pageCount) throw new Error('unreadable');
    for (let n = 0; n < ifds.length; n++) {
      let ifd = ifds[n];
      ifds[n] = null;
      const size = job.sizes[n];
      // The decoder sizes its buffers by what it read, not by what main planned: they must agree
      // before anything is decoded.
      if (!sameTags(ifd, size)) throw new Error('unreadable');
      UTIF.decodeImage(bytes, ifd, [ifd]);
      if (!ifd.data || ifd.width !== size.width || ifd.height !== size.height) throw new Error('unreadable');
      // No canvas (see send): these arrays are collected page by page; 40 scanned pages through
      // a canvas each stayed in memory together (5 GB).
      const rgba = UTIF.toRGBA8(ifd);
      ifd = null;
      sendRgba(rgba, size.width, size.height, n, size.width * ptPerPx, size.height * ptPerPx);
    }
  } else {
    const { getDocument } = require(job.paths.pdfjs);
    const pdf = await getDocument({
      data: new Uint8Array(content),
      standardFontDataUrl: job.paths.standardFonts,
      cMapUrl: job.paths.cmaps,
      cMapPacked: true,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      // An image larger than a page may be is left out, not decoded (a 1.9 MB file drew a
      // 12000×12000 picture into 1.77 GB).
      maxImageSize: job.maxPagePixels,
      verbosity: 0,
    }).promise;
    if (pdf.numPages !== job.pageCount) throw new Error('unreadable');
    for (let n = 1 + job.shard; n <= pdf.numPages; n += job.shards) {
      const page = await pdf.getPage(n);
      const base = page.getViewport({ scale: 1 });
      // A page larger than a scanner would make is drawn at less than the dpi, never over the
      // per-page pixel limit (a 5 m wide page at 200 dpi would need 6 GB).
      const fit = Math.sqrt(job.maxPagePixels / Math.max(1, base.width * base.height));
      const viewport = page.getViewport({ scale: Math.min(job.dpi / 72, fit) });
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      // Annotations and form fields drawn as a viewer shows them (annotationMode ENABLE: appearance
      // streams, field values), so nothing visible is lost; hidden ones stay hidden.
      await page.render({ canvas, canvasContext: ctx, viewport, annotationMode: 1 }).promise;
      page.cleanup();
      send(canvas, n - 1, base.width, base.height);
    }
    await pdf.destroy();
  }
  parentPort.postMessage({ type: 'done' });
}

run().catch(() => parentPort.postMessage({ type: 'error' }));
`;

// In the packaged app the worker reads the unpacked copies (electron-builder.yml asarUnpack).
export function unpacked(path: string): string {
  const outside = path.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  return outside !== path && existsSync(outside) ? outside : path;
}

function paths() {
  const resolve = (id: string) => unpacked(require.resolve(id));
  const root = resolve('pdfjs-dist/package.json').replace(/package\.json$/, '');
  return {
    canvas: resolve('@napi-rs/canvas'),
    utif: resolve('utif2'),
    pdfjs: resolve('pdfjs-dist/legacy/build/pdf.mjs'),
    // Fonts a PDF names but does not embed (Helvetica; MS-Mincho through the CMaps) come with pdf.js.
    standardFonts: `${root}standard_fonts/`,
    cmaps: `${root}cmaps/`,
  };
}

export const cancelled = () => new AppError(ErrorCode.CONFLICT, '作成を取り消しました。');

// Renders and redacts every page on worker threads — a PDF's pages shared between up to two
// workers (the machines here have two cores), an image on one — and returns them in page order;
// onProgress counts the pages done, the signal cancels (the workers are terminated).
export type RenderJob = {
  content: Buffer;
  format: RecordFormat;
  marks: readonly AreaMark[];
  dpi: number;
  // The pages main counted in the document (and, for a TIFF, their sizes): the worker refuses a
  // document that reads otherwise.
  pageCount: number;
  sizes: readonly (Dimensions & PageTags)[] | null;
  maxPagePixels: number;
};

export async function renderPages(
  job: RenderJob,
  onProgress?: (done: number) => void,
  signal?: AbortSignal,
): Promise<RenderedPage[]> {
  if (signal?.aborted) throw cancelled();
  const shards = job.format === 'pdf' ? Math.max(1, Math.min(2, availableParallelism())) : 1;
  const pages: RenderedPage[] = [];
  let done = 0;
  const workers: Worker[] = [];
  const abort = () => {
    for (const w of workers) void w.terminate();
  };
  signal?.addEventListener('abort', abort, { once: true });
  try {
    // One copy into shared memory that every worker reads, instead of a structured clone each.
    const content = new Uint8Array(new SharedArrayBuffer(job.content.length));
    content.set(job.content);
    const shared = { ...job, content, paths: paths(), shards };
    await Promise.all(
      Array.from({ length: shards }, (_, shard) =>
        runWorker({ ...shared, shard }, workers, (page) => {
          pages[page.index] = page;
          done += 1;
          onProgress?.(done);
        }),
      ),
    );
  } catch (err) {
    abort();
    if (signal?.aborted) throw cancelled();
    throw err;
  } finally {
    signal?.removeEventListener('abort', abort);
  }
  if (signal?.aborted) throw cancelled();
  // A page missing from the set (a worker that stopped short) is an error, never a gap.
  const all = Array.from(pages, (p) => p as RenderedPage | undefined);
  if (all.some((p) => p === undefined)) {
    throw new AppError(ErrorCode.INTERNAL, '黒塗りの処理に失敗しました。もう一度お試しください。');
  }
  return all as RenderedPage[];
}

// A worker's heap: what a legitimate page needs (pixels live outside it) with room to spare; a
// document that makes the decoder build more than this is refused, not the app's memory spent.
const HEAP_MB = 1_024;

function runWorker(
  data: Record<string, unknown>,
  workers: Worker[],
  onPage: (page: RenderedPage & { index: number }) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SOURCE, {
      eval: true,
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
    });
    workers.push(worker);
    worker.on('message', (m: { type: 'page' | 'done' | 'error' } & Partial<RenderedPage>) => {
      if (m.type === 'page') {
        onPage(m as RenderedPage & { index: number });
        return;
      }
      void worker.terminate();
      if (m.type === 'done') resolve();
      else {
        reject(
          new AppError(
            ErrorCode.BAD_INPUT,
            'この記録のページを読み取れませんでした（ファイルが壊れているか、暗号化されています）。',
          ),
        );
      }
    });
    worker.on('error', (err: Error & { code?: string }) => {
      reject(
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new AppError(
              ErrorCode.BAD_INPUT,
              'この記録は読み取りに必要なメモリーが上限を超えるため、黒塗りできません。ページを分けるか、解像度を下げて出力し直してください。',
            )
          : new AppError(ErrorCode.INTERNAL, '黒塗りの処理に失敗しました。もう一度お試しください。'),
      );
    });
    // Terminated (cancelled) before it finished.
    worker.on('exit', () => {
      reject(new AppError(ErrorCode.CONFLICT, '作成を取り消しました。'));
    });
  });
}
