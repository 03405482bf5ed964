import { Body1, Spinner } from '@fluentui/react-components';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';
import type { TiffPage, TiffReply } from './tiff.worker';

// pdf.js (1 MB of script) is loaded when a preview or a print first needs it, not with the window.
let pdfjs: Promise<typeof import('pdfjs-dist')> | null = null;
function loadPdfJs(): Promise<typeof import('pdfjs-dist')> {
  pdfjs ??= import('pdfjs-dist').then((m) => {
    m.GlobalWorkerOptions.workerSrc = workerUrl;
    return m;
  });
  return pdfjs;
}

const MAX_PAGES = 10;
// A hostile file must not take the window down: pdf.js skips images above this size, and no
// page is drawn on a canvas larger than this (a giant page is drawn smaller instead).
const MAX_IMAGE_PIXELS = 50_000_000;
const MAX_CANVAS_PIXELS = 16_000_000;
const pdfOptions = {
  isEvalSupported: false,
  disableFontFace: true,
  maxImageSize: MAX_IMAGE_PIXELS,
  canvasMaxAreaInBytes: MAX_CANVAS_PIXELS * 4,
} as const;

// The scale that draws a page at `wanted` but never on more than MAX_CANVAS_PIXELS.
function boundedScale(width: number, height: number, wanted: number): number {
  return Math.min(wanted, Math.sqrt(MAX_CANVAS_PIXELS / Math.max(1, width * height)));
}

export function bytesOf(base64: string): Uint8Array {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function canvasFor(width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.style.maxWidth = '100%';
  canvas.style.display = 'block';
  canvas.style.marginBottom = '8px';
  canvas.setAttribute('role', 'img');
  return canvas;
}

// TIFF pages decoded by UTIF in a worker (off the window's thread); a page over the limit or a
// broken file is an error, and the preview says it could not be shown.
function decodeTiff(buffer: ArrayBuffer): Promise<TiffPage[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./tiff.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<TiffReply>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.pages);
      else reject(new Error('tiff'));
    };
    worker.onerror = () => {
      worker.terminate();
      reject(new Error('tiff'));
    };
    worker.postMessage({ buffer, maxPages: MAX_PAGES, maxPixels: MAX_IMAGE_PIXELS }, [buffer]);
  });
}

// A PNG or JPEG drawn on a canvas (decoded by the browser; no URL is made for it).
async function imagePage(data: Uint8Array, mime: string, label: string): Promise<HTMLCanvasElement> {
  const bitmap = await createImageBitmap(new Blob([data as BlobPart], { type: mime }));
  const canvas = canvasFor(bitmap.width, bitmap.height);
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
  bitmap.close();
  canvas.setAttribute('aria-label', label);
  return canvas;
}

// One page (0-based) of a PDF, PNG, JPEG or TIFF, with the number of pages: for marking a long
// document page by page without drawing every page at once.
export async function renderOnePage(
  mime: string,
  data: Uint8Array,
  index: number,
  label: string,
): Promise<{ canvas: HTMLCanvasElement; pages: number }> {
  const name = `${label} ${index + 1}ページ目`;
  if (mime === 'application/pdf') {
    const { getDocument } = await loadPdfJs();
    const pdf = await getDocument({ data: data.slice(), ...pdfOptions }).promise;
    try {
      const page = await pdf.getPage(index + 1);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: boundedScale(base.width, base.height, 1.5) });
      const canvas = canvasFor(Math.ceil(viewport.width), Math.ceil(viewport.height));
      await page.render({ canvas, viewport }).promise;
      canvas.setAttribute('aria-label', name);
      return { canvas, pages: pdf.numPages };
    } finally {
      await pdf.destroy();
    }
  }
  if (mime === 'image/tiff') {
    const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
    const decoded = await decodeTiff(buffer);
    const page = decoded[index];
    if (!page) throw new Error('page');
    const canvas = canvasFor(page.width, page.height);
    canvas
      .getContext('2d')
      ?.putImageData(new ImageData(new Uint8ClampedArray(page.rgba), page.width, page.height), 0, 0);
    canvas.setAttribute('aria-label', name);
    return { canvas, pages: decoded.length };
  }
  return { canvas: await imagePage(data, mime, name), pages: 1 };
}

