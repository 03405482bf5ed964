import { z } from 'zod';
import { groundLabels } from '../decisions';
import { noUnsafe } from '../intake/text';

// Withholding (一部開示, issue 17 §2) on a table record: whole columns, rows or single cells, each
// with its ground under 33条2項 and the reason sentence given to the person (36条). The letter's
// 「開示しない部分及びその理由」 is built from the marks, grouped by ground.

export const withholdGrounds = ['a33-2-1', 'a33-2-2', 'a33-2-3'] as const;
export type WithholdGround = (typeof withholdGrounds)[number];

const index = (label: string) => z.number().int(`${label}が正しくありません。`).min(0, `${label}が正しくありません。`);
const common = {
  ground: z.enum(withholdGrounds, '不開示の根拠（第33条第2項各号）を選択してください。'),
  reason: z
    .string()
    .trim()
    .min(1, '不開示の理由を入力してください（法第36条）。')
    .max(2000, '不開示の理由は2000文字以内で入力してください。')
    .superRefine(noUnsafe('不開示の理由', true)),
};
// A rectangle on a page of a document (PDF page or image), as fractions of the page's width and
// height from its top-left corner as shown, so that it does not depend on the resolution.
const fraction = z
  .number('範囲の位置が正しくありません。')
  .min(0, '範囲がページの外にあります。')
  .max(1, '範囲がページの外にあります。');
export const Mark = z.discriminatedUnion('target', [
  z.object({ target: z.literal('column'), column: index('列'), ...common }).strict(),
  z.object({ target: z.literal('row'), row: index('行'), ...common }).strict(),
  z.object({ target: z.literal('cell'), row: index('行'), column: index('列'), ...common }).strict(),
  z
    .object({
      target: z.literal('area'),
      page: index('ページ'),
      x: fraction,
      y: fraction,
      width: fraction,
      height: fraction,
      ...common,
    })
    .strict(),
]);
export type Mark = z.infer<typeof Mark>;
export const Marks = z.array(Mark).max(10_000, '不開示の指定は1つの記録につき10,000件までです。');

export type AreaMark = Extract<Mark, { target: 'area' }>;
// Smaller than this (a fraction of the page) is a slip of the mouse, not a part withheld.
const MIN_AREA_SIDE = 0.002;

// Marks that point outside the table, in Japanese (nothing is saved then).
export function marksProblems(marks: readonly Mark[], columns: number, rows: number): string[] {
  const problems = new Set<string>();
  for (const m of marks) {
    if (m.target === 'area') problems.add('表の記録には、範囲（黒塗り）ではなく列・行・セルを指定してください。');
    if ('column' in m && m.column >= columns) problems.add(`${m.column + 1}列目はこの表にありません。`);
    if ('row' in m && m.row >= rows) problems.add(`${m.row + 1}行目はこの表にありません。`);
  }
  return [...problems];
}

// Rectangles that are not on a page of the document, or not rectangles at all.
export function areaProblems(marks: readonly Mark[], pages: number): string[] {
  const problems = new Set<string>();
  for (const m of marks) {
    if (m.target !== 'area') {
      problems.add('文書・画像の記録には、列・行・セルではなく範囲（黒塗り）を指定してください。');
      continue;
    }
    if (m.page >= pages) problems.add(`${m.page + 1}ページ目はこの記録にありません（全${pages}ページ）。`);
    if (m.x + m.width > 1.000001 || m.y + m.height > 1.000001) problems.add('範囲がページの外にあります。');
    if (m.width < MIN_AREA_SIDE || m.height < MIN_AREA_SIDE) problems.add('範囲が小さすぎます。');
  }
  return [...problems];
}

// Whether a cell is withheld, and under which mark.
export function markAt(marks: readonly Mark[], row: number, column: number): Mark | undefined {
  return marks.find(
    (m) =>
      (m.target === 'column' && m.column === column) ||
      (m.target === 'row' && m.row === row) ||
      (m.target === 'cell' && m.row === row && m.column === column),
  );
}

export type MarkedRecord = { fileName: string; header: readonly string[]; marks: readonly Mark[] };

function part(header: readonly string[], m: Mark): string {
  const col = (c: number) => `「${header[c] ?? `${c + 1}列目`}」`;
  if (m.target === 'column') return `${col(m.column)}の列`;
  if (m.target === 'row') return `${m.row + 1}行目`;
  if (m.target === 'area') return `${m.page + 1}ページ目の黒塗りの部分`;
  return `${m.row + 1}行目の${col(m.column)}`;
}

// 「開示しない部分及びその理由」: per ground (in the order of 33条2項), which record and which parts,
// then the reasons given for them.
export function withheldSection(records: readonly MarkedRecord[]): string {
  const blocks: string[] = [];
  for (const g of withholdGrounds) {
    const lines: string[] = [];
    const reasons = new Set<string>();
    for (const r of records) {
      const ms = r.marks.filter((m) => m.ground === g);
      if (ms.length === 0) continue;
      lines.push(`・${r.fileName}: ${ms.map((m) => part(r.header, m)).join('、')}`);
      for (const m of ms) reasons.add(m.reason);
    }
    if (lines.length === 0) continue;
    blocks.push([`【${groundLabels[g]}】`, ...lines, `理由: ${[...reasons].join('\n')}`].join('\n'));
  }
  return blocks.join('\n');
}

// The grounds the marks use, for the decision's legal grounds.
export const markGrounds = (records: readonly MarkedRecord[]): WithholdGround[] =>
  withholdGrounds.filter((g) => records.some((r) => r.marks.some((m) => m.ground === g)));

// What a withheld cell shows wherever the table is disclosed (paper 別紙, CSV, Excel, PDF).
export const WITHHELD_CELL = '（不開示）';

// The rows as disclosed: every withheld cell replaced, so the withheld value goes nowhere.
export function disclosedRows(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  marks: readonly Mark[],
): string[][] {
  return rows.map((row, i) => header.map((_, c) => (markAt(marks, i, c) ? WITHHELD_CELL : (row[c] ?? ''))));
}
