import { addDays, addMonths, daysBetween, type IsoDate } from './dates';
import { outcomes, outcomesByGroup, type Outcome } from './decisions';
import {
  article39Applies,
  channels,
  kindInfo,
  requestKinds,
  requesterTypes,
  type Channel,
  type RequestKind,
  type RequesterType,
} from './intake/kinds';
import type { OutsideLawCategory, OutsideLawResponse } from './outside-law';
import { answerOverdue } from './workflow';

// The monthly and annual report (DOMAIN.md §7): what the 個人情報保護管理者 shows management.
// Main gathers one flat row per request; the figures are computed here, for any period, so that
// every number can be checked on a fixture where it is known by construction.

export type ReportRow = {
  id: string;
  arrivalDate: IsoDate;
  channel: Channel;
  requesterType: RequesterType;
  kinds: RequestKind[];
  // Split off another request of the same 請求書 at intake (issue 33 §4): its kinds are counted,
  // the 請求書 is not counted again.
  split?: true;
  status: string;
  closedOn: IsoDate | null;
  // The day the decisions were approved (決裁), and each kind's outcome.
  approvedOn: IsoDate | null;
  decisions: { kind: RequestKind; outcome: Outcome }[];
  // The first answer letter sent (発送日), if any.
  answeredOn: IsoDate | null;
  // Calendar days spent waiting for a 補正, and the days a 補正 was asked for.
  cureDays: number;
  cureRequestedOn: IsoDate[];
  slaDate: IsoDate | null;
  article39Date: IsoDate;
  feesReceived: { on: IsoDate; amount: number }[];
  feeToReturn: number;
  // Closed as a request outside the Act: counted apart, in none of the statutory figures (facts
  // stored before this field have none).
  outsideLaw?: { category: OutsideLawCategory; response: OutsideLawResponse } | null;
  // An extension (延長): its date, from the day it was decided (facts stored before this field
  // have none; migration 0026 computes those of extended requests again).
  extension?: { date: IsoDate; decidedOn: IsoDate } | null;
};

export type Period = { from: IsoDate; to: IsoDate };

export function monthPeriod(month: string): Period {
  const from = `${month}-01`;
  return { from, to: addDays(addMonths(from, 1), -1) };
}

