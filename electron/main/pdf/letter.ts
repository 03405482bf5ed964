import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFInvalidObject, PDFName, PDFRef, rgb } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import signpdf from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import type { EnvelopeWindow } from '../../../core/contract';
import { addressParts } from '../../../core/domain/letters/address';
import { defaultWindow } from '../../../core/domain/letters/window';
import type { Letter } from '../../../core/domain/letters/catalogue';
import { breakLines } from '../../../core/domain/letters/kinsoku';
import {
  BODY,
  CONTENT,
  LINE,
  MARGIN,
  MM,
  PAGE,
  SAVE_OPTIONS,
  SP,
  measurer,
  numberPages,
  startDocument,
  stringsIn,
  type LetterFonts,
  type Writer,
} from './layout';
import type { PadesSigner } from './sign';
import { drawTable } from './table';
import { drawAddressee } from './address-block';
import { packParts } from './words';

// Lays out a letter model as an A4 社外文書 on the layout engine. The fonts are read and parsed
// once per process; each letter only subsets them.

export { LetterFonts } from './layout';

export type SignatureRequest = {
  signer: PadesSigner;
  at: Date;
  // The signer as shown by PDF readers (the company and its 個人情報保護管理者).
  name: string;
  reason: string;
  location: string;
  contactInfo: string;
};

type SignatureTexts = Pick<SignatureRequest, 'reason' | 'contactInfo' | 'name' | 'location'>;
const markers: SignatureTexts = {
  reason: 'MDG-REASON',
  contactInfo: 'MDG-CONTACT',
  name: 'MDG-NAME',
  location: 'MDG-LOCATION',
};

// Rewrites the signature dictionary the placeholder step serialized, putting each text in as a
// PDF text string in UTF-16BE with its byte order mark (ISO 32000-1, 7.9.2.2), hex-encoded.
function encodeSignatureTexts(doc: PDFDocument, texts: SignatureTexts): void {
  const fields = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict).lookup(PDFName.of('Fields'), PDFArray);
  const field = fields.lookup(fields.size() - 1, PDFDict);
  const ref = field.get(PDFName.of('V'));
  if (!(ref instanceof PDFRef)) throw new Error('signature dictionary not found');
  const obj = doc.context.lookup(ref);
  if (!(obj instanceof PDFInvalidObject)) throw new Error('unexpected signature dictionary');
  const raw = new Uint8Array(obj.sizeInBytes());
  obj.copyBytesInto(raw, 0);
  let dict = Buffer.from(raw).toString('latin1');
  for (const key of Object.keys(markers) as (keyof SignatureTexts)[]) {
    const literal = `(${markers[key]})`;
    if (!dict.includes(literal)) throw new Error(`signature text ${key} not found`);
    dict = dict.replace(literal, PDFHexString.fromText(texts[key]).toString());
  }
  doc.context.assign(ref, PDFInvalidObject.of(new Uint8Array(Buffer.from(dict, 'latin1'))));
}

export type RenderOptions = {
  windowEnvelope: boolean;
  // The envelope window in mm from the sheet's top-left corner (the letter settings).
  window?: EnvelopeWindow;
  // Outline the window (previews only), so staff can see where the address will show.
  showWindow?: boolean;
  seal: Uint8Array | null;
  title?: string;
  signature?: SignatureRequest;
};
export type Rendered = { bytes: Uint8Array; lines: string[]; pages: number; signed: boolean };

const SEAL = 18 * MM;

// The pages of a redacted document (a PDF of page images made by disclosure/redact), each scaled
// to fit the text area, the first below the 別紙's title and the others on pages of their own.
async function drawDocument(doc: PDFDocument, w: Writer, pdf: Uint8Array): Promise<void> {
  const source = await PDFDocument.load(pdf);
  const pages = await doc.embedPdf(source, source.getPageIndices());
  pages.forEach((embedded, i) => {
    if (i > 0) w.newPage();
    const boxHeight = w.y - MARGIN.bottom;
    const scale = Math.min(CONTENT / embedded.width, boxHeight / embedded.height);
    const width = embedded.width * scale;
    const height = embedded.height * scale;
    const x = MARGIN.left + (CONTENT - width) / 2;
    w.page.drawPage(embedded, { x, y: w.y - height, width, height });
    // A thin frame shows where the document's page ends on the letter's paper.
    w.page.drawRectangle({ x, y: w.y - height, width, height, borderColor: rgb(0.6, 0.6, 0.6), borderWidth: 0.5 });
    w.y -= height;
  });
}

