import type ExcelJS from 'exceljs';
import { displayWidth, type Cell, type Unit } from '../../../core/domain/table';

// How an exported table is laid out in a sheet: typed values, named fonts, column widths fitted to
// the content, and row heights grown for the lines a wrapped cell takes (neither Excel nor
// LibreOffice fits them when the file is opened: a wrapped header or a multi-line 決定 would
// spill over the next row).

// Every cell we write names its font and size: a font without them is shown by LibreOffice in
// its fallback (DejaVu Serif). 游ゴシック is Office's Japanese font since 2016; LibreOffice
// substitutes a Japanese gothic where it is missing.
export const FONT = { name: '游ゴシック', size: 10, family: 2, charset: 128 } as const;
export const HEADER_FONT = { ...FONT, bold: true } as const;

// ExcelJS's font 0, the Normal style's, is Calibri 11. Excel and LibreOffice measure column
// widths by it (a unit is the width of its digit), and LibreOffice without Calibri by a wider
// fallback (DejaVu Sans): the ledger sized for one A4 page printed there at 70 %. The Normal font
// is made the one the cells are written in, so that a unit is the same wherever the file opens
// (about 7 px at 96 dpi; a full-width character of 10 pt text, 13.3 px, takes two).
export function setNormalFont(styles: unknown): void {
  const manager = styles as { model?: { fonts?: unknown[] }; _addFont?: (font: object) => number };
  // ExcelJS's style manager adds Calibri as font 0 when the first style needs a font, unless one
  // is there: ours, which the cells then share.
  if (manager.model?.fonts?.length !== 0 || typeof manager._addFont !== 'function')
    throw new Error('ExcelJS style manager not as expected');
  manager._addFont(FONT);
}

const PADDING = 1.5;
// What of a column's width text may take (Excel insets a cell's text by about 2 px each side).
const INSET = 0.7;
const MIN_WIDTH = 6;
export const MAX_WIDTH = 40;
// A header longer than this wraps onto a second line rather than widening its column.
const HEADER_WIDTH = 14;
// Points per line of 10 pt text (游ゴシック's line gap is wide), and the row's own margin.
const LINE_HEIGHT = 14;
const ROW_MARGIN = 4;

const numFmt: Record<Unit, string> = {
  件: '#,##0"件"',
  円: '#,##0"円"',
  日: '0.0"日"',
  '%': '0.0%',
};

export const DATE_FORMAT = 'yyyy/mm/dd';

export function excelValue(c: Cell): { value: ExcelJS.CellValue; numFmt?: string; text: string } {
  if (typeof c === 'string') return { value: c, text: c };
  if ('date' in c) {
    const [y, m, d] = c.date.split('-').map(Number);
    return { value: new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)), numFmt: DATE_FORMAT, text: '0000/00/00' };
  }
  if (c.unit === '%') return { value: c.n / 100, numFmt: numFmt['%'], text: `${c.n.toFixed(1)}%` };
  return { value: c.n, numFmt: numFmt[c.unit], text: `${c.n.toLocaleString('ja-JP')}${c.unit}` };
}

export type ColumnLayout = { width: number; wrap: boolean };

const textWidth = displayWidth;

// Each column as wide as its longest line (the header up to HEADER_WIDTH), within MIN_WIDTH and
// its own cap (`maxWidths`, else MAX_WIDTH); a column wraps when a cell is wider or holds lines.
export function columnLayout(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  maxWidths: readonly number[] = [],
): ColumnLayout[] {
  const widths = header.map((h) => Math.min(textWidth(h), HEADER_WIDTH));
  const breaks = header.map(() => false);
  for (const cells of rows) {
    cells.forEach((c, i) => {
      const text = excelValue(c).text;
      widths[i] = Math.max(widths[i] ?? 0, ...text.split('\n').map(textWidth));
      if (typeof c === 'string' && c.includes('\n')) breaks[i] = true;
    });
  }
  return widths.map((w, i) => {
    const cap = maxWidths[i] ?? MAX_WIDTH;
    return { width: Math.max(MIN_WIDTH, Math.min(cap, w + PADDING)), wrap: w + PADDING > cap || breaks[i] === true };
  });
}

