import { rgb } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import signpdf from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import type { Letter } from '../../../core/domain/letters/catalogue';
import {
  BODY,
  CONTENT,
  LINE,
  MARGIN,
  MM,
  PAGE,
  SP,
  WINDOW,
  measurer,
  numberPages,
  startDocument,
  type LetterFonts,
} from './layout';
import type { PadesSigner } from './sign';

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

export type RenderOptions = {
  windowEnvelope: boolean;
  seal: Uint8Array | null;
  title?: string;
  signature?: SignatureRequest;
};
export type Rendered = { bytes: Uint8Array; lines: string[]; pages: number; signed: boolean };

export async function renderLetter(letter: Letter, fonts: LetterFonts, opts: RenderOptions): Promise<Rendered> {
  const { doc, writer: w } = await startDocument(fonts, opts.title ?? letter.title);
  const gothic = w.gothic;

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

  numberPages(w);
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
