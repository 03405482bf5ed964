import { outcomeLabel, type Outcome } from './decisions';
import {
  channelLabels,
  kindInfo,
  requesterTypeLabels,
  type Channel,
  type RequestKind,
  type RequesterType,
} from './intake/kinds';
import {
  outsideLawCategories,
  outsideLawCategoryLabels,
  outsideLawResponses,
  outsideLawResponseLabels,
} from './outside-law';
import type { DateStyle } from './letters/catalogue';
import { channelsInOrder, decisionKeys, kindsInOrder, requestersInOrder, type Figures, type Report } from './reports';
import { NONE, num, type Cell, type Section, type Unit } from './table';

// The report as typed tables, in one place for the screen, CSV, XLSX and PDF alike.

export type { Cell, Section } from './table';

const fmt = (n: number | null, unit: Unit): Cell => (n === null ? NONE : num(n, unit));
const pct = (part: number, whole: number): Cell => (whole === 0 ? NONE : num((part / whole) * 100, '%'));

// While a period runs, its figures "at the end" are counted as of today (Figures.asOf).
const running = (f: Figures) => f.asOf < f.period.to;

// `atEnd`: the note after the two figures counted at the end (「（当期は本日時点）」 while it runs).
function mainLines(f: Figures, atEnd: string): [string, Cell][] {
  return [
    ['受け付けた請求', fmt(f.received.total, '件')],
    ['完了した請求', fmt(f.completed, '件')],
    [`期末に処理中の請求${atEnd}`, fmt(f.openAtEnd, '件')],
    [`期末に期限を過ぎていた請求${atEnd}`, fmt(f.overdueAtEnd, '件')],
    ['回答した請求', fmt(f.answered, '件')],
    ['回答までの日数（平均）', fmt(f.daysToAnswer.all.mean, '日')],
    ['回答までの日数（中央値）', fmt(f.daysToAnswer.all.median, '日')],
    ['回答までの日数（最大）', fmt(f.daysToAnswer.all.max, '日')],
    ['補正期間を除く日数（平均）', fmt(f.daysToAnswer.withoutCure.mean, '日')],
    ['補正期間を除く日数（中央値）', fmt(f.daysToAnswer.withoutCure.median, '日')],
    ['社内期限内の回答', pct(f.withinSla, f.answered)],
    ['法第39条の期限内の回答', pct(f.withinArticle39, f.answeredUnderArticle39)],
    ['補正の依頼', fmt(f.cures, '件')],
    ['取下げ', fmt(f.withdrawals, '件')],
    ['請求なしとして終了', fmt(f.deemedWithdrawn, '件')],
    ['法の対象外として終了した依頼（別計上）', fmt(f.outsideLaw.total, '件')],
    ['受領した手数料', fmt(f.feesReceived, '円')],
    ['返還すべき手数料', fmt(f.feesToReturn, '円')],
  ];
}

// Current and previous counts side by side, rows in `ordered`'s order (a fixed one, reports.ts).
function compare<K extends string>(
  current: Partial<Record<K, number>>,
  previous: Partial<Record<K, number>>,
  ordered: (counts: Partial<Record<K, number>>) => [K, number][],
  label: (k: K) => string,
): Cell[][] {
  const keys = ordered({ ...previous, ...current }).map(([k]) => k);
  return keys.map((k) => [label(k), fmt(current[k] ?? 0, '件'), fmt(previous[k] ?? 0, '件')]);
}

// 和暦 (令和8年10月) or 西暦 (2026年10月): one style through a report (issue 34 §6). The screen and
// the spreadsheets use 西暦, the printed report the style of the letters (settings).
const warekiMonth = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});
const warekiYear = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'UTC' });

