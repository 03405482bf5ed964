import { describe, expect, it } from 'vitest';
import type { RequestSummary } from '../../../../core/contract';
import { rowDate, rowFlags, sectionsFor, todayHeading, type Board } from './sections';

const empty = { rows: [], total: 0, capped: false };
const board = (over: Partial<Board> = {}): Board => ({
  today: '2026-12-08',
  dateStyle: 'wareki',
  weekEnd: '2026-12-15',
  overdue: empty,
  dueToday: empty,
  dueThisWeek: empty,
  newArrivals: empty,
  awaitingCure: empty,
  awaitingMyApproval: empty,
  suspected: empty,
  ...over,
});

const summary = (over: Partial<RequestSummary>): RequestSummary => ({
  id: 'r',
  receiptNo: '2026-0001',
  arrivalDate: '2026-11-20',
  status: 'investigating',
  requesterType: 'self',
  principalName: '山田 太郎',
  principalKana: 'ヤマダ タロウ',
  kinds: ['disclosure'],
  channel: 'post',
  dueDate: '2026-12-04',
  cureDue: null,
  closedOn: null,
  ...over,
});

describe('the dashboard', () => {
  it('puts an approver’s 決裁待ち first, and shows it to approvers only', () => {
    const keys = (roles: Parameters<typeof sectionsFor>[1]) =>
      sectionsFor(board(), roles).map((c) => c.map((s) => s.key));
    expect(keys(['staff', 'approver'])).toEqual([
      ['awaitingMyApproval', 'overdue', 'dueToday', 'dueThisWeek'],
      ['awaitingCure', 'newArrivals'],
    ]);
    expect(keys(['staff'])).toEqual([
      ['overdue', 'dueToday', 'dueThisWeek'],
      ['awaitingCure', 'newArrivals'],
    ]);
  });

  it('lists suspicions only when there is one, at the head of the second column', () => {
    const suspected = { rows: [summary({})], total: 1, capped: false };
    expect(sectionsFor(board({ suspected }), ['staff'])[1].map((s) => s.key)).toEqual([
      'suspected',
      'awaitingCure',
      'newArrivals',
    ]);
  });

  it('says today in the letters’ calendar, with the day of the week, and the week’s last day in its title', () => {
    expect(todayHeading(board())).toBe('令和8年12月8日（火）');
    expect(todayHeading(board({ dateStyle: 'seireki' }))).toBe('2026年12月8日（火）');
    expect(sectionsFor(board(), ['staff'])[0][2]?.title).toBe('1週間以内に回答期限が来る請求（12/15（火）まで）');
  });

  it('writes a row’s date short in this year, whole in another', () => {
    expect(rowDate('2026-12-15', '2026-12-08')).toBe('12/15（火）');
    expect(rowDate('2027-01-04', '2026-12-28')).toBe('2027/01/04（月）');
  });

  it('marks a passed answer date or 補正 date, and a 補正待ち listed by its 法第39条 date', () => {
    const today = '2026-12-08';
    expect(rowFlags(summary({}), 'due', today)).toEqual({ date: '2026-12-04', late: true, article39: false });
    expect(rowFlags(summary({ dueDate: today }), 'due', today).late).toBe(false);
    const cure = summary({ status: 'awaitingCure', cureDue: '2026-12-07', dueDate: '2026-12-10' });
    expect(rowFlags(cure, 'cure', today)).toEqual({ date: '2026-12-07', late: true, article39: false });
    expect(rowFlags({ ...cure, cureDue: today }, 'cure', today).late).toBe(false);
    expect(rowFlags(cure, 'due', today)).toEqual({ date: '2026-12-10', late: false, article39: true });
    expect(rowFlags(summary({ status: 'received' }), 'arrival', today)).toEqual({
      date: '2026-11-20',
      late: false,
      article39: false,
    });
  });
});