export function yearPeriod(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export function previousPeriod(p: Period): Period {
  const months =
    (Number(p.to.slice(0, 4)) - Number(p.from.slice(0, 4))) * 12 +
    Number(p.to.slice(5, 7)) -
    Number(p.from.slice(5, 7)) +
    1;
  const from = addMonths(p.from, -months);
  return { from, to: addDays(p.from, -1) };
}

export type Stats = { count: number; mean: number | null; median: number | null; max: number | null };

export type Figures = {
  period: Period;
  // The day the figures "at the end" (open, overdue) are counted on: the period's last day, or
  // today while the period is still running (its last day is after today).
  asOf: IsoDate;
  received: {
    total: number;
    byKind: Partial<Record<RequestKind, number>>;
    byChannel: Partial<Record<Channel, number>>;
    byRequester: Partial<Record<RequesterType, number>>;
  };
  decided: { total: number; byKindOutcome: Partial<Record<RequestKind, Partial<Record<Outcome, number>>>> };
  completed: number;
  openAtEnd: number;
  overdueAtEnd: number;
  daysToAnswer: { all: Stats; withoutCure: Stats; byKind: Partial<Record<RequestKind, Stats>> };
  answered: number;
  withinSla: number;
  withinArticle39: number;
  // Answers to requests 39条 covers (not those that were only 利用目的の通知).
  answeredUnderArticle39: number;
  cures: number;
  withdrawals: number;
  deemedWithdrawn: number;
  feesReceived: number;
  feesToReturn: number;
  // Requests closed as outside the Act in the period (a deceased person's data, …): apart from
  // the requests above, which count only requests under the Act.
  outsideLaw: {
    total: number;
    byCategory: Partial<Record<OutsideLawCategory, number>>;
    byResponse: Partial<Record<OutsideLawResponse, number>>;
  };
};

const within = (d: IsoDate | null, p: Period) => d !== null && d >= p.from && d <= p.to;

export function stats(values: readonly number[]): Stats {
  if (values.length === 0) return { count: 0, mean: null, median: null, max: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  const mean = sorted.reduce((n, v) => n + v, 0) / sorted.length;
  return { count: sorted.length, mean: Math.round(mean * 10) / 10, median, max: sorted.at(-1) ?? null };
}

const bump = <K extends string>(rec: Partial<Record<K, number>>, key: K) => {
  rec[key] = (rec[key] ?? 0) + 1;
};

// The due date the lists show on `day`: the earlier of the internal SLA and the 39条 date, the
// SLA alone where 39条 does not apply, the 39条 date while a 補正 stops the SLA, and an
// extension's date (延長) from the day it was decided (computeDeadlines; the dashboard reads the
// stored due date, which has the extension once decided).
function dueDate(r: ReportRow, day: IsoDate): IsoDate {
  if (r.extension && r.extension.decidedOn <= day) return r.extension.date;
  return r.slaDate !== null && (r.slaDate < r.article39Date || !article39Applies(r.kinds))
    ? r.slaDate
    : r.article39Date;
}

// Past due on `day`: still owed that day and due before it. A request due on `day` itself is not
// overdue on it: its due date is a whole day to answer in, and it is overdue from the next day
// (the dashboard's rule too, answerOverdue). So "past due at the end of a period" counts what was
// due before its last day and still owed when that day ended; a request due on the last day and
// still unanswered is past due from the first day of the next period.
// When `day` is today, the request's current step is its step that day and the dashboard's own
// test decides (a step in which the answer is owed, overdueStates, and due before today): a
// running period's figure is the dashboard's overdue total. A past day's step is not kept, so
// "owed" is rebuilt from the dates: arrived, not closed and not answered by the end of that day.
function overdueOn(r: ReportRow, day: IsoDate, today: IsoDate): boolean {
  if (day === today) return answerOverdue({ status: r.status, dueDate: dueDate(r, today) }, today);
  const owed =
    r.arrivalDate <= day && (r.closedOn === null || r.closedOn > day) && (r.answeredOn === null || r.answeredOn > day);
  return owed && dueDate(r, day) < day;
}

// `today` (in Japan) bounds the figures at the end: a period still running is counted as of today,
// not as of a last day that has not come (issue 34 §1: requests not yet due were counted overdue).
export function computeFigures(rows: readonly ReportRow[], period: Period, today: IsoDate): Figures {
  const asOf = period.to < today ? period.to : today;
  const f: Figures = {
    period,
    asOf,
    received: { total: 0, byKind: {}, byChannel: {}, byRequester: {} },
    decided: { total: 0, byKindOutcome: {} },
    completed: 0,
    openAtEnd: 0,
    overdueAtEnd: 0,
    daysToAnswer: { all: stats([]), withoutCure: stats([]), byKind: {} },
    answered: 0,
    withinSla: 0,
    withinArticle39: 0,
    answeredUnderArticle39: 0,
    cures: 0,
    withdrawals: 0,
    deemedWithdrawn: 0,
    feesReceived: 0,
    feesToReturn: 0,
    outsideLaw: { total: 0, byCategory: {}, byResponse: {} },
  };
  const all: number[] = [];
  const net: number[] = [];
  const byKind: Partial<Record<RequestKind, number[]>> = {};
  for (const r of rows) {
    const outside = r.outsideLaw ?? null;
    if (outside !== null) {
      // Money sent with it is still received and still owed back.
      f.feesReceived += r.feesReceived.filter((p) => within(p.on, period)).reduce((n, p) => n + p.amount, 0);
      if (within(r.arrivalDate, period)) f.feesToReturn += r.feeToReturn;
      if (within(r.closedOn, period)) {
        f.outsideLaw.total += 1;
        bump(f.outsideLaw.byCategory, outside.category);
        bump(f.outsideLaw.byResponse, outside.response);
      }
      continue;
    }
    if (within(r.arrivalDate, period)) {
      for (const k of r.kinds) bump(f.received.byKind, k);
      if (!r.split) {
        f.received.total += 1;
        bump(f.received.byChannel, r.channel);
        bump(f.received.byRequester, r.requesterType);
      }
      f.feesToReturn += r.feeToReturn;
    }
    if (within(r.approvedOn, period)) {
      for (const d of r.decisions) {
        f.decided.total += 1;
        const perKind = (f.decided.byKindOutcome[d.kind] ??= {});
        bump(perKind, d.outcome);
      }
    }
    if (within(r.closedOn, period)) {
      if (r.status === 'completed') f.completed += 1;
      if (r.status === 'withdrawn') f.withdrawals += 1;
      if (r.status === 'deemedWithdrawn') f.deemedWithdrawn += 1;
    }
    // Open at the end (today, while the period runs): arrived by then and not closed by then.
    if (r.arrivalDate <= asOf && (r.closedOn === null || r.closedOn > asOf)) f.openAtEnd += 1;
    if (overdueOn(r, asOf, today)) f.overdueAtEnd += 1;
    f.cures += r.cureRequestedOn.filter((d) => within(d, period)).length;
    f.feesReceived += r.feesReceived.filter((p) => within(p.on, period)).reduce((n, p) => n + p.amount, 0);
    if (r.answeredOn !== null && within(r.answeredOn, period)) {
      const days = daysBetween(r.arrivalDate, r.answeredOn);
      all.push(days);
      net.push(days - r.cureDays);
      for (const k of r.kinds) (byKind[k] ??= []).push(days);
      f.answered += 1;
      if (r.slaDate !== null && r.answeredOn <= r.slaDate) f.withinSla += 1;
      if (article39Applies(r.kinds)) {
        f.answeredUnderArticle39 += 1;
        if (r.answeredOn <= r.article39Date) f.withinArticle39 += 1;
      }
    }
  }
  f.daysToAnswer = {
    all: stats(all),
    withoutCure: stats(net),
    byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, stats(v)])),
  };
  return f;
}

