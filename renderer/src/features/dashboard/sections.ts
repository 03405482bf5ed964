import type { ChannelOutput, RequestSummary } from '../../../../core/contract';
import { type IsoDate, slashDate } from '../../../../core/domain/dates';
import { weekdayLabel } from '../../../../core/domain/deadlines';
import type { Role } from '../../../../core/domain/roles';
import { formatLetterDate } from '../../../../core/domain/letters/catalogue';
import { answerOverdue, awaitsCure } from '../../../../core/domain/workflow';

// What the dashboard shows, in which order, decided here without React (sections.test.ts).

export type Board = ChannelOutput<'requests.dashboard'>;
export type ListKey =
  'overdue' | 'dueToday' | 'dueThisWeek' | 'newArrivals' | 'awaitingCure' | 'awaitingMyApproval' | 'suspected';

// Which date a list's rows show.
export type DateColumn = 'due' | 'cure' | 'arrival';

export type Section = {
  key: ListKey;
  title: string;
  date: DateColumn;
  color: 'danger' | 'warning' | 'brand' | 'informative';
};

// Today as the heading says it, in the letters' calendar: 令和8年12月8日（火） or 2026年12月8日（火）.
export const todayHeading = (board: Pick<Board, 'today' | 'dateStyle'>): string =>
  `${formatLetterDate(board.today, board.dateStyle)}（${weekdayLabel(board.today)}）`;

// A date in a row: 12/15（火） this year, 2025/12/26（金） another.
export function rowDate(day: IsoDate, today: IsoDate): string {
  const shown = day.slice(0, 4) === today.slice(0, 4) ? slashDate(day).slice(5) : slashDate(day);
  return `${shown}（${weekdayLabel(day)}）`;
}

// The lists in two columns, each in the order staff work through it: the answers by their
// deadlines on the left (an approver's 決裁待ち first of all), the requests waiting on
// something else on the right. The list of suspicions shows only when there is one.
export function sectionsFor(board: Board, roles: readonly Role[]): [Section[], Section[]] {
  const all: Record<ListKey, Section> = {
    awaitingMyApproval: {
      key: 'awaitingMyApproval',
      title: 'あなたの決裁を待っている請求',
      date: 'due',
      color: 'brand',
    },
    overdue: { key: 'overdue', title: '回答期限を過ぎた請求', date: 'due', color: 'danger' },
    dueToday: { key: 'dueToday', title: '本日が回答期限の請求', date: 'due', color: 'danger' },
    dueThisWeek: {
      key: 'dueThisWeek',
      title: `1週間以内に回答期限が来る請求（${rowDate(board.weekEnd, board.today)}まで）`,
      date: 'due',
      color: 'warning',
    },
    suspected: {
      key: 'suspected',
      title: 'なりすましの疑いがある請求（個人情報保護管理者の確認が必要です）',
      date: 'due',
      color: 'danger',
    },
    awaitingCure: { key: 'awaitingCure', title: '補正の期限（補正待ちの請求）', date: 'cure', color: 'warning' },
    newArrivals: {
      key: 'newArrivals',
      title: '新しく届いた請求（受付・確認中、到達日順）',
      date: 'arrival',
      color: 'informative',
    },
  };
  const left: ListKey[] = [
    ...(roles.includes('approver') ? (['awaitingMyApproval'] as const) : []),
    'overdue',
    'dueToday',
    'dueThisWeek',
  ];
  const right: ListKey[] = [
    ...(board.suspected.total > 0 ? (['suspected'] as const) : []),
    'awaitingCure',
    'newArrivals',
  ];
  return [left.map((k) => all[k]), right.map((k) => all[k])];
}

export const dateColumnLabels: Record<DateColumn, string> = {
  due: '回答期限',
  cure: '補正の期限',
  arrival: '到達日',
};

// What a row says beyond its columns: its date has passed (the answer's, or the 補正's), and
// whether it is a 補正待ち listed by its answer date (the 法第39条 date, which runs on).
export function rowFlags(
  r: RequestSummary,
  date: DateColumn,
  today: IsoDate,
): { date: IsoDate | null; late: boolean; article39: boolean } {
  const shown = date === 'cure' ? r.cureDue : date === 'arrival' ? r.arrivalDate : r.dueDate;
  const late = date === 'cure' ? r.cureDue !== null && r.cureDue < today : date === 'due' && answerOverdue(r, today);
  return { date: shown, late, article39: awaitsCure(r.status) && date === 'due' };
}
