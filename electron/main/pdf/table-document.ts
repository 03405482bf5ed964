import { ErrorCode } from '../../../core/contract';
import { AppError } from '../errors';
import { CONTENT, MARGIN, SAVE_OPTIONS, numberPages, startDocument, stringsIn, type LetterFonts } from './layout';
import { unprintable } from './runs';
import { drawTable } from './table';
import { fitColumns } from '../../../core/domain/table';

// A disclosed table as a PDF of its own (the 電磁的記録 package when the company chose PDF): a
// title and the record's origin, then the table with a full grid, the header repeated on every
// page, pages numbered.
export async function renderTableDocument(
  doc: { title: string; subtitle: string; header: readonly string[]; rows: readonly (readonly string[])[] },
  fonts: LetterFonts,
): Promise<Uint8Array> {
  await assertPrintableTable(doc, fonts);
  const { doc: pdf, writer: w } = await startDocument(fonts, doc.title, stringsIn(doc));
  w.paragraph(doc.title, MARGIN.left, CONTENT, { font: w.gothic, size: 13 });
  w.paragraph(doc.subtitle, MARGIN.left, CONTENT, { size: 9 });
  w.gap(0.5);
  drawTable(w, {
    header: doc.header,
    rows: doc.rows,
    widths: fitColumns(doc.header, doc.rows).map((f) => f * CONTENT),
    size: 8,
    grid: true,
    repeatHeader: true,
    empty: '該当する記録はありません。',
  });
  numberPages(w);
  return pdf.save(SAVE_OPTIONS);
}

// Record data reach this PDF as they were exported, unchecked at entry: a character no bundled
// font draws is refused here, naming its cell, before anything is drawn.
async function assertPrintableTable(
  doc: { header: readonly string[]; rows: readonly (readonly string[])[] },
  fonts: LetterFonts,
): Promise<void> {
  const loaded = await fonts.load();
  const main = [loaded.mincho.font, loaded.gothic.font];
  const cells = [doc.header, ...doc.rows];
  for (const [r, row] of cells.entries()) {
    for (const [c, cell] of row.entries()) {
      // Most cells are IPAex's own; the fallback font is read only for one that is not.
      if (unprintable(cell, main).length === 0) continue;
      const fallback = await fonts.fallback();
      const lacking = unprintable(cell, fallback ? [...main, fallback.font] : main);
      if (lacking.length === 0) continue;
      const where = r === 0 ? `見出しの${c + 1}列目` : `${r}行目の「${doc.header[c] ?? `${c + 1}列目`}」欄`;
      throw new AppError(
        ErrorCode.BAD_INPUT,
        `開示する記録の${where}に、PDFの書体（IPAex明朝・IPAmj明朝）にない文字${lacking.map((ch) => `「${ch}」`).join('')}があります。このままでは空白の四角で印字されるため、PDFを作成できません。記録の該当箇所を直すか、CSVまたはExcel形式でお送りください。`,
      );
    }
  }
}
