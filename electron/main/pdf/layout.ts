import { randomBytes } from 'node:crypto';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { breakLines } from '../../../core/domain/letters/kinsoku';
import { useNativeDeflate } from './deflate';
import type { LetterFonts } from './fonts';
import { describeDocument } from './metadata';
import { attachFallback, covers, drawString, fontkitOf, needsFallback, uncoveredWidth } from './runs';

// The A4 layout engine shared by letters and reports: pdf-lib with the bundled IPAex fonts
// (subset embedded; IPAmj明朝 for the characters they lack), 禁則 line breaking, pages that
// follow the text.

export const MM = 72 / 25.4;
// 全角スペース (U+3000), the indent and separator of Japanese letters.
export const SP = '\u3000';
export const PAGE = { width: 595.28, height: 841.89 };
export const MARGIN = { left: 25 * MM, right: 20 * MM, top: 20 * MM, bottom: 22 * MM };
export const CONTENT = PAGE.width - MARGIN.left - MARGIN.right;
export const BODY = 10.5;
export const LINE = 18;
// How every letter and report is saved: classic cross-reference tables (what the signature
// placeholder expects), and no pauses between objects — pdf-lib's browser-minded default yields a
// timer tick every 50 objects, idle time that made up a tenth of a letter.
export const SAVE_OPTIONS = { useObjectStreams: false, objectsPerTick: Infinity } as const;

export { LetterFonts, type LetterFontFiles } from './fonts';

// Widths per character at size 1, per parsed font (shared by every document that embeds it):
// measuring through fontkit's shaper for every character of every line would dominate the time
// of a letter. A character the font lacks is measured as it will be drawn (runs.ts).
const widthCache = new WeakMap<object, Map<string, number>>();
export function measurer(font: PDFFont, size: number) {
  const key = fontkitOf(font) ?? font;
  let cache = widthCache.get(key);
  if (!cache) {
    cache = new Map();
    widthCache.set(key, cache);
  }
  const widths = cache;
  return (s: string) => {
    let w = 0;
    for (const ch of s) {
      let cw = widths.get(ch);
      if (cw === undefined) {
        cw = covers(font, ch) ? font.widthOfTextAtSize(ch, 1) : NaN;
        widths.set(ch, cw);
      }
      w += Number.isNaN(cw) ? uncoveredWidth(font, ch) : cw;
    }
    return w * size;
  };
}
const measureAt1 = (font: PDFFont, s: string) => measurer(font, 1)(s);

export class Writer {
  readonly pages: PDFPage[] = [];
  readonly lines: string[] = [];
  page!: PDFPage;
  y = 0;
  // The line pitch of body text (a short letter is set tighter to end on its first page).
  line = LINE;
  // Drawn at the top of each new page while set (e.g. 「記 続き」).
  onNewPage: (() => void) | null = null;

  constructor(
    private readonly doc: PDFDocument,
    readonly mincho: PDFFont,
    readonly gothic: PDFFont,
  ) {
    this.newPage();
  }

  // New pages are A4 landscape while set (a wide table's 別紙).
  landscape = false;

  // The text width of the pages being made.
  get contentWidth(): number {
    return this.landscape ? PAGE.height - MARGIN.left - MARGIN.right : CONTENT;
  }

  // Where the text ended on each page left for a new one (its unused foot).
  readonly leftAt: number[] = [];

  newPage(): void {
    if (this.pages.length > 0) this.leftAt.push(this.y);
    const [width, height] = this.landscape ? [PAGE.height, PAGE.width] : [PAGE.width, PAGE.height];
    this.page = this.doc.addPage([width, height]);
    this.pages.push(this.page);
    this.y = height - MARGIN.top;
    const header = this.onNewPage;
    if (header) {
      // Not re-entered while the header itself is drawn.
      this.onNewPage = null;
      header();
      this.onNewPage = header;
    }
  }

  // Lines that still fit on the current page.
  private linesLeft(): number {
    return Math.floor((this.y - MARGIN.bottom) / this.line);
  }

