import { rgb } from 'pdf-lib';
import { addMonths } from '../../../core/domain/dates';
import { breakLines } from '../../../core/domain/letters/kinsoku';
import type { DateStyle } from '../../../core/domain/letters/catalogue';
import { yearLabel } from '../../../core/domain/report-sections';
import { cellText, type Section } from '../../../core/domain/table';
import {
  BODY,
  CONTENT,
  MARGIN,
  MM,
  SAVE_OPTIONS,
  measurer,
  numberPages,
  startDocument,
  stringsIn,
  type LetterFonts,
  type Writer,
} from './layout';
import { drawTable, leadHeight, type TableOptions } from './table';

// The monthly or annual report as an A4 document on the letter layout engine: the figures as
// tables, the last 12 months and the outcomes as vector bar charts (rectangles, not images), and
// the comment of the 個人情報保護管理者.

export type ReportDocument = {
  title: string;
  // The company and the day the report was made, top right.
  byline: string[];
  sections: readonly Section[];
  // Requests received per month; the chart shows the 12 months ending with `chartTo` (YYYY-MM).
  perMonth: readonly { month: string; count: number }[];
  chartTo: string;
  // Outcomes in the period, one bar each.
  outcomes: readonly [string, number][];
  comment: string;
  // The calendar of the chart's years, as of the rest of the report (西暦 when not given).
  dateStyle?: DateStyle;
};

const SMALL = 9;
const ROW = 15;
const BAR = rgb(0.19, 0.38, 0.62);
const GRID = rgb(0.55, 0.55, 0.55);

const HEADING = 11.5;

// A heading never stays alone at a page foot: it moves on with `keep`, the height of what must
// follow it on the same page (a table's header and first rows, the chart, two lines).
function heading(w: Writer, s: string, keep: number): void {
  w.ensure(0.4 * w.line + HEADING * 1.7 + keep);
  w.gap(0.4);
  w.paragraph(s, MARGIN.left, CONTENT, { font: w.gothic, size: HEADING });
}

const CHART = 42 * MM + 3 * ROW;

function monthChart(w: Writer, data: ReportDocument['perMonth'], to: string, style: DateStyle): void {
  const months = Array.from({ length: 12 }, (_, i) => addMonths(`${to}-01`, i - 11).slice(0, 7));
  const counts = months.map((m) => data.find((d) => d.month === m)?.count ?? 0);
  const max = Math.max(1, ...counts);
  const height = 42 * MM;
  w.ensure(CHART);
  const base = w.y - height - ROW;
  const slot = CONTENT / months.length;
  const measure = measurer(w.mincho, SMALL);
  w.page.drawLine({
    start: { x: MARGIN.left, y: base },
    end: { x: MARGIN.left + CONTENT, y: base },
    thickness: 0.6,
    color: GRID,
  });
  months.forEach((m, i) => {
    const count = counts[i] ?? 0;
    const h = (count / max) * (height - ROW);
    const x = MARGIN.left + i * slot;
    if (h > 0) w.page.drawRectangle({ x: x + slot * 0.2, y: base, width: slot * 0.6, height: h, color: BAR });
    const value = String(count);
    w.draw(value, {
      x: x + (slot - measure(value)) / 2,
      y: base + h + 3,
      size: SMALL,
      font: w.mincho,
    });
    const label = `${Number(m.slice(5))}月`;
    w.draw(label, { x: x + (slot - measure(label)) / 2, y: base - SMALL - 3, size: SMALL, font: w.mincho });
    // The year under the first month and under each January.
    if (i === 0 || m.endsWith('-01')) {
      const year = yearLabel(m, style);
      w.draw(year, {
        x: x + (slot - measure(year)) / 2,
        y: base - 2 * SMALL - 6,
        size: SMALL,
        font: w.mincho,
      });
    }
    w.lines.push(`${m.slice(0, 4)}年${label} ${value}`);
  });
  w.y = base - 2 * ROW - 4;
}

function barList(w: Writer, rows: ReportDocument['outcomes']): void {
  if (rows.length === 0) {
    w.paragraph('この期間の決定はありません。', MARGIN.left, CONTENT);
    return;
  }
  const max = Math.max(1, ...rows.map(([, n]) => n));
  const labelWidth = CONTENT * 0.45;
  const barWidth = CONTENT * 0.42;
  const measure = measurer(w.mincho, SMALL);
  for (const [label, n] of rows) {
    w.ensure(ROW);
    const y = w.y - ROW + 4;
    const shown = breakLines(label, labelWidth, measure)[0] ?? '';
    w.draw(shown, { x: MARGIN.left, y, size: SMALL, font: w.mincho });
    const length = (n / max) * barWidth;
    if (length > 0) {
      w.page.drawRectangle({ x: MARGIN.left + labelWidth, y: y - 1, width: length, height: SMALL, color: BAR });
    }
    w.draw(`${n}件`, { x: MARGIN.left + labelWidth + length + 4, y, size: SMALL, font: w.mincho });
    w.lines.push(`${label} ${n}件`);
    w.y -= ROW;
  }
}

// A table with a shaded header, repeated on each page it continues on; the first column wraps,
// the others are right-aligned figures.
function tableOf(s: Section): TableOptions {
  const first = CONTENT * 0.5;
  const rest = (CONTENT - first) / Math.max(1, s.header.length - 1);
  return {
    header: s.header,
    rows: s.rows.map((r) => r.map(cellText)),
    widths: s.header.map((_, i) => (i === 0 ? first : rest)),
    size: SMALL,
    align: s.header.map((_, i) => (i === 0 ? 'left' : 'right')),
    repeatHeader: true,
    empty: '該当はありません。',
  };
}

// A section: its heading (kept with the table's header and first two rows), the table, its note.
function section(w: Writer, s: Section): void {
  const t = tableOf(s);
  heading(w, s.title, leadHeight(w, t));
  drawTable(w, t);
  if (s.note) {
    w.y -= 4;
    w.paragraph(`※${s.note}`, MARGIN.left, CONTENT, { size: SMALL });
  }
}

export async function renderReport(
  report: ReportDocument,
  fonts: LetterFonts,
): Promise<{ bytes: Uint8Array; lines: string[]; pages: number }> {
  const { doc, writer: w } = await startDocument(fonts, report.title, stringsIn(report));
  w.paragraph(report.title, MARGIN.left, CONTENT, { font: w.gothic, size: 14, align: 'center' });
  for (const line of report.byline) w.paragraph(line, MARGIN.left, CONTENT, { align: 'right', size: BODY });

  const [main, ...others] = report.sections;
  if (main) section(w, main);
  heading(w, '過去12か月の受付件数', CHART);
  monthChart(w, report.perMonth, report.chartTo, report.dateStyle ?? 'seireki');
  heading(w, '決定の内容（当期）', Math.max(1, Math.min(2, report.outcomes.length)) * ROW);
  barList(w, report.outcomes);
  for (const s of others) section(w, s);
  heading(w, '個人情報保護管理者のコメント', 2 * w.line);
  for (const p of (report.comment || '（コメントはありません）').split('\n')) {
    w.paragraph(p, MARGIN.left, CONTENT);
  }
  numberPages(w);
  const bytes = await doc.save(SAVE_OPTIONS);
  return { bytes, lines: w.lines, pages: w.pages.length };
}
