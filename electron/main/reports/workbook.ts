// Workbooks (ExcelJS). Types only at start-up: exceljs (about 13 MB once loaded) is required when a
// workbook is first written, not when main starts. Nothing here loads the IPC contract: the file
// worker writes the ledger with it.
import type ExcelJS from 'exceljs';
import { rename, rm } from 'node:fs/promises';
import { displayWidth, type Cell, type Section, type Unit } from '../../../core/domain/table';

// Exported tables as an Excel user expects them: numbers as numbers with a 円/件 format, dates
// as dates shown yyyy/mm/dd, the header row frozen with filter buttons, widths fitted to the
// content, and a print setup (A4 landscape, one page wide, the header row on every page, the
// title and 「n / m ページ」 in the header and footer).

const numFmt: Record<Unit, string> = {
  件: '#,##0"件"',
  円: '#,##0"円"',
  日: '0.0"日"',
  '%': '0.0%',
};

const DATE_FORMAT = 'yyyy/mm/dd';
const MAX_WIDTH = 40;

function excelValue(c: Cell): { value: ExcelJS.CellValue; numFmt?: string; text: string } {
  if (typeof c === 'string') return { value: c, text: c };
  if ('date' in c) {
    const [y, m, d] = c.date.split('-').map(Number);
    return { value: new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)), numFmt: DATE_FORMAT, text: '0000/00/00' };
  }
  if (c.unit === '%') return { value: c.n / 100, numFmt: numFmt['%'], text: `${c.n.toFixed(1)}%` };
  return { value: c.n, numFmt: numFmt[c.unit], text: `${c.n.toLocaleString('ja-JP')}${c.unit}` };
}

// & starts a code in Excel's header and footer text.
const headerText = (s: string) => s.replaceAll('&', '&&');

export type SheetSpec = {
  name: string;
  // Printed in the page header with the sheet's own title.
  title: string;
  header: readonly string[];
  rows: readonly (readonly Cell[])[];
  masked?: boolean;
};

function sheetOptions(spec: SheetSpec) {
  return {
    views: [{ state: 'frozen' as const, ySplit: 1, activeCell: 'A2' }],
    pageSetup: {
      orientation: 'landscape' as const,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.7, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddHeader: `&L${headerText(spec.title)}${spec.masked ? '&Rマスク版（氏名・住所の一部を表示していません）' : ''}`,
      oddFooter: '&C&P / &N ページ',
    },
  };
}
const sheetName = (spec: SheetSpec) => spec.name.replace(/[\\/?*[\]:]/g, '・').slice(0, 31);

// Each column's width fitted to its longest line (capped), and whether it wraps.
function columnLayout(spec: SheetSpec): { width: number; wrap: boolean }[] {
  const widths = spec.header.map((h) => Math.min(displayWidth(h), 16));
  const breaks = spec.header.map(() => false);
  for (const cells of spec.rows) {
    cells.forEach((c, i) => {
      const text = excelValue(c).text;
      const longest = Math.max(0, ...text.split('\n').map(displayWidth));
      widths[i] = Math.max(widths[i] ?? 0, longest);
      if (typeof c === 'string' && c.includes('\n')) breaks[i] = true;
    });
  }
  // Long text (reasons, several dispatches) wraps within the capped width.
  return widths.map((w, i) => ({
    width: Math.max(6, Math.min(MAX_WIDTH, w + 2)),
    wrap: w + 2 > MAX_WIDTH || breaks[i] === true,
  }));
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F3' } };
    cell.border = { bottom: { style: 'thin' } };
  });
}

function addValues(row: ExcelJS.Row, cells: readonly Cell[]): void {
  cells.forEach((c, i) => {
    const v = excelValue(c);
    if (v.numFmt) row.getCell(i + 1).numFmt = v.numFmt;
  });
}

export function addTableSheet(book: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(sheetName(spec), sheetOptions(spec));
  // A4 (9): ExcelJS declares its paper sizes as a const enum, which has no value at run time.
  Object.assign(sheet.pageSetup, { paperSize: 9 });
  styleHeader(sheet.addRow([...spec.header]));
  for (const cells of spec.rows) addValues(sheet.addRow(cells.map((c) => excelValue(c).value)), cells);
  columnLayout(spec).forEach((l, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = l.width;
    if (l.wrap) column.alignment = { wrapText: true, vertical: 'top' };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, spec.header.length) } };
  return sheet;
}

// One large table (the ledger) written row by row to the file through ExcelJS's streaming
// writer, so that memory does not hold the whole workbook: the same sheet as addTableSheet. The
// file is written beside the chosen one and moved into place once complete.
const STREAM_STEP = 250;

export async function streamTableXlsx(path: string, title: string, spec: SheetSpec): Promise<void> {
  const { default: Excel } = await import('exceljs');
  const partial = `${path}.part`;
  try {
    const book = new Excel.stream.xlsx.WorkbookWriter({ filename: partial, useStyles: true, useSharedStrings: false });
    book.creator = 'Madoguchi';
    book.title = title;
    const sheet = book.addWorksheet(sheetName(spec), sheetOptions(spec));
    Object.assign(sheet.pageSetup, { paperSize: 9 });
    sheet.columns = columnLayout(spec).map((l) => ({
      width: l.width,
      ...(l.wrap ? { style: { alignment: { wrapText: true, vertical: 'top' as const } } } : {}),
    }));
    const header = sheet.addRow([...spec.header]);
    styleHeader(header);
    header.commit();
    // A turn of the event loop every few hundred rows: main keeps answering, and the file stream
    // drains as it goes.
    for (const [i, cells] of spec.rows.entries()) {
      const row = sheet.addRow(cells.map((c) => excelValue(c).value));
      addValues(row, cells);
      row.commit();
      if (i % STREAM_STEP === STREAM_STEP - 1) await new Promise((resolve) => setImmediate(resolve));
    }
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, spec.header.length) } };
    sheet.commit();
    await book.commit();
    await rename(partial, path);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
}

export async function tablesXlsx(title: string, sheets: readonly SheetSpec[]): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = 'Madoguchi';
  book.title = title;
  for (const s of sheets) addTableSheet(book, s);
  return Buffer.from(await book.xlsx.writeBuffer());
}

// The report's sections, one sheet each.
export function sectionSheets(sections: readonly Section[], title: string): SheetSpec[] {
  return sections.map((s) => ({ name: s.title, title: `${title} ${s.title}`, header: s.header, rows: s.rows }));
}