  ensure(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  text(s: string, x: number, opts: { font?: PDFFont; size?: number } = {}): void {
    const font = opts.font ?? this.mincho;
    const size = opts.size ?? BODY;
    drawString(this.page, s, { x, y: this.y - size, size, font, color: rgb(0, 0, 0) }, measureAt1);
    this.lines.push(s);
  }

  // A line of text at a baseline, in the font given (with its fallback).
  draw(s: string, at: { x: number; y: number; size: number; font?: PDFFont }): void {
    drawString(this.page, s, { ...at, font: at.font ?? this.mincho }, measureAt1);
  }

  // A paragraph wrapped to `width` with 禁則, starting at x (continuation lines at x + hang).
  paragraph(
    s: string,
    x: number,
    width: number,
    opts: { font?: PDFFont; size?: number; hang?: number; align?: 'left' | 'right' | 'center' } = {},
  ): void {
    const font = opts.font ?? this.mincho;
    const size = opts.size ?? BODY;
    const measure = measurer(font, size);
    const hang = opts.hang ?? 0;
    const first = breakLines(s, width, measure);
    // Lines after the first may be narrower (hanging indent): re-break the rest at that width.
    const lines =
      hang > 0 && first.length > 1
        ? [first[0] ?? '', ...breakLines(first.slice(1).join(''), width - hang, measure)]
        : first;
    // No paragraph leaves one line alone at the foot of a page (orphan) or at the head of the
    // next (widow): it moves on whole, or gives the next page two lines.
    const step = size > BODY ? size * 1.7 : this.line;
    let breakBefore = -1;
    const fit = this.linesLeft();
    if (lines.length >= 2 && fit < lines.length) {
      if (fit === 1) this.newPage();
      else if (lines.length - fit === 1) breakBefore = fit - 1;
    }
    lines.forEach((line, i) => {
      if (i === breakBefore) this.newPage();
      this.ensure(this.line);
      const w = measure(line);
      const lx =
        opts.align === 'right' ? x + width - w : opts.align === 'center' ? x + (width - w) / 2 : i > 0 ? x + hang : x;
      this.text(line, lx, { font, size });
      this.y -= step;
    });
  }

  gap(n = 1): void {
    this.y -= this.line * n;
  }
}

function subsetTag(): string {
  return Array.from(randomBytes(6), (b) => String.fromCharCode(65 + (b % 26))).join('');
}

// A new document with both fonts embedded as subsets and the metadata every output carries.
// `texts` are the texts the document will draw: when one has a character IPAex lacks, the
// fallback font is embedded too (read on first need).
export async function startDocument(fonts: LetterFonts, title: string, texts: Iterable<string> = []) {
  useNativeDeflate();
  const loaded = await fonts.load();
  const doc = await PDFDocument.create();
  describeDocument(doc, title);
  doc.registerFontkit(loaded.mincho.fontkit as never);
  // A subset font's name carries a six-letter tag (ISO 32000-1, 9.6.4), which pdf-lib leaves out.
  const tag = subsetTag();
  const mincho = await doc.embedFont(loaded.bytes.mincho, { subset: true, customName: `${tag}+IPAexMincho` });
  doc.registerFontkit(loaded.gothic.fontkit as never);
  const gothic = await doc.embedFont(loaded.bytes.gothic, { subset: true, customName: `${tag}+IPAexGothic` });
  if (needsFallback(texts, [loaded.mincho.font, loaded.gothic.font])) {
    const fallback = await fonts.fallback();
    if (fallback) {
      doc.registerFontkit(fallback.fontkit as never);
      const font = await doc.embedFont(fallback.bytes, { subset: true, customName: `${tag}+IPAmjMincho` });
      attachFallback(mincho, font);
      attachFallback(gothic, font);
    }
  }
  return { doc, writer: new Writer(doc, mincho, gothic) };
}

// Every string in a document model (its texts, wherever they sit), for the fallback check.
export function* stringsIn(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const v of value) yield* stringsIn(v);
  else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    for (const v of Object.values(value)) yield* stringsIn(v);
  }
}

// "n / total" centred in the bottom margin of every page, when there is more than one.
export function numberPages(w: Writer): void {
  if (w.pages.length < 2) return;
  w.pages.forEach((page, i) => {
    const label = `${i + 1} / ${w.pages.length}`;
    const width = measurer(w.mincho, 9)(label);
    page.drawText(label, { x: (page.getWidth() - width) / 2, y: MARGIN.bottom / 2, size: 9, font: w.mincho });
  });
}