// The letter up to its contact box, at a line pitch of `line`.
async function drawFront(letter: Letter, fonts: LetterFonts, opts: RenderOptions, line: number) {
  const { doc, writer: w } = await startDocument(fonts, opts.title ?? letter.title, stringsIn(letter));
  w.line = line;
  const gothic = w.gothic;
  const right = MARGIN.left + CONTENT;

  // 文書番号 and date, top right; a reissue says so between them.
  w.paragraph(letter.documentNo, MARGIN.left, CONTENT, { align: 'right' });
  if (letter.reissue) w.paragraph(letter.reissue, MARGIN.left, CONTENT, { align: 'right', font: gothic });
  w.paragraph(letter.date, MARGIN.left, CONTENT, { align: 'right' });
  const afterDate = w.y;

  // Addressee: inside the envelope window (with a margin of 3 mm), or below the date.
  const win = opts.window ?? defaultWindow;
  if (opts.windowEnvelope) w.y = PAGE.height - (win.top + 3) * MM;
  else w.gap(0.5);
  if (opts.showWindow) {
    w.page.drawRectangle({
      x: win.left * MM,
      y: PAGE.height - (win.top + win.height) * MM,
      width: win.width * MM,
      height: win.height * MM,
      borderColor: rgb(0.6, 0.6, 0.6),
      borderWidth: 0.5,
      borderDashArray: [3, 3],
    });
  }
  drawAddressee(w, letter.addressee, {
    x: opts.windowEnvelope ? (win.left + 3) * MM : MARGIN.left,
    width: opts.windowEnvelope ? (win.width - 6) * MM : CONTENT * 0.6,
    room: opts.windowEnvelope ? (win.height - 6) * MM : null,
    draft: opts.showWindow === true,
    tight: line < LINE,
  });
  w.y = Math.min(w.y, afterDate - w.line * 5);

  // Sender, right: company, the 個人情報保護管理者, address and contact. With a seal, the text
  // keeps clear of a column at the right where the 角印 sits beside the officer's name.
  w.gap(0.5);
  const sealColumn = opts.seal ? SEAL + 2 * MM : 0;
  const sx = MARGIN.left + CONTENT * 0.4;
  const sw = right - sealColumn - sx;
  w.paragraph(letter.sender.company, sx, sw, { align: 'right' });
  const officerTop = w.y;
  w.paragraph(letter.sender.officer, sx, sw, { align: 'right' });
  // The address breaks between its parts (after 〒, before the building), never inside a word.
  const senderParts = [
    `〒${letter.sender.postalCode}${SP}`,
    ...addressParts(letter.sender.address).map((p) => `${p} `),
  ];
  for (const l of packParts(senderParts, sw, measurer(w.mincho, BODY))) w.paragraph(l, sx, sw, { align: 'right' });
  for (const c of letter.sender.contact) w.paragraph(c, sx, sw, { align: 'right' });
  if (opts.seal) {
    const image = await doc.embedPng(opts.seal);
    // Centred on the officer's line, in its own column.
    const lineMiddle = officerTop - BODY * 0.4;
    w.page.drawImage(image, { x: right - SEAL, y: lineMiddle - SEAL / 2, width: SEAL, height: SEAL });
    // The title starts below the seal.
    w.y = Math.min(w.y, lineMiddle - SEAL / 2 - 2 * MM);
  }

  // Title, centred, in Gothic.
  w.gap(1.2);
  w.paragraph(letter.title, MARGIN.left + CONTENT * 0.05, CONTENT * 0.9, { font: gothic, size: 13, align: 'center' });
  w.gap(0.5);

  for (const p of letter.body) w.paragraph(`${SP}${p}`, MARGIN.left, CONTENT);
  w.gap(0.5);
  w.ensure(w.line * 3);
  w.paragraph('記', MARGIN.left, CONTENT, { align: 'center' });
  w.gap(0.3);
  // A page that continues the 記 says so.
  w.onNewPage = () => {
    w.paragraph(`（記${SP}続き）`, MARGIN.left, CONTENT, { align: 'center' });
    w.gap(0.3);
  };
  // Numbered items: the number right-aligned in its own column (10 aligns with 9), the label
  // beside it, the text in a column of its own (or below a label too long for it).
  const numberWidth = measurer(w.mincho, BODY)('00');
  const labelX = MARGIN.left + numberWidth + BODY * 0.5;
  const labelWidth = 11 * BODY;
  const textX = labelX + labelWidth + BODY * 0.5;
  const textWidth = right - textX;
  const measureGothic = measurer(gothic, BODY);
  const measureMincho = measurer(w.mincho, BODY);
  const linesOf = (item: Letter['items'][number]) => {
    const inColumn = measureGothic(item.label) <= labelWidth;
    const width = inColumn ? textWidth : CONTENT - 2 * BODY;
    const text = item.text.split('\n').reduce((n, part) => n + breakLines(part, width, measureMincho).length, 0);
    return inColumn ? Math.max(1, text) : 1 + text;
  };
  letter.items.forEach((item, i) => {
    const last = i === letter.items.length - 1;
    // The last item keeps 以上 and the contact box with it: the box never stands alone.
    w.ensure(w.line * (last ? linesOf(item) + letter.contact.length + 4 : Math.min(2, linesOf(item))));
    const no = String(i + 1);
    w.text(no, MARGIN.left + numberWidth - measureMincho(no), {});
    if (measureGothic(item.label) <= labelWidth) {
      const top = w.y;
      w.text(item.label, labelX, { font: gothic });
      for (const part of item.text.split('\n')) w.paragraph(part, textX, textWidth);
      if (w.y === top) w.gap();
    } else {
      w.paragraph(item.label, labelX, CONTENT - (labelX - MARGIN.left), { font: gothic });
      for (const part of item.text.split('\n')) w.paragraph(part, labelX + BODY, right - labelX - BODY);
    }
    w.gap(0.25);
  });
  w.paragraph('以上', MARGIN.left, CONTENT, { align: 'right' });
  w.onNewPage = null;

  // The contact window at the end of the letter.
  w.gap(1);
  w.ensure(w.line * (letter.contact.length + 1));
  const boxTop = w.y + 4;
  for (const c of letter.contact) w.paragraph(c, MARGIN.left + 10 * MM, CONTENT - 10 * MM);
  // The last line's baseline is a line pitch less BODY above w.y; the frame clears its descenders.
  const boxBottom = w.y + w.line - BODY - 5;
  w.page.drawRectangle({
    x: MARGIN.left + 6 * MM,
    y: boxBottom,
    width: CONTENT - 6 * MM,
    height: boxTop - boxBottom,
    borderColor: rgb(0.4, 0.4, 0.4),
    borderWidth: 0.5,
  });

  return { doc, w };
}

