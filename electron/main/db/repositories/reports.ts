import { prepared, type Db } from '../connection';

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

// CROSS JOIN keeps the id table as the outer loop: SQLite has no statistics for it and would
// otherwise scan the whole of each detail table and probe the ids, a cost that grows with the
// vault rather than with the period.
export const reportDetailQueries = {
  events: `SELECT e.request_id, e.day, e.action, e.from_state, e.to_state
    FROM temp.report_ids t CROSS JOIN request_events e ON e.request_id = t.id ORDER BY e.request_id, e.id`,
  decisions: `SELECT d.request_id, d.kind, d.data
    FROM temp.report_ids t CROSS JOIN request_decisions d ON d.request_id = t.id`,
  dispatches: `SELECT d.request_id, d.data
    FROM temp.report_ids t CROSS JOIN request_dispatches d ON d.request_id = t.id`,
  payments: `SELECT p.request_id, p.means, p.amount, p.received_on, p.issued_on, p.for_kind
    FROM temp.report_ids t CROSS JOIN fee_payments p ON p.request_id = t.id`,
} as const;

// The events, decisions, letters sent and fees of those requests, in four queries.
export function reportDetails(db: Db, ids: readonly string[]): ReportDetails {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS report_ids (id TEXT PRIMARY KEY) WITHOUT ROWID');
  db.exec('DELETE FROM temp.report_ids');
  const add = prepared(db, 'INSERT OR IGNORE INTO temp.report_ids (id) VALUES (?)');
  db.transaction(() => {
    for (const id of ids) add.run(id);
  })();
  const q = (sql: string) => prepared(db, sql).all() as never[];
  const details: ReportDetails = {
    events: q(reportDetailQueries.events),
    decisions: q(reportDetailQueries.decisions),
    dispatches: q(reportDetailQueries.dispatches),
    payments: q(reportDetailQueries.payments),
  };
  db.exec('DELETE FROM temp.report_ids');
  return details;
}

// Requests received per month, for the chart of the last 12 months.
export function receivedPerMonth(db: Db, from: string, to: string): { month: string; count: number }[] {
  return prepared(
    db,
    `SELECT substr(arrival_date, 1, 7) AS month, count(*) AS count FROM requests
       WHERE arrival_date >= ? AND arrival_date <= ? GROUP BY month ORDER BY month`,
  ).all(from, to) as { month: string; count: number }[];
}

export function requestIdsArrived(db: Db, from: string, to: string): string[] {
  return prepared(
    db,
    'SELECT id FROM requests WHERE arrival_date >= ? AND arrival_date <= ? AND purged_at IS NULL ORDER BY arrival_date, receipt_no',
  )
    .pluck()
    .all(from, to) as string[];
}
