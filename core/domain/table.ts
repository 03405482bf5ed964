import { slashDate } from './dates';
import type { IsoDate } from './dates';

// A cell of an exported table, typed so that each output shows it as its reader expects: the
// screen and PDF as text (1,000円, 2026/10/01), Excel as a number or a date with a format, CSV
// as a plain integer or yyyy/mm/dd.

export const units = ['件', '円', '日', '%'] as const;
export type Unit = (typeof units)[number];
export type Cell = string | { n: number; unit: Unit } | { date: IsoDate };
// `note`: a sentence printed under the table (the screen and the PDF show it).
export type Section = { title: string; header: string[]; rows: Cell[][]; note?: string };

export const num = (n: number, unit: Unit): Cell => ({ n, unit });
// A figure that cannot be computed (no answers yet, say): a dash on screen, empty in CSV.
export const NONE = '—';
export const dateCell = (d: IsoDate | null | undefined): Cell => (d ? { date: d } : '');

export { slashDate };

export function cellText(c: Cell): string {
  if (typeof c === 'string') return c;
  if ('date' in c) return slashDate(c.date);
  if (c.unit === '%') return `${(Math.round(c.n * 10) / 10).toLocaleString('ja-JP')}%`;
  return `${c.n.toLocaleString('ja-JP')}${c.unit}`;
}

// OWASP's CSV injection advice: a text cell a spreadsheet could read as a formula or a command
// (leading =, +, -, @, tab or carriage return) is written with a leading apostrophe, which Excel
// and LibreOffice show as text. Numbers and dates we typed ourselves are not text and stay as
// they are, and so does a text that is a plain signed number (a person's own -500 or +81): a
// spreadsheet reads it as that number and runs nothing, and the apostrophe would change the
// disclosed value itself (issue 34 §6). `-1+2`, `-A1` or `+1 2` are not plain numbers: guarded.
export const PLAIN_NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;
export const neutralize = (s: string) => (FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s);

export function csvText(c: Cell): string {
  if (c === NONE) return '';
  if (typeof c === 'string') return neutralize(c);
  if ('date' in c) return slashDate(c.date);
  return String(c.unit === '%' ? Math.round(c.n * 10) / 10 : c.n);
}

// One table per file, header first (what a tool importing a CSV expects), every cell quoted,
// CRLF line ends (the caller adds the BOM or encodes to Shift_JIS).
const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `${header.map((h) => quote(neutralize(h))).join(',')}\r\n${csvRows(rows)}`;
}

// The lines of rows alone, each ended by CRLF (what toCsv writes after its header line), for
// writing a long table in parts.
export function csvRows(rows: readonly (readonly Cell[])[]): string {
  let out = '';
  for (const row of rows) out += `${row.map((c) => quote(csvText(c))).join(',')}\r\n`;
  return out;
}

// The report's sections as one import-friendly table: 区分 (the section), 項目, 単位, then one
// column per period.
export function sectionsAsTable(sections: readonly Section[]): { header: string[]; rows: Cell[][] } {
  const periods = sections[0]?.header.slice(1) ?? [];
  const rows = sections.flatMap((s) =>
    s.rows.map((r) => {
      const unit = r.slice(1).find((c): c is { n: number; unit: Unit } => typeof c === 'object' && 'n' in c)?.unit;
      return [s.title, r[0] ?? '', unit ?? '', ...r.slice(1)];
    }),
  );
  return { header: ['区分', '項目', '単位', ...periods], rows };
}

// Display width, full-width characters counting two (Excel's units; the printed proportions too).
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    w += code <= 0xff || (code >= 0xff61 && code <= 0xff9f) ? 1 : 2;
  }
  return w;
}

// Column widths for a table printed across the page, as fractions of its width: each column as
// wide as its header or its longer cells (the 90th percentile, so that one long note does not
// take the page), between 4 and 30 half-width characters, long text wrapping within.
function wantedWidths(header: readonly string[], rows: readonly (readonly string[])[]): number[] {
  return header.map((h, c) => {
    const cells = rows.map((r) => Math.max(0, ...(r[c] ?? '').split('\n').map(displayWidth))).sort((a, b) => a - b);
    const p90 = cells[Math.min(cells.length - 1, Math.floor(cells.length * 0.9))] ?? 0;
    const longestWord = Math.max(0, ...h.split(/\s+/).map(displayWidth));
    return Math.min(30, Math.max(4, Math.min(longestWord, 12), p90));
  });
}

// Half-width characters that fit across A4 portrait at the 別紙's 9 pt, cell padding included.
const PORTRAIT_CHARS = 90;

// Whether a table reads better across an A4 landscape page: more than fits across portrait.
export const wantsLandscape = (header: readonly string[], rows: readonly (readonly string[])[]): boolean =>
  wantedWidths(header, rows).reduce((a, b) => a + b, 0) > PORTRAIT_CHARS;

export function fitColumns(header: readonly string[], rows: readonly (readonly string[])[]): number[] {
  const wanted = wantedWidths(header, rows);
  const total = wanted.reduce((a, b) => a + b, 0) || 1;
  return wanted.map((w) => w / total);
}
