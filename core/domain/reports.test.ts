import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import { computeReport, monthPeriod, previousPeriod, stats, yearPeriod, type ReportRow } from './reports';

const row = (over: Partial<ReportRow> & Pick<ReportRow, 'id' | 'arrivalDate' | 'article39Date'>): ReportRow => ({
  channel: 'post',
  requesterType: 'self',
  kinds: ['disclosure'],
  status: 'received',
  closedOn: null,
  approvedOn: null,
  decisions: [],
  answeredOn: null,
  cureDays: 0,
  cureRequestedOn: [],
  slaDate: null,
  feesReceived: [],
  feeToReturn: 0,
  ...over,
});

// The day the October reports below are made: November, after the month ended.
const AFTER = '2026-11-20';

// Each number of October 2026 is known by construction (see the comments).
const rows: ReportRow[] = [
  // A: plain 開示, answered in 8 days, completed.
  row({
    id: 'A',
    arrivalDate: '2026-10-01',
    status: 'completed',
    closedOn: '2026-10-12',
    approvedOn: '2026-10-08',
    decisions: [{ kind: 'disclosure', outcome: 'full' }],
    answeredOn: '2026-10-09',
    slaDate: '2026-10-15',
    article39Date: '2026-10-15',
    feesReceived: [{ on: '2026-10-01', amount: 1000 }],
  }),
  // B: by FAX from an agent, paused 6 days by a 補正; answered on day 15 (9 without the pause):
  // within the SLA (which the pause moved) but after the 39条 date.
  row({
    id: 'B',
    arrivalDate: '2026-10-05',
    channel: 'fax',
    requesterType: 'appointed',
    status: 'completed',
    closedOn: '2026-10-22',
    approvedOn: '2026-10-19',
    decisions: [{ kind: 'disclosure', outcome: 'refused' }],
    answeredOn: '2026-10-20',
    cureDays: 6,
    cureRequestedOn: ['2026-10-06'],
    slaDate: '2026-10-25',
    article39Date: '2026-10-19',
    feesReceived: [{ on: '2026-10-05', amount: 1000 }],
  }),
  // C: withdrawn.
  row({
    id: 'C',
    arrivalDate: '2026-10-10',
    channel: 'email',
    kinds: ['correction'],
    status: 'withdrawn',
    closedOn: '2026-10-12',
    article39Date: '2026-10-24',
  }),
  // D: answered after its SLA and its 39条 date; sent, not yet completed (open at the end).
  row({
    id: 'D',
    arrivalDate: '2026-10-13',
    kinds: ['erasure'],
    status: 'sent',
    approvedOn: '2026-10-28',
    decisions: [{ kind: 'erasure', outcome: 'notDone' }],
    answeredOn: '2026-10-29',
    slaDate: '2026-10-27',
    article39Date: '2026-10-27',
  }),
  // E: arrives at the end of October, answered in November (crosses the month boundary).
  row({
    id: 'E',
    arrivalDate: '2026-10-28',
    requesterType: 'parent',
    status: 'sent',
    answeredOn: '2026-11-05',
    slaDate: '2026-11-11',
    article39Date: '2026-11-11',
    feesReceived: [{ on: '2026-10-28', amount: 1000 }],
    feeToReturn: 200,
  }),
  // F: arrived in September and still not answered: overdue at both month ends.
  row({
    id: 'F',
    arrivalDate: '2026-09-10',
    status: 'investigating',
    slaDate: '2026-09-24',
    article39Date: '2026-09-24',
  }),
  // G: a 補正 in September never answered: closed as 請求なし in October.
  row({
    id: 'G',
    arrivalDate: '2026-09-20',
    status: 'deemedWithdrawn',
    closedOn: '2026-10-07',
    cureRequestedOn: ['2026-09-21'],
    article39Date: '2026-10-04',
  }),
];

