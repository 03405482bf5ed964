import { rgb } from 'pdf-lib';
import { breakLines } from '../../../core/domain/letters/kinsoku';
import { MARGIN, measurer, type Writer } from './layout';

// A table on the layout engine: cells wrap with 禁則 (and at line breaks), the header is shaded,
// and rows never split across pages. Reports draw rules between rows only; the 別紙 of a letter
// draws a full grid and repeats the header on every page it continues on.

export type TableOptions = {
  header: readonly string[];
  rows: readonly (readonly string[])[];
  // Column widths in points.
  widths: readonly number[];
  size: number;
  // Per column; left when not given.
  align?: readonly ('left' | 'right')[];
  grid?: boolean;
  repeatHeader?: boolean;
  // Printed under the header when there is no row.
  empty?: string;
};

const PAD = 4;
const GRID = rgb(0.55, 0.55, 0.55);
const SHADE = rgb(0.87, 0.91, 0.95);

// Each cell's lines and the row's height.
function layoutRow(w: Writer, t: TableOptions, cells: readonly string[]): { wrapped: string[][]; height: number } {
  const measure = measurer(w.mincho, t.size);
  const wrapped = cells.map((c, i) =>
    c.split('\n').flatMap((part) => breakLines(part, (t.widths[i] ?? 0) - 2 * PAD, measure)),
  );
  return { wrapped, height: Math.max(1, ...wrapped.map((l) => l.length)) * (t.size + 4) + 6 };
}

// The height of the header and the first `rows` rows (or the empty-table line): what a heading
// keeps with it at a page foot.
export function leadHeight(w: Writer, t: TableOptions, rows = 2): number {
  const first = t.rows.slice(0, rows).reduce((h, r) => h + layoutRow(w, t, r).height, 0);
  return layoutRow(w, t, t.header).height + (t.rows.length === 0 && t.empty ? w.line : first);
}

export function drawTable(w: Writer, t: TableOptions): void {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const step = t.size + 4;
  const row = (cells: readonly string[], header: boolean): void => {
    const { wrapped, height } = layoutRow(w, t, cells);
    const before = w.pages.length;
    w.ensure(height);
    // A row that moved to a new page takes the header with it.
    if (!header && t.repeatHeader && w.pages.length > before) row(t.header, true);
    const top = w.y;
    if (header) w.page.drawRectangle({ x: MARGIN.left, y: top - height, width: total, height, color: SHADE });
    let x = MARGIN.left;
    wrapped.forEach((lines, i) => {
      const width = t.widths[i] ?? 0;
      lines.forEach((line, j) => {
        const right = (t.align?.[i] ?? 'left') === 'right';
        const font = header ? w.gothic : w.mincho;
        w.draw(line, {
          x: right ? x + width - PAD - measurer(font, t.size)(line) : x + PAD,
          y: top - (j + 1) * step,
          size: t.size,
          font,
        });
      });
      x += width;
    });
    w.lines.push(cells.join(' '));
    w.y = top - height;
    const rule = (x1: number, y1: number, x2: number, y2: number, thickness: number) =>
      w.page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness, color: GRID });
    rule(MARGIN.left, w.y, MARGIN.left + total, w.y, header ? 0.8 : 0.3);
    if (t.grid) {
      if (header) rule(MARGIN.left, top, MARGIN.left + total, top, 0.8);
      let cx = MARGIN.left;
      for (const width of [0, ...t.widths]) {
        cx += width;
        rule(cx, top, cx, w.y, 0.3);
      }
    }
  };
  row(t.header, true);
  for (const r of t.rows) row(r, false);
  if (t.rows.length === 0 && t.empty) w.paragraph(t.empty, MARGIN.left + PAD, total, { size: t.size });
}