export type Report = { current: Figures; previous: Figures };

export function computeReport(rows: readonly ReportRow[], period: Period, today: IsoDate): Report {
  return {
    current: computeFigures(rows, period, today),
    previous: computeFigures(rows, previousPeriod(period), today),
  };
}

// Counts in a fixed order, whatever order the requests came in (issue 34 §6): kinds in the order
// of the Act (32条, 33条, 33条5項, 34条, 35条1項, 35条3項: requestKinds), channels and requester
// types as the intake form lists them. A key outside the order (none today) follows, sorted.
export function inOrder<K extends string>(order: readonly K[], counts: Partial<Record<K, number>>): [K, number][] {
  const present = (Object.keys(counts) as K[]).filter((k) => counts[k] !== undefined);
  const rest = present.filter((k) => !order.includes(k)).sort();
  return [...order.filter((k) => present.includes(k)), ...rest].map((k) => [k, counts[k] ?? 0]);
}

export const kindsInOrder = (counts: Partial<Record<RequestKind, number>>) => inOrder(requestKinds, counts);
export const channelsInOrder = (counts: Partial<Record<Channel, number>>) => inOrder(channels, counts);
export const requestersInOrder = (counts: Partial<Record<RequesterType, number>>) => inOrder(requesterTypes, counts);

// Each kind's outcomes in the order its decision form lists them (全部開示, 一部開示, 不開示, 不存在…).
export const outcomeOrder = (kind: RequestKind): readonly Outcome[] => {
  const own = outcomesByGroup[kindInfo[kind].group];
  return [...own, ...outcomes.filter((o) => !own.includes(o))];
};

// The decisions of one or more figures (the current and previous periods), kinds in the order of
// the Act and each kind's outcomes in their order: the (kind, outcome) pairs any of them counts.
export function decisionKeys(
  ...all: Partial<Record<RequestKind, Partial<Record<Outcome, number>>>>[]
): { kind: RequestKind; outcome: Outcome }[] {
  const kinds = inOrder(requestKinds, Object.fromEntries(all.flatMap((b) => Object.keys(b).map((k) => [k, 0]))));
  return kinds.flatMap(([kind]) =>
    inOrder(
      outcomeOrder(kind),
      Object.fromEntries(all.flatMap((b) => Object.keys(b[kind] ?? {}).map((o) => [o, 0]))),
    ).map(([outcome]) => ({ kind, outcome })),
  );
}