// Tighter line pitches for a short letter whose end would spill onto a second page.
const TIGHTER = [16, 15] as const;
const TEXT_HEIGHT = PAGE.height - MARGIN.top - MARGIN.bottom;

// The pitches worth trying for a letter drawn at LINE: a letter whose last lines (the last item,
// 以上 and the contact box, kept together) stand almost alone on a second page is set tighter
// when that ends it on its first page; a longer letter keeps its pitch and breaks as it did. The
// estimate (most of the height follows the pitch; the title, the name and the window do not)
// saves drawing a letter again that cannot fit; the drawing decides.
function tighterPitches(w: Writer): number[] {
  if (w.pages.length !== 2) return [];
  const spill = PAGE.height - MARGIN.top - w.y - LINE * 1.3;
  const unused = (w.leftAt[0] ?? MARGIN.bottom) - MARGIN.bottom;
  const height = TEXT_HEIGHT - unused + spill;
  const first = TIGHTER.findIndex((p) => height * (1 - 0.85 * (1 - p / LINE)) <= TEXT_HEIGHT);
  return first < 0 ? [] : TIGHTER.slice(first);
}

export async function renderLetter(letter: Letter, fonts: LetterFonts, opts: RenderOptions): Promise<Rendered> {
  let front = await drawFront(letter, fonts, opts, LINE);
  for (const line of tighterPitches(front.w)) {
    const tight = await drawFront(letter, fonts, opts, line);
    if (tight.w.pages.length === 1) {
      front = tight;
      break;
    }
  }
  const { doc, w } = front;
  const gothic = w.gothic;

  // 別紙: each on pages of its own; a redacted document's page images follow their title, scaled
  // into the margins. Each page of a 別紙 is labelled 「別紙2 3/12」 in the top margin.
  const ranges: { label: string; from: number; to: number }[] = [];
  for (const [i, annex] of letter.annexes.entries()) {
    const label = `別紙${letter.annexes.length > 1 ? i + 1 : ''}`;
    // A table wider than A4 portrait takes landscape pages.
    w.landscape = annex.table?.landscape === true;
    w.newPage();
    const from = w.pages.length - 1;
    const width = w.contentWidth;
    w.paragraph(label, MARGIN.left, width, { align: 'right' });
    w.paragraph(annex.title, MARGIN.left, width, { font: gothic, size: 12, align: 'center' });
    w.gap(0.5);
    for (const line of annex.lines) w.paragraph(line, MARGIN.left, width, { hang: 2 * BODY });
    if (annex.table) {
      const t = annex.table;
      w.onNewPage = () => {
        w.paragraph(`${annex.title}（続き）`, MARGIN.left, width, { font: gothic });
        w.gap(0.3);
      };
      drawTable(w, { ...t, widths: t.widths.map((f) => f * width), size: 9, grid: true, repeatHeader: true });
      w.onNewPage = null;
    }
    if (annex.document) await drawDocument(doc, w, annex.document);
    w.landscape = false;
    ranges.push({ label, from, to: w.pages.length - 1 });
  }
  for (const r of ranges) {
    const n = r.to - r.from + 1;
    if (n < 2) continue;
    for (let k = 0; k < n; k++) {
      const text = `${r.label}${SP}${k + 1}/${n}`;
      const size = 9;
      const page = w.pages[r.from + k];
      if (!page) continue;
      page.drawText(text, {
        x: page.getWidth() - MARGIN.right - measurer(w.mincho, size)(text),
        y: page.getHeight() - MARGIN.top / 2,
        size,
        font: w.mincho,
      });
      w.lines.push(text);
    }
  }

  numberPages(w);
  if (!opts.signature) {
    const bytes = await doc.save(SAVE_OPTIONS);
    return { bytes, lines: w.lines, pages: w.pages.length, signed: false };
  }
  // One signature, applied last: the placeholder goes into the document pdf-lib saves, then the
  // byte range is signed without pdf-lib touching the file again.
  const sig = opts.signature;
  // The placeholder library writes its texts as one byte per character, which garbles Japanese
  // and can break the dictionary (the low byte of 利 is '('). It gets ASCII markers, replaced
  // below by UTF-16BE hex strings.
  const texts = { reason: sig.reason, contactInfo: sig.contactInfo, name: sig.name, location: sig.location };
  pdflibAddPlaceholder({
    pdfDoc: doc,
    ...markers,
    signingTime: sig.at,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    signatureLength: sig.signer.maxSignatureLength(),
    appName: 'Madoguchi',
  });
  encodeSignatureTexts(doc, texts);
  const unsigned = await doc.save(SAVE_OPTIONS);
  const bytes = await signpdf.sign(Buffer.from(unsigned), sig.signer, sig.at);
  return { bytes: new Uint8Array(bytes), lines: w.lines, pages: w.pages.length, signed: true };
}
