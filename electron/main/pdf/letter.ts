import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import signpdf from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import type { Letter } from '../../../core/domain/letters/catalogue';
import { breakLines } from '../../../core/domain/letters/kinsoku';
import { useNativeDeflate } from './deflate';
import type { PadesSigner } from './sign';

// Lays out a letter model as an A4 社外文書 with pdf-lib and the bundled IPAex fonts (subset
// embedded). The fonts are read and parsed once per process; each letter only subsets them.

const MM = 72 / 25.4;
// 全角スペース (U+3000), the indent and separator of Japanese letters.
const SP = '\u3000';
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { left: 25 * MM, right: 20 * MM, top: 20 * MM, bottom: 22 * MM };
const CONTENT = PAGE.width - MARGIN.left - MARGIN.right;
const BODY = 10.5;
const LINE = 18;
// 長形3号 window envelope: the address shows through a window about 20 mm from the left and
// 45 mm from the top of the folded A4 sheet.
const WINDOW = { x: 22 * MM, top: 47 * MM, width: 85 * MM };

type Parsed = { fontkit: { create: () => unknown } };

export type LetterFontFiles = { mincho: string; gothic: string };

export class LetterFonts {
  private loaded: Promise<{
    mincho: Parsed;
    gothic: Parsed;
    bytes: { mincho: Uint8Array; gothic: Uint8Array };
  }> | null = null;

  constructor(private readonly files: LetterFontFiles) {}

  static inResources(resourcesDir: string): LetterFonts {
    return new LetterFonts({
      mincho: join(resourcesDir, 'fonts', 'ipaexm.ttf'),
      gothic: join(resourcesDir, 'fonts', 'ipaexg.ttf'),
    });
  }

  // pdf-lib asks its fontkit to parse the font bytes for every document; this hands it the font
  // parsed once, so a letter costs a subset, not a parse of 8 MB of glyph tables.
  load() {
    this.loaded ??= (async () => {
      const fontkit = (await import('@pdf-lib/fontkit')).default;
      const [m, g] = await Promise.all([readFile(this.files.mincho), readFile(this.files.gothic)]);
      const parsed = (bytes: Uint8Array): Parsed => {
        const font = fontkit.create(bytes) as unknown;
        return { fontkit: { create: () => font } };
      };
      return { mincho: parsed(m), gothic: parsed(g), bytes: { mincho: m, gothic: g } };
    })();
    return this.loaded;
  }
}

export type SignatureRequest = {
  signer: PadesSigner;
  at: Date;
  // The signer as shown by PDF readers (the company and its 個人情報保護管理者).
  name: string;
  reason: string;
  location: string;
  contactInfo: string;
};

export type RenderOptions = {
  windowEnvelope: boolean;
  seal: Uint8Array | null;
  title?: string;
  signature?: SignatureRequest;
};
export type Rendered = { bytes: Uint8Array; lines: string[]; pages: number; signed: boolean };

// Widths per character at size 1, per font: measuring through fontkit's shaper for every
// character of every line would dominate the time of a letter.
const widthCache = new WeakMap<PDFFont, Map<string, number>>();
function measurer(font: PDFFont, size: number) {
  let cache = widthCache.get(font);
  if (!cache) {
    cache = new Map();
    widthCache.set(font, cache);
  }
  const widths = cache;
  return (s: string) => {
    let w = 0;
    for (const ch of s) {
      let cw = widths.get(ch);
      if (cw === undefined) {
        cw = font.widthOfTextAtSize(ch, 1);
        widths.set(ch, cw);
      }
      w += cw;
    }
    return w * size;
  };
}

class Writer {
  readonly pages: PDFPage[] = [];
  readonly lines: string[] = [];
  page!: PDFPage;
  y = 0;

  constructor(
    private readonly doc: PDFDocument,
    readonly mincho: PDFFont,
    readonly gothic: PDFFont,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = PAGE.height - MARGIN.top;
  }