// PDF pages through pdf.js; TIFF (fax) pages through UTIF, in a worker.
async function render(mime: string, data: Uint8Array, label: string): Promise<HTMLCanvasElement[]> {
  const pages: HTMLCanvasElement[] = [];
  if (mime === 'application/pdf') {
    const { getDocument } = await loadPdfJs();
    const pdf = await getDocument({ data, ...pdfOptions }).promise;
    for (let n = 1; n <= Math.min(pdf.numPages, MAX_PAGES); n++) {
      const page = await pdf.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: boundedScale(base.width, base.height, 1.5) });
      const canvas = canvasFor(Math.ceil(viewport.width), Math.ceil(viewport.height));
      await page.render({ canvas, viewport }).promise;
      canvas.setAttribute('aria-label', `${label} ${n}ページ目`);
      pages.push(canvas);
    }
    await pdf.destroy();
  } else if (mime === 'image/png' || mime === 'image/jpeg') {
    pages.push(await imagePage(data, mime, `${label} 1ページ目`));
  } else if (mime === 'image/tiff') {
    const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
    const decoded = await decodeTiff(buffer);
    decoded.forEach((page, i) => {
      const canvas = canvasFor(page.width, page.height);
      canvas
        .getContext('2d')
        ?.putImageData(new ImageData(new Uint8ClampedArray(page.rgba), page.width, page.height), 0, 0);
      canvas.setAttribute('aria-label', `${label} ${i + 1}ページ目`);
      pages.push(canvas);
    });
  }
  return pages;
}

// Shows a scanned PDF or TIFF in the window; nothing decrypted is written to disk.
export function ScanPreview(props: { mime: string; base64: string; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'done' | 'failed'>('loading');
  useEffect(() => {
    let cancelled = false;
    render(props.mime, bytesOf(props.base64), props.label)
      .then((pages) => {
        if (cancelled || !host.current) return;
        host.current.replaceChildren(...pages);
        setState('done');
      })
      .catch(() => {
        if (!cancelled) setState('failed');
      });
    return () => {
      cancelled = true;
    };
  }, [props.mime, props.base64, props.label]);
  return (
    <div>
      {state === 'loading' && <Spinner size="tiny" label="表示しています…" />}
      {state === 'failed' && (
        <Body1>このファイルは表示できませんでした（ファイルが壊れているか、対応していない形式です）。</Body1>
      )}
      <div ref={host} />
    </div>
  );
}

// Prints a PDF through the system print dialog: its pages are drawn by pdf.js at print
// resolution into a print-only layer, and the rest of the window is hidden while printing.
export async function printPdf(documents: string | string[]): Promise<void> {
  const layer = document.createElement('div');
  layer.className = 'letter-print';
  try {
    for (const base64 of typeof documents === 'string' ? [documents] : documents) await drawPages(base64, layer);
    document.body.append(layer);
    document.body.classList.add('printing-letter');
    window.print();
  } finally {
    document.body.classList.remove('printing-letter');
    layer.remove();
  }
}

async function drawPages(base64: string, layer: HTMLElement): Promise<void> {
  const { getDocument } = await loadPdfJs();
  const pdf = await getDocument({ data: bytesOf(base64), ...pdfOptions }).promise;
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      // About 220 dpi: sharp small Mincho on office printers, still light on memory.
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: boundedScale(base.width, base.height, 3) });
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      await page.render({ canvas, viewport }).promise;
      const img = document.createElement('img');
      img.src = canvas.toDataURL('image/png');
      img.alt = '';
      layer.append(img);
    }
  } finally {
    await pdf.destroy();
  }
}
