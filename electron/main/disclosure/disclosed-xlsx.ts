import { typedValue } from '../../../core/domain/disclosure/typed-values';
import { tablesXlsx } from '../reports/workbook';

// A disclosed table as the Excel file of the package: the ledger's sheet (frozen header, filter,
// fitted widths, print setup), with each cell that is unambiguously a number or a date typed as
// one (typed-values.ts), in a format that shows the text the record had; the rest stays text.
export async function disclosedXlsx(
  title: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): Promise<Buffer> {
  // Widths are fitted to the record's own text, which the formats below show unchanged.
  return tablesXlsx(title, [{ name: '開示する記録', title, header, rows, typed: typedCell }]);
}

function typedCell(text: string): { value: number | Date; numFmt: string } | null {
  const typed = typedValue(text);
  if (!typed) return null;
  if (typed.kind === 'number') return { value: typed.value, numFmt: typed.format };
  const [y = 1970, m = 1, d = 1] = typed.date.split('-').map(Number);
  const t = typed.time ?? { h: 0, m: 0, s: 0 };
  return { value: new Date(Date.UTC(y, m - 1, d, t.h, t.m, t.s)), numFmt: typed.format };
}
