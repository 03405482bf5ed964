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
import type { Figures, Report } from './reports';
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

function compare<K extends string>(
  current: Partial<Record<K, number>>,
  previous: Partial<Record<K, number>>,
  label: (k: K) => string,
): Cell[][] {
  const keys = [...new Set([...Object.keys(current), ...Object.keys(previous)])] as K[];
  return keys.map((k) => [label(k), fmt(current[k] ?? 0, '件'), fmt(previous[k] ?? 0, '件')]);
}

export function periodLabel(f: Figures): string {
  const [fy, fm] = [f.period.from.slice(0, 4), Number(f.period.from.slice(5, 7))];
  const [ty, tm] = [f.period.to.slice(0, 4), Number(f.period.to.slice(5, 7))];
  return fy === ty && fm === tm ? `${fy}年${fm}月` : `${fy}年${fm}月〜${ty}年${tm}月`;
}

// The header of the tables, on the screen and in every export: a running period's column names
// the day its figures were counted on, so a file read later still says which day 本日 was.
export function reportHeader(r: Report): [string, string, string] {
  const c = r.current;
  const day = running(c) ? `、${Number(c.asOf.slice(5, 7))}月${Number(c.asOf.slice(8, 10))}日時点` : '';
  return ['項目', `当期（${periodLabel(c)}${day}）`, `前期（${periodLabel(r.previous)}）`];
}

// Decisions in the period as "種類：結果" with their number, in the order they were counted.
export function outcomeCounts(f: Figures): [string, number][] {
  return Object.entries(f.decided.byKindOutcome).flatMap(([k, os]) =>
    Object.entries(os).map(([o, n]): [string, number] => [
      `${kindInfo[k as RequestKind].label}：${outcomeLabel(k as RequestKind, o as Outcome)}`,
      n,
    ]),
  );
}

export function reportSections(r: Report): Section[] {
  const header = reportHeader(r);
  // One label per row serves both columns: the previous period has ended and counts at its end.
  const atEnd = running(r.current) ? '（当期は本日時点）' : '';
  const prev = mainLines(r.previous, atEnd);
  const outcomes = (f: Figures) => Object.fromEntries(outcomeCounts(f));
  return [
    { title: '主な数値', header, rows: mainLines(r.current, atEnd).map(([l, v], i) => [l, v, prev[i]?.[1] ?? '']) },
    {
      title: '請求の種類別の受付件数',
      header,
      rows: compare(r.current.received.byKind, r.previous.received.byKind, (k: RequestKind) => kindInfo[k].label),
    },
    {
      title: '受付方法別の受付件数',
      header,
      rows: compare(r.current.received.byChannel, r.previous.received.byChannel, (k: Channel) => channelLabels[k]),
    },
    {
      title: '請求者の種別ごとの受付件数',
      header,
      rows: compare(
        r.current.received.byRequester,
        r.previous.received.byRequester,
        (k: RequesterType) => requesterTypeLabels[k],
      ),
    },
    { title: '決定の内容', header, rows: compare(outcomes(r.current), outcomes(r.previous), (k: string) => k) },
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
