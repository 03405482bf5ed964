import { sql, type Expression, type SqlBool } from 'kysely';
import { preparedQuery } from '../prepared-query';
import { engineOf, type Q } from '../store';

export type ReportSourceRow = {
  id: string;
  arrival_date: string;
  channel: string;
  requester_type: string;
  status: string;
  closed_on: string | null;
  sla_date: string | null;
  article39_date: string | null;
  kinds: string | null;
  // A request closed as outside the Act (migration 0024): its category and response, as JSON.
  outside_law_json: string | null;
  split_from: string | null;
  extension_json: string | null;
};

export type ReportDetails = {
  events: { request_id: string; day: string; action: string; from_state: string; to_state: string }[];
  decisions: { request_id: string; kind: string; data: string }[];
  dispatches: { request_id: string; data: string }[];
  payments: {
    request_id: string;
    means: string;
    amount: number;
    received_on: string;
    issued_on: string | null;
    for_kind: string | null;
  }[];
};

// The ids of a batch of requests as one parameter, so a query keeps one SQL text (and one cached
// statement) whatever their number. SQLite: a JSON array read by json_each (`value`);
// PostgreSQL: a text[] array.
export const idsJson = (ids: readonly string[]): string => JSON.stringify([...new Set(ids)]);

// `column = ANY(ids)` on PostgreSQL; on SQLite `column IN (the ids of the JSON array)`.
export function amongIds(q: Q, column: string, ids: readonly string[]): Expression<SqlBool> {
  return among(q, column, idsValue(q, ids));
}

// The same with the ids already made one value (idsValue), for a prepared query (prepared-query.ts).
export type IdsValue = string | readonly string[];
export const idsValue = (q: Q, ids: readonly string[]): IdsValue =>
  engineOf(q) === 'sqlite' ? idsJson(ids) : [...new Set(ids)];
export function among(q: Q, column: string, ids: IdsValue): Expression<SqlBool> {
  return engineOf(q) === 'sqlite'
    ? sql<SqlBool>`${sql.ref(column)} in (select value from json_each(${ids}))`
    : sql<SqlBool>`${sql.ref(column)} = any(${ids}::text[])`;
}

// The detail queries on SQLite start from the ids (json_each, as `t`) and CROSS JOIN each detail
// table: CROSS JOIN keeps the ids as the outer loop. SQLite has no statistics for them and would
// otherwise scan the whole of each detail table and probe the ids, a cost that grows with the
// vault rather than with the period. Exported for the test of their plans.
export function sqliteReportDetailQueries(q: Q, ids: IdsValue) {
  const from = q.selectFrom(sql<{ value: string }>`json_each(${ids})`.as('t'));
  return {
    events: from
      .crossJoin('request_events as e')
      .whereRef('e.request_id', '=', 't.value')
      .select(['e.request_id', 'e.day', 'e.action', 'e.from_state', 'e.to_state'])
      .orderBy('e.request_id')
      .orderBy('e.id'),
    decisions: from
      .crossJoin('request_decisions as d')
      .whereRef('d.request_id', '=', 't.value')
      .select(['d.request_id', 'd.kind', 'd.data']),
    dispatches: from
      .crossJoin('request_dispatches as d')
      .whereRef('d.request_id', '=', 't.value')
      .select(['d.request_id', 'd.data']),
    payments: from
      .crossJoin('fee_payments as p')
      .whereRef('p.request_id', '=', 't.value')
      .select(['p.request_id', 'p.means', 'p.amount', 'p.received_on', 'p.issued_on', 'p.for_kind']),
  };
}

const detailQueries = {
  events: preparedQuery((q, ids: IdsValue) => sqliteReportDetailQueries(q, ids).events),
  decisions: preparedQuery((q, ids: IdsValue) => sqliteReportDetailQueries(q, ids).decisions),
  dispatches: preparedQuery((q, ids: IdsValue) => sqliteReportDetailQueries(q, ids).dispatches),
  payments: preparedQuery((q, ids: IdsValue) => sqliteReportDetailQueries(q, ids).payments),
};

// The events, decisions, letters sent and fees of those requests, in four queries. Runs in
// whatever `q` it is given (the caller's transaction: refreshing the report facts reads and
// writes in one): it keeps no state on the connection and opens no transaction of its own.
//
// Within a request, rows come in the same order on both engines: events by id; decisions by
// kind (SQLite reads them through their key (request_id, kind)); fees in the order they were
// recorded (SQLite: through fee_payments_request, in rowid order; PostgreSQL: its `seq`);
// letters sent in any order (only their earliest day is read).
export async function reportDetails(q: Q, ids: readonly string[]): Promise<ReportDetails> {
  if (engineOf(q) === 'sqlite') {
    const value = idsValue(q, ids);
    return {
      events: (await detailQueries.events(q, value)).rows,
      decisions: (await detailQueries.decisions(q, value)).rows,
      dispatches: (await detailQueries.dispatches(q, value)).rows,
      payments: (await detailQueries.payments(q, value)).rows,
    };
  }
  // PostgreSQL plans the ids' array with its statistics of each table's request_id index.
  return {
    events: await q
      .selectFrom('request_events as e')
      .where(amongIds(q, 'e.request_id', ids))
      .select(['e.request_id', 'e.day', 'e.action', 'e.from_state', 'e.to_state'])
      .orderBy('e.request_id')
      .orderBy('e.id')
      .execute(),
    decisions: await q
      .selectFrom('request_decisions as d')
      .where(amongIds(q, 'd.request_id', ids))
      .select(['d.request_id', 'd.kind', 'd.data'])
      .orderBy('d.request_id')
      .orderBy(sql`${sql.ref('d.kind')} collate "C"`)
      .execute(),
    dispatches: await q
      .selectFrom('request_dispatches as d')
      .where(amongIds(q, 'd.request_id', ids))
      .select(['d.request_id', 'd.data'])
      .execute(),
    payments: await q
      .selectFrom('fee_payments as p')
      .where(amongIds(q, 'p.request_id', ids))
      .select(['p.request_id', 'p.means', 'p.amount', 'p.received_on', 'p.issued_on', 'p.for_kind'])
      .orderBy('p.request_id')
      .orderBy(sql.ref('p.seq'))
      .execute(),
  };
}

// Requests received per month, for the chart of the last 12 months.
export async function receivedPerMonth(q: Q, from: string, to: string): Promise<{ month: string; count: number }[]> {
  // The same expression (no parameter in it) in SELECT and GROUP BY: PostgreSQL matches them.
  const month = sql<string>`substr(${sql.ref('arrival_date')}, 1, 7)`;
  return (
    q
      .selectFrom('requests')
      .select((eb) => [month.as('month'), eb.fn.countAll<number>().as('count')])
      .where('arrival_date', '>=', from)
      .where('arrival_date', '<=', to)
      // A request split off another of the same 請求書 is not a 請求書 received (computeReport).
      .where('split_from', 'is', null)
      .groupBy(month)
      .orderBy(month)
      .execute()
  );
}

export async function requestIdsArrived(q: Q, from: string, to: string): Promise<string[]> {
  const rows = await q
    .selectFrom('requests')
    .select('id')
    .where('arrival_date', '>=', from)
    .where('arrival_date', '<=', to)
    .where('purged_at', 'is', null)
    .orderBy('arrival_date')
    .orderBy('receipt_no')
    .execute();
  return rows.map((r) => r.id);
}
