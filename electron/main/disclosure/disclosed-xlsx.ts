import { typedValue } from '../../../core/domain/disclosure/typed-values';
import { addTableSheet } from '../reports/workbook';

// A disclosed table as the Excel file of the package: the ledger's sheet (frozen header, filter,
// fitted widths, print setup), with each cell that is unambiguously a number or a date typed as
// one (typed-values.ts), in a format that shows the text the record had; the rest stays text.
export async function disclosedXlsx(
  title: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = 'Madoguchi';
  book.title = title;
  // Widths are fitted to the record's own text, which the formats below show unchanged.
  const sheet = addTableSheet(book, { name: '開示する記録', title, header, rows });
  rows.forEach((cells, r) => {
    const row = sheet.getRow(r + 2);
    cells.forEach((text, c) => {
      const typed = typedValue(text);
      if (!typed) return;
      const cell = row.getCell(c + 1);
      if (typed.kind === 'number') cell.value = typed.value;
      else {
        const [y = 1970, m = 1, d = 1] = typed.date.split('-').map(Number);
        const t = typed.time ?? { h: 0, m: 0, s: 0 };
        cell.value = new Date(Date.UTC(y, m - 1, d, t.h, t.m, t.s));
      }
      cell.numFmt = typed.format;
    });
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