// The lines a cell takes in its column: its own lines, each wrapped at the column's width.
function linesOf(text: string, column: ColumnLayout | undefined, wraps: boolean): number {
  const parts = text.split('\n');
  if (!wraps || !column) return wraps ? parts.length : 1;
  const usable = Math.max(1, column.width - INSET);
  return parts.reduce((n, p) => n + Math.max(1, Math.ceil(textWidth(p) / usable)), 0);
}

// The height a row needs, in points. Set on every row: LibreOffice gives a row without one about
// two lines' height (its measure of the Normal font), which doubles the pages.
export function rowHeight(texts: readonly string[], layout: readonly ColumnLayout[], allWrap = false): number {
  const lines = Math.max(1, ...texts.map((t, i) => linesOf(t, layout[i], allWrap || layout[i]?.wrap === true)));
  return lines * LINE_HEIGHT + ROW_MARGIN;
}

export function styleHeader(row: ExcelJS.Row, layout: readonly ColumnLayout[], header: readonly string[]): void {
  row.font = HEADER_FONT;
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F3' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  row.height = rowHeight(header, layout, true);
}

// A data row's formats and height (its font comes from its column). Dates are centred: right
// aligned, a date runs into the text of the column after it.
export function finishRow(row: ExcelJS.Row, cells: readonly Cell[], layout: readonly ColumnLayout[]): void {
  cells.forEach((c, i) => {
    const v = excelValue(c);
    if (!v.numFmt) return;
    const cell = row.getCell(i + 1);
    cell.numFmt = v.numFmt;
    if (v.numFmt === DATE_FORMAT) cell.alignment = { ...cell.alignment, horizontal: 'center' };
  });
  row.height = rowHeight(
    cells.map((c) => excelValue(c).text),
    layout,
  );
}

// The column's style: its font, top-aligned (a row of several lines reads from its top), wrapping
// where it wraps.
export const columnStyle = (l: ColumnLayout): Partial<ExcelJS.Style> => ({
  font: FONT,
  alignment: { vertical: 'top', ...(l.wrap ? { wrapText: true } : {}) },
});

// The width across A4 landscape between the margins workbook.ts sets (0.25 in each side), in
// Excel's units (7 px at 96 dpi; LibreOffice without the named font measures its unit by DejaVu
// Sans, 8.5 px, and prints the same table a fifth smaller).
export const A4_LANDSCAPE_UNITS = ((297 / 25.4 - 0.5) * 96) / 7;
// The smallest scale we print at: 10 pt text prints at 8 pt.
export const MIN_SCALE = 80;

// The pages a table takes across at a scale, columns kept whole, the first repeated on each page.
export function pagesAcross(widths: readonly number[], scale: number, page = A4_LANDSCAPE_UNITS): number {
  const room = (page * 100) / scale;
  const [first = 0, ...rest] = widths;
  let pages = 1;
  let used = first;
  for (const w of rest) {
    if (used + w > room && used > first) {
      pages += 1;
      used = first;
    }
    used += w;
  }
  return pages;
}

// A table too wide for one page: the largest scale (at most 100 %, at least MIN_SCALE) that prints
// it on as few pages across as MIN_SCALE does.
export function readableScale(widths: readonly number[]): number {
  const fewest = pagesAcross(widths, MIN_SCALE);
  let scale = 100;
  while (scale > MIN_SCALE && pagesAcross(widths, scale) > fewest) scale -= 1;
  return scale;
}

// ExcelJS writes a sheet's autoFilter but not the hidden name Excel keeps beside it
// (_xlnm._FilterDatabase, local to its sheet), without which LibreOffice drops the filter. ExcelJS
// writes a defined name's localSheetId when its model has one, so the names are added to the model
// it reads when the workbook is written.
export function addFilterNames(
  names: ExcelJS.DefinedNames,
  filters: readonly { sheetIndex: number; sheetName: string; ref: string }[],
): void {
  const own = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(names) as object, 'model');
  const extra = filters.map((f) => ({
    name: '_xlnm._FilterDatabase',
    localSheetId: f.sheetIndex,
    ranges: [`'${f.sheetName.replaceAll("'", "''")}'!${absolute(f.ref)}`],
  }));
  Object.defineProperty(names, 'model', {
    configurable: true,
    get: () => [...((own?.get?.call(names) as ExcelJS.DefinedNamesModel | undefined) ?? []), ...extra],
    set: (v: ExcelJS.DefinedNamesModel) => own?.set?.call(names, v),
  });
}

const absolute = (ref: string) => ref.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
