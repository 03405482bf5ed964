import { prepared, type Db } from '../connection';

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ') || "''";

export type PurgeCandidate = {
  id: string;
  receipt_no: string;
  kinds: string | null;
  arrival_date: string;
  closed_on: string;
};

// Closed requests whose keeping period ended on or before `closedBefore`, not yet purged.
export function requestsToPurge(db: Db, closedStatuses: readonly string[], closedBefore: string): PurgeCandidate[] {
  return prepared(
    db,
    `SELECT r.id, r.receipt_no, r.arrival_date, r.closed_on,
        (SELECT group_concat(kind) FROM request_items i WHERE i.request_id = r.id) AS kinds
      FROM requests r
      WHERE r.status IN (${placeholders(closedStatuses)}) AND r.closed_on IS NOT NULL AND r.closed_on <= ?
        AND r.purged_at IS NULL
      ORDER BY r.closed_on, r.receipt_no`,
  ).all(...closedStatuses, closedBefore) as PurgeCandidate[];
}

export type IdCopyCandidate = { id: string; request_id: string; receipt_no: string; type: string; closed_on: string };

// Enclosures of the given types whose content is still stored, of requests closed on or before
// `closedBefore`.
export function idCopiesToDelete(
  db: Db,
  closedStatuses: readonly string[],
  types: readonly string[],
  closedBefore: string,
): IdCopyCandidate[] {
  return prepared(
    db,
    `SELECT e.id, e.request_id, r.receipt_no, e.type, r.closed_on
      FROM enclosures e JOIN requests r ON r.id = e.request_id
      WHERE r.status IN (${placeholders(closedStatuses)}) AND r.closed_on IS NOT NULL AND r.closed_on <= ?
        AND e.type IN (${placeholders(types)}) AND e.content IS NOT NULL
      ORDER BY r.closed_on, r.receipt_no`,
  ).all(...closedStatuses, closedBefore, ...types) as IdCopyCandidate[];
}

export function deleteEnclosureContent(db: Db, id: string, at: string): void {
  prepared(db, 'UPDATE enclosures SET content = NULL, purged_at = ? WHERE id = ?').run(at, id);
}

// Removes a request's personal data and keeps what the reports count: its row (受付番号, kinds,
// channel, requester type, dates, status), the outcome of each decision, the day each answer
// was sent, the fees, and the workflow steps without their comments.
export function tombstone(db: Db, id: string, at: string): void {
  const run = (sql: string, ...params: unknown[]) => prepared(db, sql).run(...params, id);
  run('DELETE FROM request_parties WHERE request_id = ?');
  run('DELETE FROM identity_documents WHERE request_id = ?');
  run('DELETE FROM enclosures WHERE request_id = ?');
  run('DELETE FROM letters WHERE request_id = ?');
  // The 送付依頼 that led to this request goes with it (it names the person).
  run('DELETE FROM form_requests WHERE request_id = ?');
  run('DELETE FROM redacted_documents WHERE record_id IN (SELECT id FROM disclosure_records WHERE request_id = ?)');
  run('DELETE FROM disclosure_records WHERE request_id = ?');
  run('DELETE FROM disclosure_packages WHERE request_id = ?');
  run("UPDATE request_items SET details = '{}' WHERE request_id = ?");
  run("UPDATE request_events SET comment = '' WHERE request_id = ?");
  run(
    "UPDATE request_decisions SET data = json_object('outcome', json_extract(data, '$.outcome')) WHERE request_id = ?",
  );
  run(
    `UPDATE request_dispatches SET data = json_object('sentOn', json_extract(data, '$.sentOn'),
       'method', json_extract(data, '$.method')) WHERE request_id = ?`,
  );
  run(
    `UPDATE requests SET tracking_no = '', reply_address = '', disclosure_method = NULL, notes = '',
       identity_json = '{}', search_kana = '', search_name = '', search_birth = NULL, search_phone = NULL,
       cure_json = NULL, extension_json = CASE WHEN extension_json IS NULL THEN NULL
         ELSE json_object('date', json_extract(extension_json, '$.date')) END,
       purged_at = ?, updated_at = ? WHERE id = ?`,
    at,
    at,
  );
}

// The decisions a purged request carried, as kind:outcome (for its audit entry).
export function decisionOutcomes(db: Db, requestId: string): string[] {
  return db
    .prepare(
      "SELECT kind || ':' || coalesce(json_extract(data, '$.outcome'), '') FROM request_decisions WHERE request_id = ? ORDER BY kind",
    )
    .pluck()
    .all(requestId) as string[];
}
