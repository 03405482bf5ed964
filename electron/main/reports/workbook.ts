// Workbooks (ExcelJS). Types only at start-up: exceljs (about 13 MB once loaded) is required when a
// workbook is first written, not when main starts. Nothing here loads the IPC contract: the file
// worker writes the ledger with it.
import type ExcelJS from 'exceljs';
import { rename, rm } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import type { Cell, Section } from '../../../core/domain/table';
import {
  addFilterNames,
  columnLayout,
  columnStyle,
  excelValue,
  finishRow,
  readableScale,
  setNormalFont,
  styleHeader,
  type ColumnLayout,
} from './sheet-layout';

// Exported tables as an Excel user expects them: numbers as numbers with a 円/件 format, dates
// as dates shown yyyy/mm/dd, the header row frozen with filter buttons, widths fitted to the
// content, and a print setup (A4 landscape, the header row on every page, the title and
// 「n / m ページ」 in the header and footer) that prints at the size the text was written in, or
// close to it (sheet-layout.ts).

// & starts a code in Excel's header and footer text.
const headerText = (s: string) => s.replaceAll('&', '&&');

export type SheetSpec = {
  name: string;
  // Printed in the page header with the sheet's own title.
  title: string;
  header: readonly string[];
  rows: readonly (readonly Cell[])[];
  masked?: boolean;
  // 'fitWidth' (the default): one page wide, for a table laid out to fit across A4 landscape.
  // 'across': at 80–100 %, across as few pages as that takes, the first column repeated on each
  // (every column of the ledger, kept for filtering, would print at 3–4 pt on one page).
  print?: 'fitWidth' | 'across';
  // The widest each column may grow (Excel's units), else MAX_WIDTH; longer text wraps.
  maxWidths?: readonly number[];
  // A text cell written as a typed value in a format of its own (the disclosure package's
  // records: disclosed-xlsx.ts), or null to keep it as text.
  typed?: (text: string) => { value: ExcelJS.CellValue; numFmt: string } | null;
};

function sheetOptions(spec: SheetSpec, layout: readonly ColumnLayout[]) {
  const fit =
    spec.print === 'across'
      ? {
          fitToPage: false,
          scale: readableScale(layout.map((l) => l.width)),
          printTitlesColumn: 'A:A',
          // A request's row is read across its pages before the next rows.
          pageOrder: 'overThenDown' as const,
        }
      : { fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  return {
    views: [{ state: 'frozen' as const, ySplit: 1, activeCell: 'A2' }],
    pageSetup: {
      orientation: 'landscape' as const,
      ...fit,
      printTitlesRow: '1:1',
      horizontalCentered: true,
      margins: { left: 0.25, right: 0.25, top: 0.7, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddHeader: `&L${headerText(spec.title)}${spec.masked ? '&Rマスク版（氏名・住所の一部を表示していません）' : ''}`,
      // The sheet's name at the left: which of a workbook's tables a printed page is from.
      oddFooter: '&L&A&C&P / &N ページ',
    },
  };
}
const sheetName = (spec: SheetSpec) => spec.name.replace(/[\\/?*[\]:]/g, '・').slice(0, 31);

// The filter covers the header and every row (as Excel writes it), named for LibreOffice.
function filterRange(spec: SheetSpec, sheet: ExcelJS.Worksheet): string {
  const last = sheet.getColumn(Math.max(1, spec.header.length)).letter;
  return `A1:${last}${spec.rows.length + 1}`;
}

type Writer = InstanceType<typeof ExcelJS.stream.xlsx.WorkbookWriter>;

// A turn of the event loop every few hundred rows: the worker answers, and the file stream drains
// as it goes.
const STREAM_STEP = 250;

// Tables written row by row through ExcelJS's streaming writer, so that memory does not hold the
// whole workbook (the ledger: 10,000 requests and more).
async function writeSheets(book: Writer, title: string, specs: readonly SheetSpec[]): Promise<void> {
  book.creator = 'Madoguchi';
  book.title = title;
  setNormalFont((book as unknown as { styles: unknown }).styles);
  const filters = [];
  for (const [index, spec] of specs.entries()) {
    const layout = columnLayout(spec.header, spec.rows, spec.maxWidths);
    const sheet = book.addWorksheet(sheetName(spec), sheetOptions(spec, layout));
    // A4 (9): ExcelJS declares its paper sizes as a const enum, which has no value at run time.
    Object.assign(sheet.pageSetup, { paperSize: 9 });
    sheet.columns = layout.map((l) => ({ width: l.width, style: columnStyle(l) }));
    const header = sheet.addRow([...spec.header]);
    styleHeader(header, layout, spec.header);
    header.commit();
    for (const [i, cells] of spec.rows.entries()) {
      const row = sheet.addRow(cells.map((c) => excelValue(c).value));
      finishRow(row, cells, layout);
      if (spec.typed) typeCells(row, cells, spec.typed);
      row.commit();
      if (i % STREAM_STEP === STREAM_STEP - 1) await new Promise((resolve) => setImmediate(resolve));
    }
    const filter = filterRange(spec, sheet);
    sheet.autoFilter = filter;
    filters.push({ sheetIndex: index, sheetName: sheet.name, ref: filter });
    sheet.commit();
  }
  addFilterNames(book.definedNames, filters);
  await book.commit();
}

function typeCells(row: ExcelJS.Row, cells: readonly Cell[], typed: NonNullable<SheetSpec['typed']>): void {
  cells.forEach((c, i) => {
    const t = typeof c === 'string' ? typed(c) : null;
    if (!t) return;
    const cell = row.getCell(i + 1);
    cell.value = t.value;
    cell.numFmt = t.numFmt;
  });
}

// Written beside the chosen file and moved into place once complete.
export async function streamTablesXlsx(path: string, title: string, specs: readonly SheetSpec[]): Promise<void> {
  const { default: Excel } = await import('exceljs');
  const partial = `${path}.part`;
  try {
    const book = new Excel.stream.xlsx.WorkbookWriter({ filename: partial, useStyles: true, useSharedStrings: false });
    await writeSheets(book, title, specs);
    await rename(partial, path);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
}

export async function tablesXlsx(title: string, sheets: readonly SheetSpec[]): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const book = new Excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  await writeSheets(book, title, sheets);
  return Buffer.concat(chunks);
}

// The report's sections, one sheet each.
export function sectionSheets(sections: readonly Section[], title: string): SheetSpec[] {
  return sections.map((s) => ({ name: s.title, title: `${title} ${s.title}`, header: s.header, rows: s.rows }));
}
