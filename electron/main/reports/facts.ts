import { Extension } from '../../../core/contract/records';
import { addDays, daysBetween, type IsoDate } from '../../../core/domain/dates';
import type { Decision } from '../../../core/domain/decisions';
import { curePauses, type Pause } from '../../../core/domain/deadlines';
import { evaluateFee, type FeeMeans, type FeeSchedule } from '../../../core/domain/intake/fees';
import type { Channel, RequestKind, RequesterType } from '../../../core/domain/intake/kinds';
import { OutsideLaw } from '../../../core/domain/outside-law';
import type { ReportRow } from '../../../core/domain/reports';
import { closedStates } from '../../../core/domain/workflow';
import type { Q, Store } from '../db/store';
import { replaceReportFacts, reportSourcesByIds, staleReportFactIds } from '../db/repositories/report-facts';
import { reportDetails, type ReportDetails, type ReportSourceRow } from '../db/repositories/reports';

// What a report counts of one request, kept in report_facts (migration 0017). Everything but the
// two figures that depend on the day the report is made (days spent waiting for a 補正 while one
// is still awaited) or on the settings of that day (the fee to return).
export type ReportFacts = Omit<ReportRow, 'cureDays' | 'feeToReturn' | 'feesReceived'> & {
  curePauses: Pause[];
  payments: {
    means: FeeMeans;
    amount: number;
    receivedOn: IsoDate;
    issuedOn: IsoDate | null;
    forKind: RequestKind | null;
  }[];
};

// Only what a report counts of a close as outside the Act (the text stays with the request).
function outsideLawOf(json: string | null): ReportRow['outsideLaw'] {
  if (json === null) return null;
  const o = OutsideLaw.parse(JSON.parse(json));
  return { category: o.category, response: o.response };
}

function extensionOf(json: string | null): ReportRow['extension'] {
  if (json === null) return null;
  const e = Extension.parse(JSON.parse(json));
  return { date: e.date, decidedOn: e.decidedOn };
}

function group<T extends { request_id: string }>(items: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const i of items) {
    const list = map.get(i.request_id);
    if (list) list.push(i);
    else map.set(i.request_id, [i]);
  }
  return map;
}

// The facts of each source row from its events, decisions, letters sent and fees.
export function factsOf(sources: readonly ReportSourceRow[], details: ReportDetails): ReportFacts[] {
  const events = group(details.events);
  const decisions = group(details.decisions);
  const dispatches = group(details.dispatches);
  const payments = group(details.payments);
  return sources.map((s): ReportFacts => {
    const ev = events.get(s.id) ?? [];
    const sent = (dispatches.get(s.id) ?? []).map((d) => (JSON.parse(d.data) as { sentOn: string }).sentOn).sort();
    return {
      id: s.id,
      arrivalDate: s.arrival_date,
      channel: s.channel as Channel,
      requesterType: s.requester_type as RequesterType,
      kinds: (s.kinds ?? '').split(',').filter(Boolean) as RequestKind[],
      ...(s.split_from ? { split: true as const } : {}),
      status: s.status,
      closedOn: s.closed_on,
      approvedOn: ev.filter((e) => e.action === 'approve').at(-1)?.day ?? null,
      decisions: (decisions.get(s.id) ?? []).map((d) => ({
        kind: d.kind as RequestKind,
        // Validated when saved; only the outcome is read here.
        outcome: (JSON.parse(d.data) as Pick<Decision, 'outcome'>).outcome,
      })),
      answeredOn: sent[0] ?? null,
      outsideLaw: outsideLawOf(s.outside_law_json),
      extension: extensionOf(s.extension_json),
      curePauses: curePauses(ev.map((e) => ({ day: e.day, from: e.from_state, to: e.to_state }))),
      cureRequestedOn: ev.filter((e) => e.action === 'requestCure').map((e) => e.day),
      slaDate: s.sla_date,
      article39Date: s.article39_date ?? addDays(s.arrival_date, 14),
      payments: (payments.get(s.id) ?? []).map((p) => ({
        means: p.means as FeeMeans,
        amount: p.amount,
        receivedOn: p.received_on,
        issuedOn: p.issued_on,
        forKind: p.for_kind as RequestKind | null,
      })),
    };
  });
}