  ensure(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  text(s: string, x: number, opts: { font?: PDFFont; size?: number } = {}): void {
    const font = opts.font ?? this.mincho;
    const size = opts.size ?? BODY;
    this.page.drawText(s, { x, y: this.y - size, size, font, color: rgb(0, 0, 0) });
    this.lines.push(s);
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
    lines.forEach((line, i) => {
      this.ensure(LINE);
      const w = measure(line);
      const lx =
        opts.align === 'right' ? x + width - w : opts.align === 'center' ? x + (width - w) / 2 : i > 0 ? x + hang : x;
      this.text(line, lx, { font, size });
      this.y -= size > BODY ? size * 1.7 : LINE;
    });
  }

  gap(n = 1): void {
    this.y -= LINE * n;
  }
}

function subsetTag(): string {
  return Array.from(randomBytes(6), (b) => String.fromCharCode(65 + (b % 26))).join('');
}

export async function renderLetter(letter: Letter, fonts: LetterFonts, opts: RenderOptions): Promise<Rendered> {
  useNativeDeflate();
  const loaded = await fonts.load();
  const doc = await PDFDocument.create();
  doc.setTitle(opts.title ?? letter.title);
  doc.setCreator('Madoguchi');
  doc.setProducer('Madoguchi');
  doc.setLanguage('ja-JP');
  doc.registerFontkit(loaded.mincho.fontkit as never);
  // A subset font's name carries a six-letter tag (ISO 32000-1, 9.6.4), which pdf-lib leaves out.
  const tag = subsetTag();
  const mincho = await doc.embedFont(loaded.bytes.mincho, { subset: true, customName: `${tag}+IPAexMincho` });
  doc.registerFontkit(loaded.gothic.fontkit as never);
  const gothic = await doc.embedFont(loaded.bytes.gothic, { subset: true, customName: `${tag}+IPAexGothic` });
  const w = new Writer(doc, mincho, gothic);

  // 文書番号 and date, top right.
  w.paragraph(letter.documentNo, MARGIN.left, CONTENT, { align: 'right' });
  w.paragraph(letter.date, MARGIN.left, CONTENT, { align: 'right' });
  const afterDate = w.y;

  // Addressee: in the envelope window, or below the date.
  if (opts.windowEnvelope) w.y = PAGE.height - WINDOW.top;
  else w.gap(0.5);
  const ax = opts.windowEnvelope ? WINDOW.x : MARGIN.left;
  const aw = opts.windowEnvelope ? WINDOW.width : CONTENT * 0.6;
  if (letter.addressee.postalCode) w.paragraph(`〒${letter.addressee.postalCode}`, ax, aw);
  w.paragraph(letter.addressee.address, ax, aw, { hang: BODY });
  w.gap(0.3);
  w.paragraph(`${letter.addressee.name}${SP}様`, ax, aw, { size: 12.5 });
  w.y = Math.min(w.y, afterDate - LINE * 5);

  // Sender, right: company, the 個人情報保護管理者, address and phone; the seal over the name.
  w.gap(0.5);
  const sx = MARGIN.left + CONTENT * 0.45;
  const sw = CONTENT * 0.55;
  w.paragraph(letter.sender.company, sx, sw, { align: 'right' });
  const officerY = w.y;
  w.paragraph(letter.sender.officer, sx, sw, { align: 'right' });
  w.paragraph(`〒${letter.sender.postalCode}${SP}${letter.sender.address}`, sx, sw, { align: 'right' });
  w.paragraph(`電話 ${letter.sender.phone}`, sx, sw, { align: 'right' });
  if (opts.seal) {
    const image = await doc.embedPng(opts.seal);
    const size = 18 * MM;
    // The 角印 overlaps the end of the officer's name, as stamped by hand.
    w.page.drawImage(image, {
      x: MARGIN.left + CONTENT - size * 0.8,
      y: officerY - size * 0.75,
      width: size,
      height: size,
    });
  }

  // Title, centred, in Gothic.
  w.gap(1.2);
  w.paragraph(letter.title, MARGIN.left + CONTENT * 0.05, CONTENT * 0.9, { font: gothic, size: 13, align: 'center' });
  w.gap(0.5);

  for (const p of letter.body) w.paragraph(`${SP}${p}`, MARGIN.left, CONTENT);
  w.gap(0.5);
  w.ensure(LINE * 3);
  w.paragraph('記', MARGIN.left, CONTENT, { align: 'center' });
  w.gap(0.3);
  // Numbered items: the label in a column, the text beside it (or below a label too long for it).
  const labelWidth = 11 * BODY;
  const measureGothic = measurer(gothic, BODY);
  letter.items.forEach((item, i) => {
    w.ensure(LINE * 2);
    const label = `${i + 1}${SP}${item.label}`;
    const textX = MARGIN.left + labelWidth + BODY;
    const textWidth = CONTENT - labelWidth - BODY;
    if (measureGothic(label) <= labelWidth) {
      const top = w.y;
      w.text(label, MARGIN.left, { font: gothic });
      for (const part of item.text.split('\n')) w.paragraph(part, textX, textWidth);
      if (w.y === top) w.gap();
    } else {
      w.paragraph(label, MARGIN.left, CONTENT, { font: gothic });
      for (const part of item.text.split('\n')) w.paragraph(part, MARGIN.left + 2 * BODY, CONTENT - 2 * BODY);
    }
    w.gap(0.25);
  });
  w.paragraph('以上', MARGIN.left, CONTENT, { align: 'right' });

  // The contact window at the end of the letter.
  w.gap(1);
  w.ensure(LINE * (letter.contact.length + 1));
  const boxTop = w.y + 4;
  for (const c of letter.contact) w.paragraph(c, MARGIN.left + 10 * MM, CONTENT - 10 * MM);
  // The last line's baseline is LINE - BODY above w.y; the frame clears its descenders.
  const boxBottom = w.y + LINE - BODY - 5;
  w.page.drawRectangle({
    x: MARGIN.left + 6 * MM,
    y: boxBottom,
    width: CONTENT - 6 * MM,
    height: boxTop - boxBottom,
    borderColor: rgb(0.4, 0.4, 0.4),
    borderWidth: 0.5,
  });

  // 別紙: each on pages of its own.
  letter.annexes.forEach((annex, i) => {
    w.newPage();
    w.paragraph(`別紙${letter.annexes.length > 1 ? i + 1 : ''}`, MARGIN.left, CONTENT, { align: 'right' });
    w.paragraph(annex.title, MARGIN.left, CONTENT, { font: gothic, size: 12, align: 'center' });
    w.gap(0.5);
    for (const line of annex.lines) w.paragraph(line, MARGIN.left, CONTENT, { hang: 2 * BODY });
  });

  if (w.pages.length > 1) {
    w.pages.forEach((page, i) => {
      const label = `${i + 1} / ${w.pages.length}`;
      const width = measurer(mincho, 9)(label);
      page.drawText(label, { x: (PAGE.width - width) / 2, y: MARGIN.bottom / 2, size: 9, font: mincho });
    });
  }
  if (!opts.signature) {
    const bytes = await doc.save({ useObjectStreams: false });
    return { bytes, lines: w.lines, pages: w.pages.length, signed: false };
  }
  // One signature, applied last: the placeholder goes into the document pdf-lib saves, then the
  // byte range is signed without pdf-lib touching the file again.
  const sig = opts.signature;
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: sig.reason,
    contactInfo: sig.contactInfo,
    name: sig.name,
    location: sig.location,
    signingTime: sig.at,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    signatureLength: 16384,
    appName: 'Madoguchi',
  });
  const unsigned = await doc.save({ useObjectStreams: false });
  const bytes = await signpdf.sign(Buffer.from(unsigned), sig.signer, sig.at);
  return { bytes: new Uint8Array(bytes), lines: w.lines, pages: w.pages.length, signed: true };
}
