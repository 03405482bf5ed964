import { CONTENT, MARGIN, SAVE_OPTIONS, numberPages, startDocument, type LetterFonts } from './layout';
import { drawTable } from './table';
import { fitColumns } from '../../../core/domain/table';

// A disclosed table as a PDF of its own (the 電磁的記録 package when the company chose PDF): a
// title and the record's origin, then the table with a full grid, the header repeated on every
// page, pages numbered.
export async function renderTableDocument(
  doc: { title: string; subtitle: string; header: readonly string[]; rows: readonly (readonly string[])[] },
  fonts: LetterFonts,
): Promise<Uint8Array> {
  const { doc: pdf, writer: w } = await startDocument(fonts, doc.title);
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