// The report row of stored facts, on `today` and with the fee settings in force.
// `feeMemo`: the fee to return of a request with no payment, per (kinds, 当社に該当なし kinds),
// kept by the caller for one report: thousands of requests share a handful of combinations, and
// evaluateFee also writes the letters' notes, which a report does not read.
export function reportRowOf(
  f: ReportFacts,
  today: IsoDate,
  fees: FeeSchedule,
  feeMemo: Map<string, number> = new Map(),
): ReportRow {
  const { curePauses: pauses, payments } = f;
  const notOurs = f.decisions.filter((d) => d.outcome === 'notOurs').map((d) => d.kind);
  const outside = (f.outsideLaw ?? null) !== null;
  const key = payments.length === 0 ? `${f.kinds.join()}|${notOurs.join()}|${String(outside)}` : null;
  let feeToReturn = key === null ? undefined : feeMemo.get(key);
  if (feeToReturn === undefined) {
    feeToReturn = evaluateFee(
      f.kinds,
      fees,
      payments.map((p, i) => ({ id: String(i), ...p })),
      notOurs,
      outside,
    ).toReturn;
    if (key !== null) feeMemo.set(key, feeToReturn);
  }
  // The facts object becomes the row (a report reads thousands; a copy of each was most of its
  // garbage). Its two extra fields are never read.
  const row: ReportFacts & Partial<Pick<ReportRow, 'cureDays' | 'feesReceived' | 'feeToReturn'>> = f;
  row.cureDays = pauses.reduce((n, p) => n + daysBetween(p.from, p.to ?? today), 0);
  row.feesReceived = payments.map((p) => ({ on: p.receivedOn, amount: p.amount }));
  row.feeToReturn = feeToReturn;
  return row as ReportRow;
}

// '' while open, else the closing day: the clustering key of report_facts.
export function factsBucket(status: string, closedOn: string | null): string {
  if (!closedStates.includes(status as never)) return '';
  // A closed request without a closing day counts in no period (as before); '-' sorts before
  // every date and is not ''.
  return closedOn ?? '-';
}

// Requests computed per transaction (and per turn of the event loop when catching up).
const BATCH = 500;

// Recomputes the facts of stale requests (up to `limit`), in batches; returns how many. Runs
// inside the caller's transaction (the end of each vault write, or a step of
// refreshReportFactsInSteps).
export async function refreshReportFacts(db: Q, limit = Number.POSITIVE_INFINITY): Promise<number> {
  if (!db.isTransaction) throw new Error('refreshReportFacts runs inside a transaction.');
  let done = 0;
  while (done < limit) {
    const ids = await staleReportFactIds(db, Math.min(BATCH, limit - done));
    if (ids.length === 0) break;
    {
      const sources = await reportSourcesByIds(db, ids);
      const facts = factsOf(
        sources,
        await reportDetails(
          db,
          sources.map((s) => s.id),
        ),
      );
      await replaceReportFacts(
        db,
        ids,
        facts.map((f) => ({
          requestId: f.id,
          bucket: factsBucket(f.status, f.closedOn),
          arrivalDate: f.arrivalDate,
          data: JSON.stringify(f),
        })),
      );
    }
    done += ids.length;
  }
  return done;
}

// All stale facts, a batch per turn of the event loop: after migration 0017 a vault's whole
// history is computed once (about 12 s for 100,000 requests, `reports.facts_backfill_100k_ms`)
// while main goes on answering.
export async function refreshReportFactsInSteps(store: () => Store): Promise<number> {
  let done = 0;
  for (;;) {
    const n = await store().transaction((tx) => refreshReportFacts(tx, BATCH));
    if (n === 0) return done;
    done += n;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
