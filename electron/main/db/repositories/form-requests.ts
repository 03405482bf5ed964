import { prepared, type Db } from '../connection';

// The 請求書 sent on request (form_requests, migration 0013).

export type FormRequestDbRow = {
  id: string;
  number: string;
  data_json: string;
  sent_json: string | null;
  request_id: string | null;
  receipt_no: string | null;
  created_by: string;
  created_at: string;
};

export function getFormRequest(db: Db, id: string): FormRequestDbRow | undefined {
  return prepared(
    db,
    `SELECT f.id, f.number, f.data_json, f.sent_json, f.request_id, r.receipt_no, f.created_by, f.created_at
       FROM form_requests f LEFT JOIN requests r ON r.id = f.request_id WHERE f.id = ?`,
  ).get(id) as FormRequestDbRow | undefined;
}

export function listFormRequestIds(db: Db, limit: number): string[] {
  return prepared(db, 'SELECT id FROM form_requests ORDER BY requested_on DESC, number DESC LIMIT ?')
    .pluck()
    .all(limit) as string[];
}

export function countFormRequestsOfYear(db: Db, year: number): number {
  return prepared(db, 'SELECT count(*) FROM form_requests WHERE number LIKE ?').pluck().get(`F-${year}-%`) as number;
}

export function insertFormRequest(
  db: Db,
  r: { id: string; number: string; requestedOn: string; data: string; createdBy: string; createdAt: string },
): void {
  prepared(
    db,
    'INSERT INTO form_requests (id, number, requested_on, data_json, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(r.id, r.number, r.requestedOn, r.data, r.createdBy, r.createdAt);
}

export function setFormRequestSent(db: Db, id: string, sent: string): void {
  prepared(db, 'UPDATE form_requests SET sent_json = ? WHERE id = ?').run(sent, id);
}

export function requestIdOfReceipt(db: Db, receiptNo: string): string | undefined {
  return prepared(db, 'SELECT id FROM requests WHERE receipt_no = ?').pluck().get(receiptNo) as string | undefined;
}

export function linkFormRequest(db: Db, id: string, requestId: string): void {
  prepared(db, 'UPDATE form_requests SET request_id = ? WHERE id = ?').run(requestId, id);
}

export function deleteFormRequest(db: Db, id: string): void {
  prepared(db, 'DELETE FROM form_requests WHERE id = ?').run(id);
}

// Logged before `before` and never linked to a request: due for the retention purge.
export function formRequestsToPurge(db: Db, before: string): { id: string; number: string; requested_on: string }[] {
  return prepared(
    db,
    'SELECT id, number, requested_on FROM form_requests WHERE request_id IS NULL AND requested_on < ? ORDER BY requested_on, number',
  ).all(before) as { id: string; number: string; requested_on: string }[];
}
