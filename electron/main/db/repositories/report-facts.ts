import { prepared, type Db } from '../connection';
import { placeholders } from './request-lists';
import type { ReportSourceRow } from './reports';

// The requests whose report facts must be recomputed (marked by triggers, migration 0017).
export function staleReportFactIds(db: Db, limit: number): string[] {
  return prepared(db, 'SELECT request_id FROM report_facts_stale LIMIT ?').pluck().all(limit) as string[];
}

// Marks every request stale (the whole history is computed again when next needed).
export function markAllReportFactsStale(db: Db): void {
  db.exec('INSERT OR IGNORE INTO report_facts_stale (request_id) SELECT id FROM requests');
}

// The stored columns of those requests (the ones that no longer exist are absent).
export function reportSourcesByIds(db: Db, ids: readonly string[]): ReportSourceRow[] {
  if (ids.length === 0) return [];
  return prepared(
    db,
    `SELECT r.id, r.arrival_date, r.channel, r.requester_type, r.status, r.closed_on, r.sla_date, r.article39_date,
       (SELECT group_concat(kind) FROM request_items i WHERE i.request_id = r.id) AS kinds
     FROM requests r WHERE r.id IN (${placeholders(ids)})`,
  ).all(...ids) as ReportSourceRow[];
}

// Replaces the facts of `ids` with `rows` (a request absent from rows has none) and clears them
// from the stale list.
export function replaceReportFacts(
  db: Db,
  ids: readonly string[],
  rows: readonly { requestId: string; bucket: string; arrivalDate: string; data: string }[],
): void {
  const remove = prepared(db, 'DELETE FROM report_facts WHERE request_id = ?');
  const unstale = prepared(db, 'DELETE FROM report_facts_stale WHERE request_id = ?');
  const insert = prepared(db, 'INSERT INTO report_facts (bucket, request_id, arrival_date, data) VALUES (?, ?, ?, ?)');
  for (const id of ids) {
    remove.run(id);
    unstale.run(id);
  }
  for (const r of rows) insert.run(r.bucket, r.requestId, r.arrivalDate, r.data);
}

// The facts of every request that can count in a report reaching back to `since`: every open one
// that had arrived by `until`, and every one closed since `since`. Two range reads of the
// clustered table.
export function readReportFacts(db: Db, until: string, since: string): string[] {
  const open = prepared(db, "SELECT data FROM report_facts WHERE bucket = '' AND arrival_date <= ?")
    .pluck()
    .all(until) as string[];
  const closed = prepared(db, 'SELECT data FROM report_facts WHERE bucket >= ? AND arrival_date <= ?')
    .pluck()
    .all(since, until) as string[];
  return [...open, ...closed];
}