// A month (YYYY-MM) as 2026年10月 or 令和8年10月.
export function monthLabel(month: string, style: DateStyle = 'seireki'): string {
  if (style === 'wareki') return warekiMonth.format(new Date(`${month}-01T00:00:00Z`));
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

// The year of a month (YYYY-MM) as 2026年 or 令和8年 (the era year that month is in).
export function yearLabel(month: string, style: DateStyle = 'seireki'): string {
  if (style === 'wareki') return warekiYear.format(new Date(`${month}-01T00:00:00Z`));
  return `${month.slice(0, 4)}年`;
}

export function periodLabel(f: Figures, style: DateStyle = 'seireki'): string {
  const [from, to] = [f.period.from.slice(0, 7), f.period.to.slice(0, 7)];
  return from === to ? monthLabel(from, style) : `${monthLabel(from, style)}〜${monthLabel(to, style)}`;
}

// The header of the tables, on the screen and in every export: a running period's column names
// the day its figures were counted on, so a file read later still says which day 本日 was.
export function reportHeader(r: Report, style: DateStyle = 'seireki'): [string, string, string] {
  const c = r.current;
  const day = running(c) ? `、${Number(c.asOf.slice(5, 7))}月${Number(c.asOf.slice(8, 10))}日時点` : '';
  return ['項目', `当期（${periodLabel(c, style)}${day}）`, `前期（${periodLabel(r.previous, style)}）`];
}

const decisionLabel = (d: { kind: RequestKind; outcome: Outcome }) =>
  `${kindInfo[d.kind].label}：${outcomeLabel(d.kind, d.outcome)}`;

// Decisions in the period as "種類：結果" with their number: kinds in the order of the Act, each
// kind's outcomes in their order (not the order the decisions were made in).
export function outcomeCounts(f: Figures): [string, number][] {
  return decisionKeys(f.decided.byKindOutcome).map((d): [string, number] => [
    decisionLabel(d),
    f.decided.byKindOutcome[d.kind]?.[d.outcome] ?? 0,
  ]);
}

// Under the counts per kind: one request may ask for several kinds, so they add up to more.
export const KINDS_NOTE =
  '1件の請求で複数の種類を求めることがあるため、種類別の件数の合計は受け付けた請求の件数より多くなることがあります。';

export function reportSections(r: Report, style: DateStyle = 'seireki'): Section[] {
  const header = reportHeader(r, style);
  // One label per row serves both columns: the previous period has ended and counts at its end.
  const atEnd = running(r.current) ? '（当期は本日時点）' : '';
  const prev = mainLines(r.previous, atEnd);
  const [cur, before] = [r.current.decided.byKindOutcome, r.previous.decided.byKindOutcome];
  return [
    { title: '主な数値', header, rows: mainLines(r.current, atEnd).map(([l, v], i) => [l, v, prev[i]?.[1] ?? '']) },
    {
      title: '請求の種類別の受付件数',
      header,
      rows: compare(r.current.received.byKind, r.previous.received.byKind, kindsInOrder, (k) => kindInfo[k].label),
      note: KINDS_NOTE,
    },
    {
      title: '受付方法別の受付件数',
      header,
      rows: compare(
        r.current.received.byChannel,
        r.previous.received.byChannel,
        channelsInOrder,
        (k: Channel) => channelLabels[k],
      ),
    },
    {
      title: '請求者の種別ごとの受付件数',
      header,
      rows: compare(
        r.current.received.byRequester,
        r.previous.received.byRequester,
        requestersInOrder,
        (k: RequesterType) => requesterTypeLabels[k],
      ),
    },
    {
      title: '決定の内容',
      header,
      rows: decisionKeys(cur, before).map((d) => [
        decisionLabel(d),
        fmt(cur[d.kind]?.[d.outcome] ?? 0, '件'),
        fmt(before[d.kind]?.[d.outcome] ?? 0, '件'),
      ]),
    },
    {
      // Not 請求 under the Act: none of the figures above counts them.
      title: '法の対象外として終了した依頼',
      header,
      rows: [
        ...outsideLawCategories.map((k) => [
          `理由：${outsideLawCategoryLabels[k]}`,
          fmt(r.current.outsideLaw.byCategory[k] ?? 0, '件'),
          fmt(r.previous.outsideLaw.byCategory[k] ?? 0, '件'),
        ]),
        ...outsideLawResponses.map((k) => [
          `対応：${outsideLawResponseLabels[k]}`,
          fmt(r.current.outsideLaw.byResponse[k] ?? 0, '件'),
          fmt(r.previous.outsideLaw.byResponse[k] ?? 0, '件'),
        ]),
      ],
    },
  ];
}
