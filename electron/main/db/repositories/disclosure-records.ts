import { prepared, type Db } from '../connection';

// The records found for a 開示 (disclosure_records, migration 0014).

export type DisclosureRecordRow = {
  id: string;
  request_id: string;
  kind: string;
  file_name: string;
  system: string;
  exported_on: string;
  format: string;
  size: number;
  sha256: string;
  added_by: string;
  added_at: string;
  marks_json?: string;
};

const COLUMNS = 'id, request_id, kind, file_name, system, exported_on, format, size, sha256, added_by, added_at';
const READ = `${COLUMNS}, marks_json`;

export function listDisclosureRecords(db: Db, requestId: string): DisclosureRecordRow[] {
  return prepared(db, `SELECT ${READ} FROM disclosure_records WHERE request_id = ? ORDER BY added_at, rowid`).all(
    requestId,
  ) as DisclosureRecordRow[];
}

export function getDisclosureRecord(db: Db, id: string): DisclosureRecordRow | undefined {
  return prepared(db, `SELECT ${READ} FROM disclosure_records WHERE id = ?`).get(id) as DisclosureRecordRow | undefined;
}

export function getDisclosureRecordContent(db: Db, id: string): Buffer | undefined {
  return prepared(db, 'SELECT content FROM disclosure_records WHERE id = ?').pluck().get(id) as Buffer | undefined;
}

export function countDisclosureRecords(db: Db, requestId: string): number {
  return prepared(db, 'SELECT count(*) FROM disclosure_records WHERE request_id = ?').pluck().get(requestId) as number;
}

export function insertDisclosureRecord(db: Db, r: DisclosureRecordRow & { content: Buffer }): void {
  prepared(db, `INSERT INTO disclosure_records (${COLUMNS}, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    r.id,
    r.request_id,
    r.kind,
    r.file_name,
    r.system,
    r.exported_on,
    r.format,
    r.size,
    r.sha256,
    r.added_by,
    r.added_at,
    r.content,
  );
}

export function deleteDisclosureRecord(db: Db, id: string): void {
  prepared(db, 'DELETE FROM disclosure_records WHERE id = ?').run(id);
}

export function setDisclosureRecordMarks(db: Db, id: string, marks: string): void {
  prepared(db, 'UPDATE disclosure_records SET marks_json = ? WHERE id = ?').run(marks, id);
}