describe('reports', () => {
  it('computes October 2026 from the fixture, number by number', () => {
    const { current: f } = computeReport(rows, monthPeriod('2026-10'), AFTER);
    expect(f.period).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(f.received).toEqual({
      total: 5,
      byKind: { disclosure: 3, correction: 1, erasure: 1 },
      byChannel: { post: 3, fax: 1, email: 1 },
      byRequester: { self: 3, appointed: 1, parent: 1 },
    });
    expect(f.decided).toEqual({
      total: 3,
      byKindOutcome: { disclosure: { full: 1, refused: 1 }, erasure: { notDone: 1 } },
    });
    expect(f.completed).toBe(2);
    expect(f.withdrawals).toBe(1);
    expect(f.deemedWithdrawn).toBe(1);
    expect(f.openAtEnd).toBe(3); // D, E, F
    expect(f.overdueAtEnd).toBe(1); // F
    expect(f.answered).toBe(3); // A, B, D
    expect(f.daysToAnswer.all).toEqual({ count: 3, mean: 13, median: 15, max: 16 });
    expect(f.daysToAnswer.withoutCure).toEqual({ count: 3, mean: 11, median: 9, max: 16 });
    expect(f.daysToAnswer.byKind.disclosure).toEqual({ count: 2, mean: 11.5, median: 11.5, max: 15 });
    expect(f.withinSla).toBe(2); // A, B
    expect(f.withinArticle39).toBe(1); // A
    expect(f.cures).toBe(1); // B
    expect(f.feesReceived).toBe(3000);
    expect(f.feesToReturn).toBe(200);
  });

  it('counts 39条 compliance only over requests 39条 covers (a 利用目的の通知 alone is a 求め)', () => {
    const purposeOnly = row({
      id: 'P',
      arrivalDate: '2026-10-01',
      kinds: ['purpose'],
      status: 'completed',
      closedOn: '2026-10-25',
      answeredOn: '2026-10-20',
      slaDate: '2026-10-22',
      article39Date: '2026-10-15',
    });
    const f = computeReport([rows[0]!, purposeOnly], monthPeriod('2026-10'), AFTER).current;
    expect(f.answered).toBe(2);
    expect(f.withinSla).toBe(2);
    expect(f).toMatchObject({ withinArticle39: 1, answeredUnderArticle39: 1 });
  });

  it('counts requests closed as outside the Act apart, in none of the statutory figures', () => {
    const base = computeReport(rows, monthPeriod('2026-10'), AFTER).current;
    // An heir's request about a deceased father's data, open past its dates until closed as
    // outside the Act (answered as a service), with 1,000円 sent and owed back.
    const heir = row({
      id: 'H',
      arrivalDate: '2026-10-02',
      status: 'outsideLaw',
      closedOn: '2026-10-20',
      slaDate: '2026-10-16',
      article39Date: '2026-10-16',
      feesReceived: [{ on: '2026-10-02', amount: 1000 }],
      feeToReturn: 1000,
      outsideLaw: { category: 'deceased', response: 'service' },
    });
    const own = row({
      id: 'I',
      arrivalDate: '2026-10-03',
      status: 'outsideLaw',
      closedOn: '2026-10-05',
      article39Date: '2026-10-17',
      outsideLaw: { category: 'companyInformation', response: 'declined' },
    });
    const f = computeReport([...rows, heir, own], monthPeriod('2026-10'), AFTER).current;
    expect(f.outsideLaw).toEqual({
      total: 2,
      byCategory: { deceased: 1, companyInformation: 1 },
      byResponse: { service: 1, declined: 1 },
    });
    expect(f.received).toEqual(base.received);
    expect(f).toMatchObject({
      openAtEnd: base.openAtEnd,
      overdueAtEnd: base.overdueAtEnd,
      answered: base.answered,
      completed: base.completed,
      decided: base.decided,
    });
    expect(f.feesReceived).toBe(base.feesReceived + 1000);
    expect(f.feesToReturn).toBe(base.feesToReturn + 1000);
  });

  it('puts the previous period beside it', () => {
    const { previous: p } = computeReport(rows, monthPeriod('2026-10'), AFTER);
    expect(p.period).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    expect(p.received.total).toBe(2); // F, G
    expect(p.cures).toBe(1); // G
    expect(p.openAtEnd).toBe(2); // F, G
    expect(p.overdueAtEnd).toBe(1); // F
    expect(p.answered).toBe(0);
    expect(p.daysToAnswer.all).toEqual({ count: 0, mean: null, median: null, max: null });
  });

  it('handles years and month lengths', () => {
    expect(monthPeriod('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(previousPeriod(monthPeriod('2026-01'))).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(previousPeriod(yearPeriod(2026))).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(computeReport(rows, yearPeriod(2026), AFTER).current.received.total).toBe(7);
    expect(stats([4, 1, 3, 2])).toEqual({ count: 4, mean: 2.5, median: 2.5, max: 4 });
  });
});

describe('reports: open and overdue at the end of the period', () => {
  // A request due on `on` (SLA and 39条 date the same), arrived two weeks before.
  const due = (id: string, on: string, over: Partial<ReportRow> = {}) =>
    row({ id, arrivalDate: addDays(on, -14), status: 'investigating', slaDate: on, article39Date: on, ...over });

  it('counts a period still running as of today (Japan), not as of a last day to come', () => {
    const today = '2026-11-10';
    const running = [
      due('past', '2026-11-09'),
      // 補正待ち past its 39条 date: overdue all the same (the dashboard lists it).
      due('cure', '2026-11-06', { status: 'awaitingCure', slaDate: null }),
      // Due today: not overdue until tomorrow.
      due('today', '2026-11-10'),
      // Arrived today.
      due('later', '2026-11-24'),
      // Answered (the letter is out), not yet completed: nothing owed.
      due('sent', '2026-11-02', { status: 'sent', answeredOn: '2026-11-04' }),
    ];
    for (const [period, label] of [
      [monthPeriod('2026-11'), 'month'],
      [yearPeriod(2026), 'year'],
    ] as const) {
      const f = computeReport(running, period, today).current;
      expect(f.asOf, label).toBe(today);
      // Not 4 (past, cure, today, later: due before the period's last day, as counted before).
      expect(f.overdueAtEnd, label).toBe(2); // past, cure
      expect(f.openAtEnd, label).toBe(5);
    }
    // On its last day the month is counted on that day, which is today.
    expect(computeReport(running, monthPeriod('2026-11'), '2026-11-30').current).toMatchObject({
      asOf: '2026-11-30',
      overdueAtEnd: 4, // past, cure, today, later
    });
  });

  it('counts a closed period as of its last day: open at the end of it, due before it', () => {
    const october = [
      due('past', '2026-10-30'),
      // Due on the last day: that day was still its own. Overdue from 11-01, in November's figure.
      due('lastDay', '2026-10-31'),
      // Answered on the last day, before its end: not owed at the end.
      due('answeredLastDay', '2026-10-28', { status: 'completed', answeredOn: '2026-10-31', closedOn: '2026-11-02' }),
      // Owed at the end of October, answered and closed since: still counted for October.
      due('answeredLater', '2026-10-29', { status: 'completed', answeredOn: '2026-11-03', closedOn: '2026-11-05' }),
      due('withdrawnLater', '2026-10-20', { status: 'withdrawn', closedOn: '2026-11-02' }),
      // Closed within October: not open at the end.
      due('withdrawn', '2026-10-20', { status: 'withdrawn', closedOn: '2026-10-25' }),
      // Due after October: overdue today, not at the end of October.
      due('november', '2026-11-05'),
    ];
    const f = computeReport(october, monthPeriod('2026-10'), AFTER).current;
    expect(f.asOf).toBe('2026-10-31');
    expect(f.overdueAtEnd).toBe(3); // past, answeredLater, withdrawnLater
    expect(f.openAtEnd).toBe(6);
    // The same rule for the previous period beside a running one.
    expect(computeReport(october, monthPeriod('2026-11'), '2026-11-10').previous).toMatchObject({
      asOf: '2026-10-31',
      overdueAtEnd: 3,
    });
  });

  it('counts an extension (延長) from the day it was decided, for a running and a closed period', () => {
    const extendedEarly = { date: '2026-11-20', decidedOn: '2026-10-15' };
    const extendedLate = { date: '2026-11-20', decidedOn: '2026-11-03' };
    const rows = [
      // Due 10-20, extended to 11-20 in October: not overdue at the end of October, nor today.
      due('early', '2026-10-20', { extension: extendedEarly }),
      // Due 10-20, extended only in November: overdue at the end of October, not today.
      due('late', '2026-10-20', { extension: extendedLate }),
    ];
    expect(computeReport(rows, monthPeriod('2026-10'), AFTER).current).toMatchObject({
      asOf: '2026-10-31',
      overdueAtEnd: 1,
    });
    expect(computeReport(rows, monthPeriod('2026-11'), '2026-11-10').current).toMatchObject({
      asOf: '2026-11-10',
      overdueAtEnd: 0,
    });
    // Past the extended date: overdue again.
    expect(computeReport(rows, monthPeriod('2026-11'), '2026-11-21').current.overdueAtEnd).toBe(2);
  });
});
