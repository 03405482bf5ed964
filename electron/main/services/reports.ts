import { ErrorCode, type ChannelOutput, type ReportSelection } from '../../../core/contract';
import { addDays, addMonths, japanToday, type IsoDate } from '../../../core/domain/dates';
import { Decision } from '../../../core/domain/decisions';
import { evaluateFee, type FeeMeans } from '../../../core/domain/intake/fees';
import type { Channel, RequestKind, RequesterType } from '../../../core/domain/intake/kinds';
import {
  computeReport,
  monthPeriod,
  previousPeriod,
  yearPeriod,
  type Period,
  type ReportRow,
} from '../../../core/domain/reports';
import { closedStates } from '../../../core/domain/workflow';
import { receivedPerMonth, reportDetails, reportSourceRows } from '../db/repositories/reports';
import { getSetting, putSetting } from '../db/repositories/settings';
import { AppError } from './errors';
import { readFees } from './policies';
import { curePauses } from './requests';
import type { Vault } from './vault';

const daysBetween = (from: IsoDate, to: IsoDate) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function periodOf(s: ReportSelection): Period {
  return s.kind === 'month' ? monthPeriod(s.value) : yearPeriod(Number(s.value));
}

export class ReportsService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: () => Date,
  ) {}

  // One flat row per request that can count in the period or the one before it.
  rows(period: Period): ReportRow[] {
    const db = this.vault.connection();
    const since = previousPeriod(period).from;
    const sources = reportSourceRows(db, period.to, since, closedStates);
    const details = reportDetails(
      db,
      sources.map((s) => s.id),
    );
    const group = <T extends { request_id: string }>(items: T[]) => {
      const map = new Map<string, T[]>();
      for (const i of items) {
        const list = map.get(i.request_id);
        if (list) list.push(i);
        else map.set(i.request_id, [i]);
      }
      return map;
    };
    const events = group(details.events);
    const decisions = group(details.decisions);
    const dispatches = group(details.dispatches);
    const payments = group(details.payments);
    const fees = readFees(db);
    const today = japanToday(this.clock());
    return sources.map((s): ReportRow => {
      const ev = events.get(s.id) ?? [];
      const kinds = (s.kinds ?? '').split(',').filter(Boolean) as RequestKind[];
      const paid = payments.get(s.id) ?? [];
      const sent = (dispatches.get(s.id) ?? []).map((d) => (JSON.parse(d.data) as { sentOn: string }).sentOn).sort();
      const approved = ev.filter((e) => e.action === 'approve').at(-1);
      return {
        id: s.id,
        arrivalDate: s.arrival_date,
        channel: s.channel as Channel,
        requesterType: s.requester_type as RequesterType,
        kinds,
        status: s.status,
        closedOn: s.closed_on,
        approvedOn: approved?.day ?? null,
        decisions: (decisions.get(s.id) ?? []).map((d) => ({
          kind: d.kind as RequestKind,
          outcome: Decision.parse(JSON.parse(d.data)).outcome,
        })),
        answeredOn: sent[0] ?? null,
        cureDays: curePauses(ev).reduce((n, p) => n + daysBetween(p.from, p.to ?? today), 0),
        cureRequestedOn: ev.filter((e) => e.action === 'requestCure').map((e) => e.day),
        slaDate: s.sla_date,
        article39Date: s.article39_date ?? addDays(s.arrival_date, 14),
        feesReceived: paid.map((p) => ({ on: p.received_on, amount: p.amount })),
        feeToReturn: evaluateFee(
          kinds,
          fees,
          paid.map((p, i) => ({
            id: String(i),
            means: p.means as FeeMeans,
            amount: p.amount,
            receivedOn: p.received_on,
            issuedOn: p.issued_on,
          })),
        ).toReturn,
      };
    });
  }

  report(selection: ReportSelection): ChannelOutput<'reports.get'> {
    const period = periodOf(selection);
    if (period.from > japanToday(this.clock())) {
      throw new AppError(ErrorCode.BAD_INPUT, '未来の期間の報告書は作成できません。');
    }
    const { current, previous } = computeReport(this.rows(period), period);
    const chartTo = period.to;
    const chartFrom = addMonths(`${chartTo.slice(0, 7)}-01`, -11);
    return {
      current,
      previous,
      comment: this.comment(selection),
      perMonth: receivedPerMonth(this.vault.connection(), chartFrom, chartTo),
    };
  }

  private comment(s: ReportSelection): string {
    const value = getSetting(this.vault.connection(), `report-comment:${s.kind}:${s.value}`);
    return typeof value === 'string' ? value : '';
  }

  saveComment(s: ReportSelection, comment: string): Record<string, never> {
    this.vault.write('settings.update', `report-comment:${s.kind}:${s.value}`, `length=${comment.length}`, (db) => {
      putSetting(db, `report-comment:${s.kind}:${s.value}`, comment);
    });
    return {};
  }
}
